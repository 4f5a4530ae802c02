// Keycloak-shaped tokens for each Samla role, signed by a local issuer whose JWKS the API
// child is pointed at (OIDC_JWKS_URL), as bench/src/tokens.ts does. The subjects are the
// realm's demo users, so the seeded Person links apply (the office leader leads Nav
// Lillestrøm today).
import { createServer, type Server } from "node:http";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { loadDemoUsers } from "@samla/seed/keycloak";

export const ROLES = ["planner", "office-leader", "hr", "viewer", "admin"] as const;
export type Role = (typeof ROLES)[number];
/** A caller: a role, or nobody (no Authorization header). */
export type Caller = Role | "anonymous";
export const CALLERS: readonly Caller[] = ["anonymous", ...ROLES];

/** The demo user (seed/keycloak/samla-realm.json) that signs in as each role. */
const DEMO_USERNAME: Record<Role, string> = {
  planner: "planner",
  "office-leader": "leader",
  hr: "hr",
  viewer: "viewer",
  admin: "admin",
};

export interface TokenIssuer {
  issuer: string;
  jwksUrl: string;
  tokens: Record<Role, string>;
  close(): Promise<void>;
}

export async function startTokenIssuer(port: number, hours = 6): Promise<TokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const kid = "fuzz-key";
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const issuer = `http://127.0.0.1:${port}/realms/samla`;
  const certsPath = "/realms/samla/protocol/openid-connect/certs";
  const server: Server = createServer((request, response) => {
    if (request.url === certsPath) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ keys: [publicJwk] }));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const users = loadDemoUsers();
  const now = Math.floor(Date.now() / 1000);
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    const user = users.find((candidate) => candidate.username === DEMO_USERNAME[role]);
    if (!user) throw new Error(`The realm has no demo user ${DEMO_USERNAME[role]}`);
    tokens[role] = await new SignJWT({
      typ: "Bearer",
      azp: "samla-web",
      realm_access: { roles: user.roles },
      preferred_username: user.username,
      name: user.name,
      email: user.email,
    })
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(issuer)
      .setSubject(user.id)
      .setAudience(["samla-api"])
      .setIssuedAt(now - 60)
      .setExpirationTime(now + hours * 3600)
      .sign(privateKey);
  }
  return {
    issuer,
    jwksUrl: `http://127.0.0.1:${port}${certsPath}`,
    tokens,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
