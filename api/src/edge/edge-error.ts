// One shape for refusals made at the edge, before GraphQL runs: a GraphQL-style JSON body
// (`errors[0].extensions.code`) with the HTTP status, so clients read them like any other error.
import { GraphQLError } from "graphql";

export function edgeResponse(
  ResponseClass: typeof Response,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new ResponseClass(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** A GraphQL error that yoga answers with `status` (and `headers`) instead of 200. */
export function edgeGraphQLError(status: number, code: string, message: string, headers?: Record<string, string>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status, ...(headers ? { headers } : {}) } } });
}
