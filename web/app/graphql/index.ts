// The app's GraphQL client: the configured API URL and the signed-in user's token.
import { getAccessToken } from "../auth/keycloak";
import { loadConfig } from "../config";
import { createGraphQLClient } from "./client";

export const request = createGraphQLClient({
  url: async () => (await loadConfig()).apiUrl,
  getToken: getAccessToken,
});

export { graphql } from "./generated";
export {
  ApiError,
  isApiError,
  expectTypename,
  createGraphQLClient,
  type ApiErrorKind,
  type GraphQLErrorItem,
  type ResultOf,
  type VariablesOf,
  type TypedDocument,
} from "./client";
