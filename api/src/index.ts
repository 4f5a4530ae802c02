// @samla/api: the GraphQL server for Samla. main.ts starts it; tests and other tools
// build it with createSamlaServer.
export { createSamlaServer, DEFAULT_LIMITS, CSRF_HEADERS } from "./server";
export type { RequestLimits, SamlaServer, SamlaServerOptions } from "./server";
export type { SamlaContext, VerifyToken, AuthFailure } from "./context";
export type { Viewer, SamlaRole } from "./auth/viewer";
export { schema, printSortedSchema } from "./schema";
export { todayInNorway } from "./lib/dates";
export { isDevMode } from "./dev-mode";
