// The API's token checks against tokens that a real Keycloak issued (realm
// seed/keycloak/samla-realm.json). Runs when KEYCLOAK_URL is set, through
// `vitest.keycloak.config.ts` (CI starts Keycloak with scripts/keycloak.sh).
import { decodeJwt } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoUsers } from "@samla/seed/keycloak";
import { createTokenVerifier, TokenError } from "../src/auth";
import { oidcCodeLogin, refreshTokens, type OidcTokens } from "../test/oidc-login";

const keycloakUrl = process.env.KEYCLOAK_URL?.replace(/\/$/, "");
if (!keycloakUrl) throw new Error("KEYCLOAK_URL must point at a Keycloak with the samla realm");
const issuer = `${keycloakUrl}/realms/samla`;
const planner = loadDemoUsers().find((u) => u.username === "planner")!;
const webRedirect = "http://localhost:5173/";

async function signInAsPlanner(): Promise<OidcTokens> {
  return oidcCodeLogin({ issuer, clientId: "samla-web", redirectUri: webRedirect, username: planner.username, password: planner.password });
}

async function tokenError(promise: Promise<unknown>): Promise<TokenError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TokenError);
  return error as TokenError;
}

describe("Keycloak-issued tokens", () => {
  let tokens: OidcTokens;
  beforeAll(async () => {
    tokens = await signInAsPlanner();
  });

  it("accepts a valid access token and reads the user and realm roles from it", async () => {
    const viewer = await createTokenVerifier({ issuer })(tokens.access_token);
    expect(viewer).toMatchObject({ subject: planner.id, username: "planner", name: planner.name, roles: ["planner"] });
  });

  it("refuses the same token once it has expired", async () => {
    const { exp } = decodeJwt(tokens.access_token);
    const afterExpiry = createTokenVerifier({ issuer, now: () => new Date((exp! + 60) * 1000) });
    expect((await tokenError(afterExpiry(tokens.access_token))).code).toBe("EXPIRED");
  });

  it("refuses a token issued to another client (wrong audience)", async () => {
    // Keycloak's own account console client: a real token, but not for the Samla API.
    const accountTokens = await oidcCodeLogin({
      issuer,
      clientId: "account-console",
      redirectUri: `${issuer}/account/`,
      username: planner.username,
      password: planner.password,
    });
    const { aud, azp } = decodeJwt(accountTokens.access_token);
    expect([aud ?? []].flat()).not.toContain("samla-api");
    expect(azp).toBe("account-console");
    expect((await tokenError(createTokenVerifier({ issuer })(accountTokens.access_token))).code).toBe("WRONG_AUDIENCE");
  });

  it("refuses the id token and a token checked against another issuer", async () => {
    expect((await tokenError(createTokenVerifier({ issuer })(tokens.id_token))).code).not.toBeUndefined();
    const otherIssuer = createTokenVerifier({ issuer: `${keycloakUrl}/realms/master` });
    expect((await tokenError(otherIssuer(tokens.access_token))).code).toBe("WRONG_ISSUER");
  });

  it("accepts a refreshed access token", async () => {
    const refreshed = await refreshTokens(issuer, "samla-web", tokens.refresh_token);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    const viewer = await createTokenVerifier({ issuer })(refreshed.access_token);
    expect(viewer.subject).toBe(planner.id);
  });
});
