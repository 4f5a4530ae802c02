// Length limit for every text a read sends: search and filter texts, codes, ids, cursors.
// Checked on the document and its variables before anything runs, so a 100,000-character
// `people(text:)` is refused in a millisecond instead of making PostgreSQL match it for 17 s
// (issue 13). Mutations are not checked here: their inputs have a length per field in their
// zod schemas, which answer with a ValidationError naming the field.
import { Kind, getOperationAST, visit, type ValueNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { edgeGraphQLError } from "./edge-error";

export const DEFAULT_MAX_READ_TEXT_LENGTH = 200;

interface TooLong {
  /** Field and argument, e.g. "people.text" or "offices.filter.text". */
  path: string;
  length: number;
}

function firstTooLongValue(value: unknown, path: string, max: number): TooLong | null {
  if (typeof value === "string") return value.length > max ? { path, length: value.length } : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstTooLongValue(item, `${path}.${index}`, max);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = firstTooLongValue(item, `${path}.${key}`, max);
      if (found) return found;
    }
  }
  return null;
}

function firstTooLongNode(node: ValueNode, path: string, max: number, variables: Record<string, unknown>): TooLong | null {
  switch (node.kind) {
    case Kind.STRING:
      return node.value.length > max ? { path, length: node.value.length } : null;
    case Kind.VARIABLE:
      return firstTooLongValue(variables[node.name.value], path, max);
    case Kind.LIST:
      for (const [index, item] of node.values.entries()) {
        const found = firstTooLongNode(item, `${path}.${index}`, max, variables);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = firstTooLongNode(field.value, `${path}.${field.name.value}`, max, variables);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

/** Refuses a query or subscription any of whose arguments holds a text longer than `maxLength`. */
export function useReadArgumentLength(maxLength = DEFAULT_MAX_READ_TEXT_LENGTH): Plugin {
  const check = (args: { document: Parameters<typeof getOperationAST>[0]; operationName?: string | null; variableValues?: Record<string, unknown> | null }) => {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation || operation.operation === "mutation") return null;
    const variables = args.variableValues ?? {};
    let found: TooLong | null = null;
    // The operation and the fragments (a valid document has only fragments it uses).
    const nodes = [operation, ...args.document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)];
    for (const node of nodes) visit(node, {
      Field(field) {
        if (found) return false;
        for (const argument of field.arguments ?? []) {
          found = firstTooLongNode(argument.value, `${field.name.value}.${argument.name.value}`, maxLength, variables);
          if (found) return false;
        }
        return undefined;
      },
    });
    if (!found) return null;
    const { path, length } = found as TooLong;
    const error = edgeGraphQLError(400, "BAD_USER_INPUT", `Teksten i «${path}» er for lang: høyst ${maxLength} tegn (fikk ${length}).`);
    Object.assign(error.extensions, { argument: path, maxLength });
    return error;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
