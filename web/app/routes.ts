import { type RouteConfig, index, route } from "@remix-run/route-config";

// One file per screen; "/" sends the user on to the offices list.
export default [
  index("routes/index.tsx"),
  route("kontorer", "routes/kontorer.tsx"),
  route("kontorer/:id", "routes/kontorer.$id.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
