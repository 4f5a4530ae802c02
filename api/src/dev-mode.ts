// Development mode: introspection, field suggestions and GraphiQL. Off unless SAMLA_DEV=1, so
// anything started without saying so (npm start on a shared host, the container image, the
// bench) has the production posture: a schema map for attackers is opt-in, not opt-out.

/** True when `SAMLA_DEV=1`. */
export function isDevMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SAMLA_DEV === "1";
}
