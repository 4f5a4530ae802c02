// The app's subscription client: the configured API URL and the signed-in user's token,
// as for queries (graphql/index.ts).
import { getAccessToken } from "../../auth/keycloak";
import { loadConfig } from "../../config";
import { createSubscriptionClient } from "../../graphql/subscribe";

export const subscribe = createSubscriptionClient({
  url: async () => (await loadConfig()).apiUrl,
  getToken: getAccessToken,
});
