/**
 * Ports of the stack the e2e suite starts (apart from `npm start`'s 5173/4000/8180).
 * E2E_PORT_BASE moves all three, so two suites can run side by side; Keycloak's realm
 * allows the default web port 15173 only.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 14000);
export const E2E_PORTS = { web: base + 1173, api: base, idp: base + 4180 } as const;
