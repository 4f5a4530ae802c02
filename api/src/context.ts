// What every resolver gets: the database, who is calling, and the request id that the
// audit log records.
import { randomUUID } from "node:crypto";
import type { Db } from "@samla/schema";
import type { ReportEventBus } from "./adoption/report-events";
import type { Viewer } from "./auth/viewer";

/** Verifies a bearer token; throws (the auth module's `TokenError`) when it is refused. */
export type VerifyToken = (token: string) => Promise<Viewer>;

/** Why a request that sent an Authorization header is treated as not signed in. */
export interface AuthFailure {
  /** EXPIRED, INVALID, WRONG_ISSUER, WRONG_AUDIENCE, IDP_UNAVAILABLE or MALFORMED_HEADER */
  reason: string;
  /** Norwegian, safe to show to the user. */
  message: string;
}

export interface SamlaContext {
  db: Db;
  viewer: Viewer | null;
  /** Set when a token was sent but refused; the auth errors then say why. */
  authFailure: AuthFailure | null;
  requestId: string;
  /** Live progress report events (the server sets it; contexts built by hand may leave it out). */
  reportEvents?: ReportEventBus;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's `x-request-id` when it looks sane (so logs can be correlated), else a new one. */
export function requestIdFrom(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)\s*$/i;

const FALLBACK_MESSAGES: Record<string, string> = {
  EXPIRED: "Innloggingen har utløpt. Logg inn på nytt.",
  WRONG_ISSUER: "Innloggingen kommer fra en annen innloggingstjeneste enn Samla bruker.",
  WRONG_AUDIENCE: "Innloggingen gjelder ikke for Samla.",
  IDP_UNAVAILABLE: "Innloggingstjenesten svarer ikke. Prøv igjen om litt.",
  INVALID: "Innloggingen er ugyldig. Logg inn på nytt.",
};

/** Reads a refusal from the verifier's error; `TokenError` carries a code and a safe message. */
function authFailureFrom(error: unknown): AuthFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === "string" && code in FALLBACK_MESSAGES ? code : "INVALID";
  const isTokenError = error instanceof Error && error.name === "TokenError";
  return { reason, message: isTokenError ? error.message : FALLBACK_MESSAGES[reason]! };
}

/** Identifies the caller from the Authorization header. Never throws: refusals become `authFailure`. */
export async function authenticate(
  request: Request,
  verifyToken: VerifyToken,
): Promise<Pick<SamlaContext, "viewer" | "authFailure">> {
  const header = request.headers.get("authorization");
  if (!header) return { viewer: null, authFailure: null };
  const token = BEARER.exec(header)?.[1];
  if (!token) {
    return {
      viewer: null,
      authFailure: {
        reason: "MALFORMED_HEADER",
        message: "Authorization-headeren må ha formen «Bearer <token>».",
      },
    };
  }
  try {
    return { viewer: await verifyToken(token), authFailure: null };
  } catch (error) {
    return { viewer: null, authFailure: authFailureFrom(error) };
  }
}
