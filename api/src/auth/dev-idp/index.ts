// The embedded dev IdP: an OpenID Provider (oidc-provider) that looks like Keycloak's realm
// `samla` to keycloak-js and to the API. Same URL layout, same token shape, same users
// (read from the realm export), so `npm start` needs no Java and no Docker.
// Development and tests only: users and passwords come from a file in the repository.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalJWKSet, jwtVerify, type JWK } from "jose";
import Provider, { errors as oidcErrors, type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { extractBearerToken } from "../verify-token";
import { loadOrCreateKeys } from "./keystore";
import { errorPage, escapeHtml, loggedOutPage, LOGIN_STATUS_IFRAME, loginPage, logoutPage, signInErrorMessage, THIRD_PARTY_COOKIES_PAGE } from "./pages";
import { DEFAULT_REALM_FILE, loadRealm, originAllowed, redirectUriMatches, userClaims, type Realm, type RealmUser } from "./realm";

export interface DevIdpOptions {
  /** 0 picks a free port */
  port: number;
  /** Interface to listen on. Default "127.0.0.1". */
  host?: string;
  /** Origin browsers and the API use to reach the IdP. Default `http://localhost:<port>`. */
  publicUrl?: string;
  /** Keycloak realm export to read the client and users from. Default seed/keycloak/samla-realm.json. */
  realmFile?: string;
  /** Keep the signing and cookie keys in this JSON file (e.g. `.data/dev-idp-keys.json`), so
   * tokens issued before a restart still verify. Default: new keys in memory at every start. */
  keystorePath?: string;
}

export interface DevIdp {
  /** `<url>/realms/samla`: the `iss` of its tokens */
  issuer: string;
  /** `http://localhost:<port>`: keycloak-js's `url` */
  url: string;
  close(): Promise<void>;
}

export { DEFAULT_REALM_FILE };

const OIDC = "/protocol/openid-connect";
/** Resource indicator of the API. oidc-provider issues JWT access tokens only for a resource
 * server, and resource indicators must be absolute URIs; the tokens' `aud` is AUDIENCE. */
const API_RESOURCE = "urn:samla:api";
const API_AUDIENCE = "samla-api";
const API_SCOPE = "openid profile email";
const BAD_CREDENTIALS = "Ugyldig brukernavn eller passord.";
const MAX_FORM_BYTES = 64 * 1024;

export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  const realm = loadRealm(options.realmFile ?? DEFAULT_REALM_FILE);
  const keys = await loadOrCreateKeys(options.keystorePath);

  let handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("[dev-idp] request failed:", error);
      if (!res.headersSent) sendHtml(res, 500, errorPage("Innloggingstjenesten fikk en uventet feil."));
      else res.end();
    });
  });
  await listen(server, options.port, options.host ?? "127.0.0.1");

  const { port } = server.address() as AddressInfo;
  const url = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, "");
  const realmPath = `/realms/${realm.name}`;
  const issuer = `${url}${realmPath}`;
  const provider = createProvider(realm, issuer, realmPath, keys.signingKeys, keys.cookieKeys);
  handle = createRequestHandler({ realm, issuer, url, realmPath, provider, signingKeys: keys.signingKeys });

  return {
    issuer,
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function createProvider(realm: Realm, issuer: string, realmPath: string, signingKeys: JWK[], cookieKeys: string[]): Provider {
  const usersById = new Map(realm.users.map((user) => [user.id, user]));
  const { client } = realm;
  const concrete = (patterns: string[]) =>
    [...new Set(patterns.map((pattern) => pattern.replace(/\*$/, "")).filter((uri) => URL.canParse(uri)))];
  const redirectUris = concrete(client.redirectUris);
  const identityClaims = ["sub", "name", "given_name", "family_name", "preferred_username", "email", "email_verified", "realm_access"];

  const configuration: Configuration = {
    clients: [
      {
        client_id: client.clientId,
        client_name: client.name,
        application_type: "web",
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: redirectUris.length > 0 ? redirectUris : ["http://localhost:5173/"],
        post_logout_redirect_uris: concrete(client.postLogoutRedirectUris),
      },
    ],
    jwks: { keys: signingKeys },
    cookies: {
      keys: cookieKeys,
      // Own names: cookies are per host, not per port, and other local apps may use oidc-provider.
      names: { session: "samla_idp_session", interaction: "samla_idp_interaction", resume: "samla_idp_resume" },
      long: { httpOnly: true, sameSite: "lax" },
      short: { httpOnly: true, sameSite: "lax" },
    },
    // Keycloak's default client scopes (profile, email, roles) always apply, so every token
    // carries the identity claims: they all hang off `openid`.
    claims: {
      openid: identityClaims,
      profile: ["name", "given_name", "family_name", "preferred_username"],
      email: ["email", "email_verified"],
    },
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const user = usersById.get(sub);
      return user ? { accountId: user.id, claims: () => userClaims(user) } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `${realmPath}/login-actions/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // keycloak-js sends no `resource`: every token is for the API, like Keycloak's
        // audience mapper on samla-web.
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== API_RESOURCE) throw new oidcErrors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: API_AUDIENCE,
            accessTokenTTL: realm.accessTokenLifespan,
            accessTokenFormat: "jwt",
            jwt: { sign: { alg: "RS256" } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = logoutPage(form, { confirmed: Boolean(ctx.oidc.params?.id_token_hint) });
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = "html";
          ctx.body = loggedOutPage(client.baseUrl);
        },
      },
    },
    formats: {
      customizers: {
        // Keycloak's access token shape.
        jwt: (_ctx, token, jwt) => {
          const user = "accountId" in token && token.accountId ? usersById.get(token.accountId) : undefined;
          jwt.header = { ...jwt.header, typ: "JWT" };
          Object.assign(jwt.payload, {
            typ: "Bearer",
            azp: token.clientId,
            ...("sid" in token && token.sid ? { sid: token.sid } : {}),
            ...(user ? userClaims(user) : {}),
          });
          delete jwt.payload.client_id;
        },
      },
    },
    // Public clients get refresh tokens without offline_access, like Keycloak.
    issueRefreshToken: (_ctx, tokenClient) => tokenClient.grantTypeAllowed("refresh_token"),
    // Keycloak does not rotate refresh tokens by default. With rotation, a refresh token used
    // twice (two tabs, a reload mid-refresh) would revoke the whole grant.
    rotateRefreshToken: false,
    pkce: { required: () => true },
    responseTypes: ["code"],
    scopes: ["openid", "profile", "email", "offline_access"],
    clientBasedCORS: (_ctx, origin) => originAllowed(origin, client.webOrigins),
    renderError: (ctx, out) => {
      ctx.type = "html";
      const error = String(out.error ?? "");
      const description = typeof out.error_description === "string" ? out.error_description : error;
      // Never a dead end: back to the app the browser came from when that is one of the
      // client's origins (even when its redirect_uri was refused), else the client's base URL.
      const redirectUri = ctx.oidc?.params?.redirect_uri;
      const from = typeof redirectUri === "string" ? URL.parse(redirectUri)?.origin : undefined;
      const backUrl = from && originAllowed(from, client.webOrigins) ? `${from}/` : client.baseUrl;
      ctx.body = errorPage(signInErrorMessage(error), backUrl, description);
    },
    routes: {
      authorization: `${OIDC}/auth`,
      token: `${OIDC}/token`,
      jwks: `${OIDC}/certs`,
      userinfo: `${OIDC}/userinfo`,
      end_session: `${OIDC}/logout`,
      revocation: `${OIDC}/revoke`,
      introspection: `${OIDC}/token/introspect`,
      pushed_authorization_request: `${OIDC}/ext/par/request`,
      device_authorization: `${OIDC}/auth/device`,
      backchannel_authentication: `${OIDC}/ext/ciba/auth`,
    },
    ttl: {
      AccessToken: realm.accessTokenLifespan,
      IdToken: realm.accessTokenLifespan,
      AuthorizationCode: 60,
      // Refresh tokens also end with the session (logout), see expiresWithSession.
      RefreshToken: realm.ssoSessionMaxLifespan,
      Session: realm.ssoSessionMaxLifespan,
      Grant: realm.ssoSessionMaxLifespan,
      Interaction: 30 * 60,
    },
  };

  const provider = new Provider(issuer, configuration);

  // oidc-provider compares redirect URIs as exact strings; Keycloak allows `*` patterns, and
  // local dev servers and tests use ports of their own. See redirectUriMatches.
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(uri: string) {
    return redirectUriMatches(uri, client.redirectUris);
  };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(uri: string) {
    return redirectUriMatches(uri, client.postLogoutRedirectUris);
  };
  // Keycloak puts the session id (`sid`) in every token; keycloak-js reads it as `sessionId`.
  // oidc-provider only does so for clients with back-channel logout.
  (provider.Client.prototype as unknown as { includeSid(): boolean }).includeSid = () => true;

  // keycloak-js decodes the refresh token as a JWT (it throws on anything else), and
  // oidc-provider's refresh tokens are opaque. So the refresh token's id is made JWT-shaped:
  // an unsigned header and payload Keycloak-like, then the random part. Only the whole string
  // is ever looked up; nobody verifies it as a JWT (Keycloak's refresh tokens are HS512 with a
  // realm secret that clients cannot verify either).
  const refreshTokenPrototype = provider.RefreshToken.prototype as unknown as {
    generateTokenId(this: { clientId?: string; accountId?: string; sid?: string; remainingTTL: number }): string;
  };
  refreshTokenPrototype.generateTokenId = function generateTokenId() {
    const now = Math.floor(Date.now() / 1000);
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const random = randomBytes(32).toString("base64url");
    return [
      part({ alg: "none", typ: "JWT" }),
      part({
        iat: now,
        exp: now + this.remainingTTL,
        jti: random.slice(0, 16),
        iss: issuer,
        aud: issuer,
        sub: this.accountId,
        typ: "Refresh",
        azp: this.clientId,
        sid: this.sid,
      }),
      random,
    ].join(".");
  };

  provider.on("server_error", (_ctx: KoaContextWithOIDC, error: unknown) => console.error("[dev-idp] server error:", error));
  return provider;
}

interface HandlerContext {
  realm: Realm;
  issuer: string;
  url: string;
  realmPath: string;
  provider: Provider;
  signingKeys: JWK[];
}

function createRequestHandler({ realm, issuer, url, realmPath, provider, signingKeys }: HandlerContext) {
  const { client } = realm;
  const providerCallback = provider.callback();
  const publicKeys = createLocalJWKSet({
    keys: signingKeys.map(({ kty, n, e, crv, x, y, kid, alg, use }) => ({ kty, n, e, crv, x, y, kid, alg, use })),
  });
  const demoUsers = realm.users.map((user) => ({ username: user.username, password: user.password, roles: user.realmRoles }));
  const usersById = new Map(realm.users.map((user) => [user.id, user]));

  function findUser(login: string, password: string): RealmUser | undefined {
    const wanted = login.trim().toLowerCase();
    const user = realm.users.find((candidate) => candidate.username.toLowerCase() === wanted || candidate.email.toLowerCase() === wanted);
    // Compare digests so the time taken does not depend on how much of the password matched.
    const digest = (value: string) => createHash("sha256").update(value).digest();
    const matches = timingSafeEqual(digest(user?.password ?? randomBytes(16).toString("hex")), digest(password));
    return user && matches ? user : undefined;
  }

  async function bearerUser(req: IncomingMessage): Promise<RealmUser | undefined> {
    const token = extractBearerToken(req.headers.authorization ?? null);
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, publicKeys, { issuer, algorithms: ["RS256"] });
      return payload.typ === "Bearer" && payload.sub ? usersById.get(payload.sub) : undefined;
    } catch {
      return undefined;
    }
  }

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await provider.interactionDetails(req, res).catch(() => undefined);
    if (!details || details.uid !== uid) {
      sendHtml(res, 400, errorPage("Innloggingen har utløpt eller er ikke gyldig lenger.", client.baseUrl));
      return;
    }
    const action = `${realmPath}/login-actions/${uid}`;

    if (details.prompt.name === "login") {
      if (req.method !== "POST") {
        sendHtml(res, 200, loginPage({ action, demoUsers }));
        return;
      }
      const form = await readForm(req);
      const username = form.get("username") ?? "";
      const user = findUser(username, form.get("password") ?? "");
      if (!user) {
        sendHtml(res, 200, loginPage({ action, username, error: BAD_CREDENTIALS, demoUsers }));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: user.id } }, { mergeWithLastSubmission: false });
      return;
    }

    if (details.prompt.name === "consent") {
      // samla-web is first-party and Keycloak asks no consent for it: grant what was asked.
      const accountId = details.session?.accountId;
      const clientId = String(details.params.client_id);
      const grant =
        (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
        new provider.Grant({ accountId, clientId });
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scopes.join(" "));
      }
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return;
    }

    await provider.interactionFinished(req, res, {
      error: "access_denied",
      error_description: `unsupported prompt ${details.prompt.name}`,
    });
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? "/", url);
    const { pathname } = requestUrl;

    if (pathname === "/" || pathname === "") {
      sendHtml(res, 200, `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Samla dev IdP</title></head><body>
<p>Utviklingsinnlogging for Samla. Utsteder: <a href="${escapeHtml(`${issuer}/.well-known/openid-configuration`)}">${escapeHtml(issuer)}</a></p></body></html>`);
      return;
    }
    if (pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (pathname !== realmPath && !pathname.startsWith(`${realmPath}/`)) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    const subPath = pathname.slice(realmPath.length) || "/";

    // CORS with credentials: keycloak-js calls the token endpoint with `credentials: "include"`,
    // which needs Access-Control-Allow-Credentials; oidc-provider's own CORS never sends it.
    // oidc-provider leaves responses alone that already carry Access-Control-* headers.
    const origin = req.headers.origin;
    if (origin && originAllowed(origin, client.webOrigins)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Allow-Credentials", "true");
      res.setHeader("Vary", "Origin");
      if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        res.setHeader("Access-Control-Allow-Headers", req.headers["access-control-request-headers"] ?? "Authorization, Content-Type");
        res.setHeader("Access-Control-Max-Age", "3600");
        res.writeHead(204).end();
        return;
      }
    }

    const loginAction = /^\/login-actions\/([A-Za-z0-9_-]+)$/.exec(subPath);
    if (loginAction?.[1]) {
      await interaction(req, res, loginAction[1]);
      return;
    }

    switch (subPath) {
      case `${OIDC}/login-status-iframe.html`:
      case `${OIDC}/3p-cookies/step1.html`:
      case `${OIDC}/3p-cookies/step2.html`:
        sendHtml(res, 200, subPath.includes("3p-cookies") ? THIRD_PARTY_COOKIES_PAGE : LOGIN_STATUS_IFRAME);
        return;
      case `${OIDC}/login-status-iframe.html/init`:
        res.writeHead(originAllowed(requestUrl.searchParams.get("origin") ?? "", client.webOrigins) ? 204 : 403).end();
        return;
      case `${OIDC}/userinfo`: {
        // Own userinfo: oidc-provider refuses access tokens that have an audience there, and
        // Keycloak's (and ours) always do.
        const user = await bearerUser(req);
        if (!user) {
          res.setHeader("WWW-Authenticate", 'Bearer error="invalid_token"');
          sendJson(res, 401, { error: "invalid_token", error_description: "Token verification failed" });
          return;
        }
        const { realm_access: _roles, ...claims } = userClaims(user);
        sendJson(res, 200, claims);
        return;
      }
      case "/account": {
        // keycloak-js's loadUserProfile() reads the Account REST API.
        const user = await bearerUser(req);
        if (user) {
          sendJson(res, 200, {
            id: user.id,
            username: user.username,
            firstName: user.firstName,
            lastName: user.lastName,
            email: user.email,
            emailVerified: user.emailVerified,
            attributes: {},
          });
        } else if (req.headers.authorization) {
          sendJson(res, 401, { error: "invalid_token" });
        } else {
          sendHtml(res, 200, errorPage("Utviklingsinnloggingen har ingen kontoside. Brukerne står i seed/keycloak/samla-realm.json.", client.baseUrl));
        }
        return;
      }
    }

    // Everything else is oidc-provider's, mounted under /realms/<realm>: it routes on req.url
    // and finds its mount path from req.originalUrl (as under Express's app.use(prefix, …)).
    Object.assign(req, { originalUrl: req.url, url: `${subPath}${requestUrl.search}` });
    await providerCallback(req, res);
  };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-frame-options": "SAMEORIGIN",
  });
  res.end(html);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
