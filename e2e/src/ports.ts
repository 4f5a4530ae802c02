/** Ports of the stack the e2e suite starts (apart from `npm start`'s 5173/4000/8180). */
export const E2E_PORTS = { web: 15173, api: 14000, idp: 18180 } as const;
