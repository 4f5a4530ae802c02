import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

// SPA mode: the build is static files (build/client/index.html + assets); the browser
// signs in with keycloak-js and talks to the GraphQL API directly.
export default defineConfig({
  plugins: [
    remix({
      ssr: false,
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
