// Verifies Keycloak access tokens (or the embedded dev IdP's, which have the same shape)
// and turns them into a Viewer.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { isSamlaRole, type Viewer } from "./viewer";

export type TokenErrorCode = "EXPIRED" | "INVALID" | "WRONG_ISSUER" | "WRONG_AUDIENCE" | "IDP_UNAVAILABLE";

const MESSAGES: Record<TokenErrorCode, string> = {
  EXPIRED: "Innloggingen har utløpt. Logg inn på nytt.",
  INVALID: "Innloggingen er ugyldig. Logg inn på nytt.",
  WRONG_ISSUER: "Innloggingen kommer fra en annen innloggingstjeneste enn Samla bruker.",
  WRONG_AUDIENCE: "Innloggingen gjelder ikke for Samla.",
  IDP_UNAVAILABLE: "Innloggingstjenesten svarer ikke. Prøv igjen om litt.",
};

/** Why a token was refused. `message` is Norwegian and safe to show to the user. */
export class TokenError extends Error {
  override name = "TokenError";
  constructor(
    readonly code: TokenErrorCode,
    /** Technical detail for logs; never shown to users. */
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(MESSAGES[code], options);
  }
}

export interface TokenVerifierOptions {
  /** e.g. `http://localhost:8180/realms/samla` */
  issuer: string;
  /** Must be one of the token's `aud` values. Default "samla-api". */
  audience?: string;
  /** The token's `azp` must equal it. Default "samla-web"; "" skips the check. */
  clientId?: string;
  /** Key source; default: the issuer's JWKS at `<issuer>/protocol/openid-connect/certs`. */
  jwks?: JWTVerifyGetKey;
  /**
   * Where to fetch the JWKS when it is not at the issuer's own URL: in a container network
   * the issuer the browser sees (http://localhost:8180/…) is not the address the API can reach.
   */
  jwksUrl?: string;
  /** How long fetched keys count as fresh; older keys are still used while a refresh runs. Default 10 minutes. */
  jwksCacheMaxAgeMs?: number;
  /** A JWKS fetch that takes longer has failed. Default 2 s. */
  jwksTimeoutMs?: number;
  /** Least time between two JWKS fetches, after a failed one or for an unknown kid. Default 30 s. */
  jwksRetryAfterMs?: number;
  /** The time tokens are checked against; tests move it to see a real token expire. */
  now?: () => Date;
}

const ALGORITHMS = ["RS256", "ES256", "PS256"];
const CLOCK_TOLERANCE_SECONDS = 5;
/** After a JWKS fetch (failed or not), do not ask the IdP again for this long unless keys are fresh. */
const JWKS_RETRY_AFTER_MS = 30_000;
/**
 * A JWKS fetch that has not answered by then has failed. Short: an IdP answers in
 * milliseconds, and a request only ever waits for a fetch when we have no usable key.
 */
const JWKS_TIMEOUT_MS = 2_000;

export function extractBearerToken(authorizationHeader: string | null | undefined): string | null {
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(authorizationHeader ?? "");
  return match?.[1] ?? null;
}

interface JwksTiming {
  cacheMaxAgeMs: number;
  timeoutMs: number;
  retryAfterMs: number;
}

/**
 * A key source that never makes a request wait for the IdP while it has keys: stale keys are
 * used at once and refreshed in the background (stale-while-revalidate), so a down or hanging
 * IdP costs no latency. A request waits for a fetch (bounded by `timeoutMs`, shared by all
 * requests waiting) only when there are no keys yet, or when the token names a `kid` we do
 * not know (the IdP may have rotated its keys); the latter at most once per `retryAfterMs`, so
 * tokens with made-up kids cannot keep the API fetching. jose's own remote set refetches in the
 * request path once its cache is stale, which is what stalled bursts of requests for seconds.
 */
function resilientRemoteJwks(url: URL, timing: JwksTiming): JWTVerifyGetKey {
  // Used only to fetch and validate the JWKS (its reload shares one fetch among callers).
  const remote = createRemoteJWKSet(url, {
    cacheMaxAge: timing.cacheMaxAgeMs,
    cooldownDuration: timing.retryAfterMs,
    timeoutDuration: timing.timeoutMs,
  });
  let local: JWTVerifyGetKey | undefined;
  let lastAttemptAt = -Infinity;
  let refreshing: Promise<void> | undefined;

  const refresh = (): Promise<void> => {
    refreshing ??= remote
      .reload()
      .then(() => {
        const fetched = remote.jwks();
        if (fetched) local = createLocalJWKSet(fetched);
      })
      .finally(() => {
        lastAttemptAt = Date.now();
        refreshing = undefined;
      });
    return refreshing;
  };
  const mayRetry = () => refreshing === undefined && Date.now() - lastAttemptAt >= timing.retryAfterMs;

  return async (header, token) => {
    if (!local) {
      try {
        await refresh();
      } catch (error) {
        throw new TokenError("IDP_UNAVAILABLE", `could not fetch JWKS from ${url.href}`, { cause: error });
      }
    } else if (!remote.fresh && mayRetry()) {
      refresh().catch((error: unknown) => {
        console.warn(`[samla] JWKS refresh from ${url.href} failed; verifying with the keys fetched before: ${String(error)}`);
      });
    }
    const keys = local;
    if (!keys) throw new TokenError("IDP_UNAVAILABLE", `no JWKS from ${url.href}`);
    try {
      return await keys(header, token);
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSNoMatchingKey) || !(mayRetry() || refreshing)) throw error;
      // An unknown kid: the IdP may have rotated its keys. Wait for one fetch, then look again.
      await refresh().catch(() => undefined);
      return (local ?? keys)(header, token);
    }
  };
}

function toTokenError(error: unknown): TokenError {
  if (error instanceof TokenError) return error;
  if (error instanceof joseErrors.JWTExpired) return new TokenError("EXPIRED", error.message, { cause: error });
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return new TokenError("WRONG_ISSUER", error.message, { cause: error });
    if (error.claim === "aud") return new TokenError("WRONG_AUDIENCE", error.message, { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new TokenError("INVALID", detail, { cause: error });
}

function viewerFromClaims(payload: JWTPayload): Viewer {
  const { sub } = payload;
  if (typeof sub !== "string" || sub === "") throw new TokenError("INVALID", "token has no sub");
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  const username = text(payload.preferred_username) ?? sub;
  const realmAccess = payload.realm_access as { roles?: unknown } | undefined;
  const roles = Array.isArray(realmAccess?.roles)
    ? realmAccess.roles.filter((role): role is string => typeof role === "string").filter(isSamlaRole)
    : [];
  const email = text(payload.email);
  return {
    subject: sub,
    username,
    name: text(payload.name) ?? username,
    ...(email ? { email } : {}),
    roles: [...new Set(roles)],
    ...(typeof payload.exp === "number" ? { expiresAt: new Date(payload.exp * 1000) } : {}),
  };
}

/** Verified tokens kept per verifier (about one per signed-in user). */
const MAX_VERIFIED_TOKENS = 10_000;

export function createTokenVerifier(options: TokenVerifierOptions): (token: string) => Promise<Viewer> {
  const issuer = options.issuer.replace(/\/+$/, "");
  const audience = options.audience ?? "samla-api";
  const clientId = options.clientId ?? "samla-web";
  const getKey =
    options.jwks ??
    resilientRemoteJwks(new URL(options.jwksUrl ?? `${issuer}/protocol/openid-connect/certs`), {
      cacheMaxAgeMs: options.jwksCacheMaxAgeMs ?? 10 * 60_000,
      timeoutMs: options.jwksTimeoutMs ?? JWKS_TIMEOUT_MS,
      retryAfterMs: options.jwksRetryAfterMs ?? JWKS_RETRY_AFTER_MS,
    });

  // Verified tokens until they expire: the web sends the same token with every request
  // for its lifetime (minutes), and an RS256 check per request is a measurable share of a
  // small page's CPU. Bounded; a refused token is never kept.
  const verified = new Map<string, { viewer: Viewer; expiresAtMs: number }>();
  const nowMs = () => (options.now?.() ?? new Date()).getTime();

  return async (token) => {
    const known = verified.get(token);
    if (known && nowMs() < known.expiresAtMs) return known.viewer;
    if (known) verified.delete(token);
    try {
      // Check the issuer before fetching keys: a token from another IdP is refused with a
      // clear reason and without a JWKS round trip for a `kid` we will never know.
      let unverified: JWTPayload;
      try {
        unverified = decodeJwt(token);
      } catch (error) {
        throw new TokenError("INVALID", "not a JWT", { cause: error });
      }
      if (unverified.iss !== issuer) {
        throw new TokenError("WRONG_ISSUER", `iss ${String(unverified.iss)} is not ${issuer}`);
      }

      const { payload } = await jwtVerify(token, getKey, {
        issuer,
        audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ["exp", "sub"],
        currentDate: options.now?.(),
      });
      // Keycloak marks access tokens `typ: "Bearer"` (id tokens "ID", refresh tokens "Refresh").
      if (payload.typ !== undefined && payload.typ !== "Bearer") {
        throw new TokenError("INVALID", `typ ${String(payload.typ)} is not an access token`);
      }
      if (clientId && payload.azp !== clientId) {
        throw new TokenError("WRONG_AUDIENCE", `azp ${String(payload.azp)} is not ${clientId}`);
      }
      const viewer = viewerFromClaims(payload);
      if (verified.size >= MAX_VERIFIED_TOKENS) verified.clear();
      verified.set(token, { viewer, expiresAtMs: payload.exp! * 1000 + CLOCK_TOLERANCE_SECONDS * 1000 });
      return viewer;
    } catch (error) {
      throw toTokenError(error);
    }
  };
}
