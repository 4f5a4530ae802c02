import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenVerifier, extractBearerToken, TokenError } from "./verify-token";

const ISSUER = "http://idp.test/realms/samla";
const NOW = () => Math.floor(Date.now() / 1000);

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let signingKey: KeyPair;
let otherKey: KeyPair;
let jwks: JSONWebKeySet;

beforeAll(async () => {
  signingKey = await generateKeyPair("RS256", { extractable: true });
  otherKey = await generateKeyPair("RS256", { extractable: true });
  jwks = { keys: [{ ...(await exportJWK(signingKey.publicKey)), kid: "key-1", alg: "RS256", use: "sig" }] };
});

function keycloakClaims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: ISSUER,
    sub: "5a1f0c2e-0001-4000-8000-000000000001",
    aud: ["samla-api", "account"],
    azp: "samla-web",
    typ: "Bearer",
    exp: NOW() + 300,
    iat: NOW(),
    preferred_username: "planner",
    name: "Petra Planlegger",
    email: "planner@samla.example",
    realm_access: { roles: ["default-roles-samla", "offline_access", "planner"] },
    ...overrides,
  };
}

async function sign(claims: JWTPayload, key: KeyPair = signingKey, kid = "key-1"): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(key.privateKey);
}

async function expectTokenError(promise: Promise<unknown>, code: TokenError["code"]) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TokenError);
  expect((error as TokenError).code).toBe(code);
  expect((error as TokenError).message).not.toBe("");
}

describe("createTokenVerifier", () => {
  const verifierWithLocalKeys = () => createTokenVerifier({ issuer: ISSUER, audience: "samla-api", jwks: createLocalJWKSet(jwks) });

  it("accepts a valid Keycloak access token and maps it to a Viewer", async () => {
    const claims = keycloakClaims();
    const viewer = await verifierWithLocalKeys()(await sign(claims));
    expect(viewer).toEqual({
      subject: "5a1f0c2e-0001-4000-8000-000000000001",
      username: "planner",
      name: "Petra Planlegger",
      email: "planner@samla.example",
      roles: ["planner"],
      // When a subscription opened with this token must end.
      expiresAt: new Date(claims.exp! * 1000),
    });
  });

  it("keeps only Samla roles and falls back to the username when the name is missing", async () => {
    const token = await sign(
      keycloakClaims({
        name: undefined,
        email: undefined,
        realm_access: { roles: ["hr", "uma_authorization", "admin", "hr"] },
      }),
    );
    const viewer = await verifierWithLocalKeys()(token);
    expect(viewer.roles).toEqual(["hr", "admin"]);
    expect(viewer.name).toBe("planner");
    expect(viewer).not.toHaveProperty("email");
  });

  it("gives no roles when realm_access is missing", async () => {
    const viewer = await verifierWithLocalKeys()(await sign(keycloakClaims({ realm_access: undefined })));
    expect(viewer.roles).toEqual([]);
  });

  it("refuses an expired token", async () => {
    const token = await sign(keycloakClaims({ iat: NOW() - 600, exp: NOW() - 60 }));
    await expectTokenError(verifierWithLocalKeys()(token), "EXPIRED");
  });

  it("refuses a token it accepted before once it has expired (the verified-token memo ends at exp)", async () => {
    let now = new Date();
    const verify = createTokenVerifier({ issuer: ISSUER, audience: "samla-api", jwks: createLocalJWKSet(jwks), now: () => now });
    const exp = Math.floor(now.getTime() / 1000) + 60;
    const token = await sign(keycloakClaims({ exp, iat: exp - 300 }));
    expect((await verify(token)).username).toBe("planner");
    expect((await verify(token)).username).toBe("planner");
    now = new Date((exp + 10) * 1000);
    await expectTokenError(verify(token), "EXPIRED");
  });

  it("tolerates a few seconds of clock skew", async () => {
    const token = await sign(keycloakClaims({ exp: NOW() - 2 }));
    await expect(verifierWithLocalKeys()(token)).resolves.toMatchObject({ username: "planner" });
  });

  it("refuses a token signed by another key with the same kid", async () => {
    await expectTokenError(verifierWithLocalKeys()(await sign(keycloakClaims(), otherKey)), "INVALID");
  });

  it("refuses a token signed by an unknown key", async () => {
    await expectTokenError(verifierWithLocalKeys()(await sign(keycloakClaims(), otherKey, "key-2")), "INVALID");
  });

  it("refuses garbage", async () => {
    await expectTokenError(verifierWithLocalKeys()("not-a-token"), "INVALID");
  });

  it("refuses a token from another issuer", async () => {
    const token = await sign(keycloakClaims({ iss: "http://evil.test/realms/samla" }));
    await expectTokenError(verifierWithLocalKeys()(token), "WRONG_ISSUER");
  });

  it("refuses a token for another audience", async () => {
    await expectTokenError(verifierWithLocalKeys()(await sign(keycloakClaims({ aud: "account" }))), "WRONG_AUDIENCE");
  });

  it("refuses a token issued to another client (azp)", async () => {
    await expectTokenError(verifierWithLocalKeys()(await sign(keycloakClaims({ azp: "other-client" }))), "WRONG_AUDIENCE");
  });

  it("refuses an id token (typ ID) even with the right audience", async () => {
    await expectTokenError(verifierWithLocalKeys()(await sign(keycloakClaims({ typ: "ID" }))), "INVALID");
  });

  it("refuses a token without sub", async () => {
    await expectTokenError(verifierWithLocalKeys()(await sign(keycloakClaims({ sub: undefined }))), "INVALID");
  });
});

describe("createTokenVerifier with the IdP's JWKS endpoint", () => {
  let server: Server;
  let issuer: string;
  let jwksRequests = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/realms/samla/protocol/openid-connect/certs") {
        jwksRequests += 1;
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(jwks));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/samla`;
  });

  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("fetches the keys, then keeps verifying from the cached keys when the IdP is down", async () => {
    // Cache max age 0: every verification wants to refetch, so the fallback path is exercised.
    const verify = createTokenVerifier({ issuer, jwksCacheMaxAgeMs: 0 });
    const token = await sign(keycloakClaims({ iss: issuer }));
    await expect(verify(token)).resolves.toMatchObject({ roles: ["planner"] });
    expect(jwksRequests).toBeGreaterThan(0);

    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));

    await expect(verify(token)).resolves.toMatchObject({ username: "planner" });
    await expect(verify(await sign(keycloakClaims({ iss: issuer, preferred_username: "planner2" })))).resolves.toMatchObject({
      username: "planner2",
    });
    // Cached keys still refuse tokens they cannot verify.
    await expectTokenError(verify(await sign(keycloakClaims({ iss: issuer }), otherKey, "key-2")), "INVALID");
  });

  it("says the IdP is unavailable when it never got the keys", async () => {
    const verify = createTokenVerifier({ issuer: "http://127.0.0.1:1/realms/samla" });
    const token = await sign(keycloakClaims({ iss: "http://127.0.0.1:1/realms/samla" }));
    await expectTokenError(verify(token), "IDP_UNAVAILABLE");
  });
});

describe("createTokenVerifier with a JWKS endpoint that hangs", () => {
  // A JWKS endpoint we can switch between answering and hanging (accepts the request, never
  // answers). Its port is in this suite's range on shared machines; HANGING_JWKS_PORT moves it.
  const port = Number(process.env.HANGING_JWKS_PORT ?? 17_480);
  const issuer = `http://127.0.0.1:${port}/realms/samla`;
  let served: JSONWebKeySet = { keys: [] };
  let hanging = false;
  let requests = 0;
  let server: Server;
  const timing = { jwksCacheMaxAgeMs: 200, jwksTimeoutMs: 500, jwksRetryAfterMs: 300 };

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests += 1;
      if (hanging) return;
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(served));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", resolve);
    });
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  async function timed<T>(work: Promise<T>): Promise<{ ms: number; result: T }> {
    const started = performance.now();
    const result = await work;
    return { ms: performance.now() - started, result };
  }

  it("keeps answering at once from the last good keys while a refresh hangs, and picks up rotated keys afterwards", async () => {
    served = jwks;
    hanging = false;
    const verify = createTokenVerifier({ issuer, ...timing });
    await expect(verify(await sign(keycloakClaims({ iss: issuer })))).resolves.toMatchObject({ username: "planner" });

    hanging = true;
    // The keys are now stale and the last fetch long enough ago: the next call starts a refresh.
    await sleep(Math.max(timing.jwksCacheMaxAgeMs, timing.jwksRetryAfterMs) + 50);
    const before = requests;
    const burst = await Promise.all(
      Array.from({ length: 20 }, async (_, index) =>
        timed(verify(await sign(keycloakClaims({ iss: issuer, preferred_username: `user-${index}` })))),
      ),
    );
    for (const [index, { result }] of burst.entries()) expect(result.username).toBe(`user-${index}`);
    // Far below the fetch timeout: no request waited for the hanging IdP.
    expect(Math.max(...burst.map(({ ms }) => ms))).toBeLessThan(timing.jwksTimeoutMs / 2);
    await sleep(50); // let the refresh's request reach the server
    expect(requests - before).toBe(1);

    // A token with a kid we do not know waits for one fetch at most: refused within the timeout.
    const rotated = await sign(keycloakClaims({ iss: issuer }), otherKey, "key-2");
    await sleep(timing.jwksTimeoutMs + timing.jwksRetryAfterMs);
    const refused = await timed(verify(rotated).then(() => "accepted", (error: unknown) => (error as TokenError).code));
    expect(refused.result).toBe("INVALID");
    expect(refused.ms).toBeLessThan(timing.jwksTimeoutMs + 400);

    // The IdP answers again, now with the rotated key too: the new kid is fetched and accepted.
    hanging = false;
    served = { keys: [...jwks.keys, { ...(await exportJWK(otherKey.publicKey)), kid: "key-2", alg: "RS256", use: "sig" }] };
    await sleep(timing.jwksRetryAfterMs + 50);
    await expect(verify(rotated)).resolves.toMatchObject({ username: "planner" });
  });

  it("fails fast with IDP_UNAVAILABLE when it has no keys and the IdP hangs", async () => {
    hanging = true;
    const verify = createTokenVerifier({ issuer, ...timing });
    const token = await sign(keycloakClaims({ iss: issuer }));
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => timed(verify(token).then(() => "accepted", (error: unknown) => (error as TokenError).code))),
    );
    for (const { result, ms } of outcomes) {
      expect(result).toBe("IDP_UNAVAILABLE");
      expect(ms).toBeLessThan(timing.jwksTimeoutMs + 400);
    }
  });
});

describe("extractBearerToken", () => {
  it("reads the token from an Authorization header", () => {
    expect(extractBearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(extractBearerToken("bearer abc.def-_ghi")).toBe("abc.def-_ghi");
  });

  it("returns null for a missing or non-bearer header", () => {
    expect(extractBearerToken(null)).toBeNull();
    expect(extractBearerToken("")).toBeNull();
    expect(extractBearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(extractBearerToken("Bearer ")).toBeNull();
  });
});
