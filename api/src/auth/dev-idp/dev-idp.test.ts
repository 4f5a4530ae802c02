// The dev IdP end to end, the way keycloak-js talks to Keycloak: authorization code + PKCE
// with plain fetch (redirects followed by hand, cookies kept in a small jar).
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenVerifier, TokenError } from "../verify-token";
import { startDevIdp, type DevIdp } from "./index";

const CLIENT_ID = "samla-web";
const APP = "http://localhost:5173";
const REDIRECT_URI = `${APP}/oppgaver?x=1`;

class Browser {
  private cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = cookie.split(";");
      const [name = "", value = ""] = pair.split(/=(.*)/s);
      const expired = attributes.some((attribute) => /^\s*expires=/i.test(attribute) && Date.parse(attribute.split("=")[1] ?? "") < Date.now());
      if (expired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  /** Follows redirects until one leaves the IdP (to the app) or a page is shown. */
  async follow(url: string, init: RequestInit = {}, idpUrl: string): Promise<{ response: Response; url: string }> {
    let response = await this.request(url, init);
    let current = url;
    for (let hops = 0; hops < 10 && response.status >= 300 && response.status < 400; hops += 1) {
      current = new URL(response.headers.get("location") ?? "", current).href;
      if (!current.startsWith(idpUrl)) break;
      response = await this.request(current);
    }
    return { response, url: current };
  }
}

function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function fragmentParams(url: string): URLSearchParams {
  return new URLSearchParams(new URL(url).hash.slice(1));
}

let idp: DevIdp;
let endpoints: Record<string, string>;

beforeAll(async () => {
  idp = await startDevIdp({ port: 0 });
  const discovery = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
  endpoints = (await discovery.json()) as Record<string, string>;
});

afterAll(async () => {
  await idp?.close();
});

interface SignIn {
  browser: Browser;
  tokens: { access_token: string; refresh_token: string; id_token: string; expires_in: number; token_type: string };
  nonce: string;
}

async function startLogin(browser: Browser, { prompt, redirectUri = REDIRECT_URI }: { prompt?: string; redirectUri?: string } = {}) {
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(8).toString("hex");
  const nonce = randomBytes(8).toString("hex");
  const authorize = new URL(endpoints.authorization_endpoint ?? "");
  authorize.search = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    state,
    response_mode: "fragment",
    response_type: "code",
    scope: "openid",
    nonce,
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...(prompt ? { prompt } : {}),
  }).toString();
  const result = await browser.follow(authorize.href, {}, idp.url);
  return { ...result, verifier, state, nonce };
}

async function postLogin(browser: Browser, loginUrl: string, username: string, password: string) {
  return browser.follow(
    loginUrl,
    { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ username, password }) },
    idp.url,
  );
}

async function exchangeCode(code: string, verifier: string, redirectUri = REDIRECT_URI) {
  return fetch(endpoints.token_endpoint ?? "", {
    method: "POST",
    headers: { origin: APP },
    body: new URLSearchParams({ code, grant_type: "authorization_code", client_id: CLIENT_ID, redirect_uri: redirectUri, code_verifier: verifier }),
  });
}

async function signIn(username: string, password: string): Promise<SignIn> {
  const browser = new Browser();
  const login = await startLogin(browser);
  const done = await postLogin(browser, login.url, username, password);
  expect(done.url.startsWith(`${APP}/oppgaver?x=1#`)).toBe(true);
  const params = fragmentParams(done.url);
  expect(params.get("state")).toBe(login.state);
  const response = await exchangeCode(params.get("code") ?? "", login.verifier);
  expect(response.status).toBe(200);
  return { browser, tokens: (await response.json()) as SignIn["tokens"], nonce: login.nonce };
}

async function refresh(refreshToken: string) {
  return fetch(endpoints.token_endpoint ?? "", {
    method: "POST",
    headers: { origin: APP },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: CLIENT_ID }),
  });
}

describe("dev IdP", () => {
  it("serves Keycloak's URL layout for realm samla", () => {
    expect(idp.issuer).toBe(`${idp.url}/realms/samla`);
    expect(endpoints.issuer).toBe(idp.issuer);
    const oidc = `${idp.issuer}/protocol/openid-connect`;
    expect(endpoints.authorization_endpoint).toBe(`${oidc}/auth`);
    expect(endpoints.token_endpoint).toBe(`${oidc}/token`);
    expect(endpoints.jwks_uri).toBe(`${oidc}/certs`);
    expect(endpoints.userinfo_endpoint).toBe(`${oidc}/userinfo`);
    expect(endpoints.end_session_endpoint).toBe(`${oidc}/logout`);
  });

  it("serves the pages keycloak-js may probe", async () => {
    for (const page of ["login-status-iframe.html", "3p-cookies/step1.html"]) {
      const response = await fetch(`${idp.issuer}/protocol/openid-connect/${page}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("postMessage");
    }
  });

  it("shows a Norwegian login form with Keycloak's field ids", async () => {
    const login = await startLogin(new Browser());
    expect(login.response.status).toBe(200);
    expect(login.url).toContain("/realms/samla/login-actions/");
    const html = await login.response.text();
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain("<title>Logg inn på Samla</title>");
    expect(html).toMatch(/<label for="username">Brukernavn eller e-postadresse<\/label>/);
    expect(html).toMatch(/<label for="password">Passord<\/label>/);
    expect(html).toMatch(/id="kc-login"[^>]*>Logg inn</);
  });

  it("refuses a wrong password and keeps the user on the login form", async () => {
    const browser = new Browser();
    const login = await startLogin(browser);
    const attempt = await postLogin(browser, login.url, "planner", "feil-passord");
    expect(attempt.response.status).toBe(200);
    expect(attempt.url).toBe(login.url);
    const html = await attempt.response.text();
    expect(html).toContain('id="input-error-username"');
    expect(html).toContain("Ugyldig brukernavn eller passord.");
    expect(html).toContain('value="planner"');

    const unknown = await postLogin(browser, login.url, "nobody", "samla-planner");
    expect(unknown.response.status).toBe(200);
    expect(await unknown.response.text()).toContain("Ugyldig brukernavn eller passord.");

    // The same interaction still accepts the right password afterwards.
    const done = await postLogin(browser, login.url, "planner", "samla-planner");
    expect(fragmentParams(done.url).get("code")).toBeTruthy();
  });

  it("runs the code + PKCE flow and issues Keycloak-shaped tokens the API accepts", async () => {
    const { tokens, nonce } = await signIn("planner", "samla-planner");
    expect(tokens.token_type).toBe("Bearer");
    expect(tokens.expires_in).toBe(300);

    const verify = createTokenVerifier({ issuer: idp.issuer });
    await expect(verify(tokens.access_token)).resolves.toEqual({
      subject: "5a1f0c2e-0001-4000-8000-000000000001",
      username: "planner",
      name: "Petra Planlegger",
      email: "planner@samla.example",
      roles: ["planner"],
      // The token's exp, so live subscriptions end when it does (issue 13).
      expiresAt: new Date(decodeJwt(tokens.access_token).exp! * 1000),
    });

    const access = decodeJwt(tokens.access_token);
    expect(decodeProtectedHeader(tokens.access_token).alg).toBe("RS256");
    expect(access).toMatchObject({
      iss: idp.issuer,
      sub: "5a1f0c2e-0001-4000-8000-000000000001",
      azp: CLIENT_ID,
      typ: "Bearer",
      preferred_username: "planner",
      given_name: "Petra",
      family_name: "Planlegger",
      email_verified: true,
      realm_access: { roles: ["planner"] },
    });
    expect([access.aud].flat()).toContain("samla-api");
    expect((access.exp ?? 0) - (access.iat ?? 0)).toBe(300);
    expect(access.jti).toBeTruthy();
    expect(access.sid).toBeTruthy();
    expect(String(access.scope).split(" ")).toContain("openid");

    const id = decodeJwt(tokens.id_token);
    expect(id).toMatchObject({ iss: idp.issuer, aud: CLIENT_ID, nonce, name: "Petra Planlegger", preferred_username: "planner" });
    expect(id.sid).toBe(access.sid);

    // keycloak-js decodes the refresh token as a JWT.
    expect(decodeJwt(tokens.refresh_token)).toMatchObject({ typ: "Refresh", azp: CLIENT_ID });
  });

  it("signs in with the e-mail address too, and maps the user's realm roles", async () => {
    const { tokens } = await signIn("leader@samla.example", "samla-leader");
    const viewer = await createTokenVerifier({ issuer: idp.issuer })(tokens.access_token);
    expect(viewer).toMatchObject({ subject: "5a1f0c2e-0002-4000-8000-000000000002", roles: ["office-leader"] });
  });

  it("allows the web app's origin with credentials on the token endpoint", async () => {
    const browser = new Browser();
    const login = await startLogin(browser);
    const done = await postLogin(browser, login.url, "hr", "samla-hr");
    const response = await exchangeCode(fragmentParams(done.url).get("code") ?? "", login.verifier);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(APP);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
  });

  it("requires the PKCE verifier", async () => {
    const browser = new Browser();
    const login = await startLogin(browser);
    const done = await postLogin(browser, login.url, "viewer", "samla-viewer");
    const response = await exchangeCode(fragmentParams(done.url).get("code") ?? "", pkcePair().verifier);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("refuses redirect URIs outside the realm's list and localhost", async () => {
    const login = await startLogin(new Browser(), { redirectUri: "https://evil.example/callback" });
    expect(login.response.status).toBe(400);
    expect(login.url.startsWith(idp.url)).toBe(true);
  });

  it("refuses a redirect URI with a fragment on a Norwegian page that leads back to the app", async () => {
    const login = await startLogin(new Browser(), { redirectUri: `${APP}/sammenlign#nokkeltall` });
    expect(login.response.status).toBe(400);
    const html = await login.response.text();
    expect(html).toContain("Innloggingen kan ikke sende deg tilbake til adressen du kom fra");
    expect(html).toContain(`<a href="${new URL(APP).origin}/">Gå tilbake til Samla og prøv igjen</a>`);
    // oidc-provider's English description is only the technical detail, not the message.
    expect(html).toMatch(/Teknisk årsak \(for brukerstøtte\): redirect_uri did not match/);
  });

  it("answers userinfo and the account endpoint for an access token", async () => {
    const { tokens } = await signIn("viewer", "samla-viewer");
    const userinfo = await fetch(endpoints.userinfo_endpoint ?? "", { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({ sub: "5a1f0c2e-0004-4000-8000-000000000004", preferred_username: "viewer", name: "Vidar Leser" });
    const account = await fetch(`${idp.issuer}/account`, { headers: { authorization: `Bearer ${tokens.access_token}`, accept: "application/json" } });
    expect(await account.json()).toMatchObject({ username: "viewer", firstName: "Vidar", lastName: "Leser" });
    const anonymous = await fetch(endpoints.userinfo_endpoint ?? "");
    expect(anonymous.status).toBe(401);
  });

  it("refreshes tokens", async () => {
    const { tokens } = await signIn("admin", "samla-admin");
    const response = await refresh(tokens.refresh_token);
    expect(response.status).toBe(200);
    const refreshed = (await response.json()) as SignIn["tokens"];
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.id_token).toBeTruthy();
    const viewer = await createTokenVerifier({ issuer: idp.issuer })(refreshed.access_token);
    expect(viewer).toMatchObject({ username: "admin", roles: ["admin"] });
    // Like Keycloak (no refresh token rotation), the refresh token can be used again.
    expect((await refresh(refreshed.refresh_token)).status).toBe(200);
  });

  it("signs in again without the form while the session lasts", async () => {
    const { browser } = await signIn("planner2", "samla-planner2");
    const again = await startLogin(browser);
    expect(fragmentParams(again.url).get("code")).toBeTruthy();
  });

  it("ends the session on logout (id_token_hint, like keycloak-js)", async () => {
    const { browser, tokens } = await signIn("planner", "samla-planner");
    const logoutUrl = new URL(endpoints.end_session_endpoint ?? "");
    logoutUrl.search = new URLSearchParams({
      client_id: CLIENT_ID,
      post_logout_redirect_uri: `${APP}/`,
      id_token_hint: tokens.id_token,
    }).toString();
    const page = await browser.request(logoutUrl.href);
    expect(page.status).toBe(200);
    const html = await page.text();
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain('name="logout" value="yes"');
    expect(action && xsrf).toBeTruthy();

    const confirmed = await browser.request(new URL(action ?? "", logoutUrl).href, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ xsrf: xsrf ?? "", logout: "yes" }),
    });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toBe(`${APP}/`);

    // The refresh token died with the session, and signing in shows the form again.
    const refreshAfterLogout = await refresh(tokens.refresh_token);
    expect(refreshAfterLogout.status).toBe(400);
    expect(((await refreshAfterLogout.json()) as { error: string }).error).toBe("invalid_grant");
    const silent = await startLogin(browser, { prompt: "none" });
    expect(fragmentParams(silent.url).get("error")).toBe("login_required");
    const interactive = await startLogin(browser);
    expect(interactive.url).toContain("/login-actions/");
  });

  it("asks before logging out when there is no id_token_hint", async () => {
    const { browser } = await signIn("planner", "samla-planner");
    const page = await browser.request(`${endpoints.end_session_endpoint}?client_id=${CLIENT_ID}&post_logout_redirect_uri=${encodeURIComponent(`${APP}/`)}`);
    const html = await page.text();
    expect(html).toContain("Vil du logge ut?");
    expect(html).toMatch(/id="kc-logout"[^>]*>Logg ut</);
  });

  it("issues tokens another IdP instance's verifier refuses", async () => {
    const other = await startDevIdp({ port: 0 });
    try {
      const { tokens } = await signIn("planner", "samla-planner");
      const error = await createTokenVerifier({ issuer: other.issuer })(tokens.access_token).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TokenError);
      expect((error as TokenError).code).toBe("WRONG_ISSUER");
    } finally {
      await other.close();
    }
  });

  it("keeps its keys in keystorePath and serves the same JWKS after a restart", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "samla-dev-idp-"));
    const keystorePath = path.join(directory, "nested", "dev-idp-keys.json");
    try {
      const first = await startDevIdp({ port: 0, keystorePath });
      const firstJwks = await (await fetch(`${first.issuer}/protocol/openid-connect/certs`)).json();
      await first.close();
      expect(statSync(keystorePath).mode & 0o077).toBe(0);
      expect(JSON.parse(readFileSync(keystorePath, "utf8"))).toHaveProperty("signingKeys");

      const second = await startDevIdp({ port: 0, keystorePath });
      try {
        expect(await (await fetch(`${second.issuer}/protocol/openid-connect/certs`)).json()).toEqual(firstJwks);
      } finally {
        await second.close();
      }
      const inMemory = await startDevIdp({ port: 0 });
      try {
        expect(await (await fetch(`${inMemory.issuer}/protocol/openid-connect/certs`)).json()).not.toEqual(firstJwks);
      } finally {
        await inMemory.close();
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
