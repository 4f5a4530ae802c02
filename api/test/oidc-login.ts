// Signs in to an OIDC provider the way keycloak-js does (authorization code + PKCE), with
// plain fetch: redirects followed by hand, cookies kept, the login form posted. Works
// against Keycloak's own login page and the embedded IdP (same form field names).
import { createHash, randomBytes } from "node:crypto";

export interface OidcTokens {
  access_token: string;
  refresh_token: string;
  id_token: string;
  expires_in: number;
}

class CookieJar {
  private cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const [name = "", value = ""] = pair.split(/=(.*)/s);
      if (value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }
}

const decodeHtml = (value: string) => value.replaceAll("&amp;", "&").replaceAll("&#x3D;", "=").replaceAll("&quot;", '"');

export async function oidcCodeLogin(options: {
  issuer: string;
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
}): Promise<OidcTokens> {
  const discovery = (await (await fetch(`${options.issuer}/.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  const jar = new CookieJar();
  const verifier = randomBytes(32).toString("base64url");
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: "code",
    response_mode: "query",
    scope: "openid",
    state: randomBytes(8).toString("hex"),
    nonce: randomBytes(8).toString("hex"),
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();

  // Follow redirects inside the IdP until it shows the login form.
  let url = authorize.href;
  let response = await jar.fetch(url);
  while (response.status >= 300 && response.status < 400) {
    url = new URL(response.headers.get("location") ?? "", url).href;
    response = await jar.fetch(url);
  }
  const html = await response.text();
  const action = /<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/.exec(html)?.[1] ?? /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no login form at ${url} (status ${response.status})`);

  // Post the credentials; the IdP redirects (possibly via itself) back to the app with a code.
  url = new URL(decodeHtml(action), url).href;
  response = await jar.fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: options.username, password: options.password }),
  });
  while (response.status >= 300 && response.status < 400) {
    url = new URL(response.headers.get("location") ?? "", url).href;
    if (url.startsWith(options.redirectUri.split("?")[0]!)) break;
    response = await jar.fetch(url);
  }
  const code = new URL(url).searchParams.get("code");
  if (!code) throw new Error(`sign-in as ${options.username} did not return a code (ended at ${url})`);

  const tokenResponse = await fetch(discovery.token_endpoint, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: options.clientId,
      code,
      redirect_uri: options.redirectUri,
      code_verifier: verifier,
    }),
  });
  if (!tokenResponse.ok) throw new Error(`token exchange failed: ${tokenResponse.status} ${await tokenResponse.text()}`);
  return (await tokenResponse.json()) as OidcTokens;
}

export async function refreshTokens(issuer: string, clientId: string, refreshToken: string): Promise<OidcTokens> {
  const response = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "refresh_token", client_id: clientId, refresh_token: refreshToken }),
  });
  if (!response.ok) throw new Error(`refresh failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as OidcTokens;
}
