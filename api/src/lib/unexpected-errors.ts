// Errors nobody expected (a bug, a database failure): the client sees "Unexpected error."
// with HTTP 500, never a 200 that looks like an answer, and the log has the full error with
// the request id, so a user's report ("x-request-id: …") leads to it (issue 13).
import { GraphQLError, type ExecutionResult } from "graphql";
import { handleStreamOrSingleExecutionResult, type Plugin, type YogaLogger } from "graphql-yoga";
import type { SamlaContext } from "../context";
import { isStatementTimeout } from "./db-errors";

/**
 * Thrown by a resolver as something other than a GraphQLError (a typed SamlaError has become
 * a result by then), or masked already. Request errors, FORBIDDEN and BAD_USER_INPUT are
 * GraphQLErrors all the way down, so they keep their own status.
 */
export function isUnexpectedError(error: unknown): boolean {
  let current: unknown = error;
  while (current instanceof GraphQLError) {
    if (current.extensions?.unexpected === true) return true;
    if (current.originalError == null) return false;
    current = current.originalError;
  }
  return true;
}

/**
 * A statement PostgreSQL cancelled after statement_timeout: the client is told so (503 with
 * Retry-After and code STATEMENT_TIMEOUT), not "Unexpected error"; it is still logged.
 */
export function statementTimeoutError(error: unknown): GraphQLError | null {
  if (!isStatementTimeout(error)) return null;
  return new GraphQLError("Spørringen tok for lang tid og ble avbrutt. Prøv igjen, eller avgrens søket.", {
    extensions: { code: "STATEMENT_TIMEOUT", http: { status: 503, headers: { "Retry-After": "5" } } },
  });
}

/** For yoga's maskError: the masked error also sets the response's status to 500. */
export function withServerErrorStatus(masked: Error): Error {
  if (masked instanceof GraphQLError && masked.extensions?.unexpected === true) {
    Object.assign(masked.extensions, { http: { status: 500 } });
  }
  return masked;
}

/** Logs each unexpected error of an operation, before yoga masks it, with the request id. */
export function logUnexpectedErrors(logger: () => YogaLogger): Plugin<SamlaContext> {
  return {
    onExecute({ args }) {
      const requestId = (args.contextValue as Partial<SamlaContext>).requestId;
      const log = (result: ExecutionResult) => {
        for (const error of result.errors ?? []) {
          if (!isUnexpectedError(error)) continue;
          logger().error(`unexpected error in request ${requestId ?? "(no id)"}`, {
            requestId,
            path: error.path?.join("."),
            error: error.originalError ?? error,
          });
        }
      };
      return {
        onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, ({ result }) => log(result)),
      };
    },
  };
}
