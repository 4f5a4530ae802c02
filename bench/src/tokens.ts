// Keycloak-shaped access tokens for the API under test: the bench serves its own JWKS on a
// local port (the API's OIDC_JWKS_URL) and signs RS256 tokens with the claims the API's
// verifier checks (issuer, audience samla-api, azp samla-web, typ Bearer, realm roles, sub),
// as api/test/harness.ts createTokenIssuer does. That issuer keeps its key inside the test
// harness (no JWKS to serve), so the shape is repeated here rather than imported.
import { createServer, type Server } from "node:http";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { onExit } from "./processes";

export const AUDIENCE = "samla-api";
export const CLIENT_ID = "samla-web";
const KID = "bench-key";

/** The demo users of api/test/harness.ts USERS that the workloads sign in as. */
export const USERS = {
  /** Planners read everything: most workloads. */
  planner: { sub: "sub-planner", username: "planlegger", name: "Pia Planlegger", email: "pia@nav.test", roles: ["planner"] },
  /** The people search is HR's screen (/hr). */
  hr: { sub: "sub-hr", username: "hr", name: "Hans HR", email: "hans@nav.test", roles: ["hr"] },
} as const;

export type BenchUser = keyof typeof USERS;

export interface TokenIssuer {
  issuer: string;
  jwksUrl: string;
  token(user: BenchUser): Promise<string>;
  close(): Promise<void>;
}

/** Serves a JWKS on 127.0.0.1:`port` and signs tokens valid for `hours`. */
export async function startTokenIssuer(port: number, hours = 6): Promise<TokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: KID, alg: "RS256", use: "sig" };
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
  onExit(() => server.close());
  const cache = new Map<BenchUser, Promise<string>>();
  return {
    issuer,
    jwksUrl: `http://127.0.0.1:${port}${certsPath}`,
    token: (user) => {
      let token = cache.get(user);
      if (!token) {
        token = sign(privateKey, issuer, user, hours);
        cache.set(user, token);
      }
      return token;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function sign(privateKey: CryptoKey, issuer: string, name: BenchUser, hours: number): Promise<string> {
  const user = USERS[name];
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    typ: "Bearer",
    azp: CLIENT_ID,
    realm_access: { roles: [...user.roles] },
    preferred_username: user.username,
    name: user.name,
    email: user.email,
  })
    .setProtectedHeader({ alg: "RS256", kid: KID, typ: "JWT" })
    .setIssuer(issuer)
    .setSubject(user.sub)
    .setAudience([AUDIENCE])
    .setIssuedAt(now - 60)
    .setExpirationTime(now + hours * 3600)
    .sign(privateKey);
}
