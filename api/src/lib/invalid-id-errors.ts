// A global id of the wrong type or shape in a typed id argument (e.g. `office(id: "abc")`):
// Pothos's relay plugin refuses it with a PothosValidationError ("ID: abc is not of type:
// Office"), a GraphQL error with no code and an English message. Clients need to tell bad
// input from a failure (issue 13: the fuzz counted 703 such answers with no code), so each
// one gets code BAD_USER_INPUT with reason INVALID_ID (the web shows its "Fant ikke" page for
// it, as for a well-formed id of nothing), HTTP 400 and a Norwegian message.
import { PothosValidationError } from "@pothos/core";
import { GraphQLError, type ExecutionResult } from "graphql";
import { handleStreamOrSingleExecutionResult, type Plugin } from "graphql-yoga";
import { ENTITY_NAMES } from "./errors";

const NOT_OF_TYPE = /^ID: (.*) is not of type: (.*)$/s;

/** The typed error for one of Pothos's id refusals; any other error as it was. */
export function typedInvalidIdError(error: GraphQLError): GraphQLError {
  const original = error.originalError ?? error;
  if (!(original instanceof PothosValidationError)) return error;
  const match = NOT_OF_TYPE.exec(original.message);
  if (!match) return error;
  const [, id, typenames] = match;
  const names = typenames!.split(", ").map((typename) => ENTITY_NAMES[typename] ?? typename);
  return new GraphQLError(`«${id}» er ikke en gyldig id for ${names.join(" eller ")}.`, {
    nodes: error.nodes,
    path: error.path,
    originalError: original,
    extensions: { code: "BAD_USER_INPUT", reason: "INVALID_ID", http: { status: 400 } },
  });
}

export function useTypedInvalidIdErrors(): Plugin {
  const retype = (result: ExecutionResult, setResult: (result: ExecutionResult) => void) => {
    if (!result.errors?.some((error) => error.originalError instanceof PothosValidationError || error instanceof PothosValidationError)) return;
    setResult({ ...result, errors: result.errors.map(typedInvalidIdError) });
  };
  return {
    onExecute: () => ({
      onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => retype(result, setResult)),
    }),
  };
}
