// Limits at the edge of the API (issue 13): body size, parse-cache bounds, read-argument
// lengths, rate limits per IP and per user, and a per-user concurrency guard. Defaults here;
// `edgeLimitsFromEnv` reads the deployment's overrides (see the README's Configuration).
import type { Plugin } from "graphql-yoga";
import type { SamlaContext } from "../context";
import { useBodyLimit } from "./body-limit";
import { boundedParserCache, DEFAULT_PARSE_CACHE_LIMITS, type ParseCacheLimits } from "./parse-cache";
import { useRateLimits, type RateLimitOptions } from "./rate-limit";
import { DEFAULT_MAX_READ_TEXT_LENGTH, useReadArgumentLength } from "./read-argument-length";
import { useUserConcurrency, type UserConcurrencyOptions } from "./user-concurrency";

export { boundedParserCache };

export interface EdgeLimits {
  maxBodyBytes: number;
  /** For HR and admins, whose assignment import sends a file of up to 10 MB as base64. */
  maxUploadBytes: number;
  parseCache: ParseCacheLimits;
  /** Longest text in any argument of a query or subscription. */
  maxReadTextLength: number;
  rateLimits: RateLimitOptions;
  userConcurrency: UserConcurrencyOptions;
}

const MB = 1024 * 1024;

/**
 * Generous for people and for the 200-user page mix of `npm run bench:api` (≈270 requests/s
 * in all, from one IP and two users); they stop floods, not use.
 */
export const DEFAULT_EDGE_LIMITS: EdgeLimits = {
  maxBodyBytes: 1 * MB,
  maxUploadBytes: 16 * MB,
  parseCache: DEFAULT_PARSE_CACHE_LIMITS,
  maxReadTextLength: DEFAULT_MAX_READ_TEXT_LENGTH,
  rateLimits: {
    perIp: { points: 6_000, windowSeconds: 10 },
    perUser: { points: 3_000, windowSeconds: 10 },
    trustedProxies: 0,
  },
  // Half the default pool of 10 (PGPOOL_MAX): one user leaves the other half to everyone else.
  userConcurrency: { maxConcurrent: 5, maxWaitMs: 10_000 },
};

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${JSON.stringify(raw)}`);
  return value;
}

export function edgeLimitsFromEnv(env: Env): EdgeLimits {
  const d = DEFAULT_EDGE_LIMITS;
  const windowSeconds = integer(env, "SAMLA_RATE_LIMIT_WINDOW_SECONDS", d.rateLimits.perIp.windowSeconds) || 1;
  const poolMax = integer(env, "PGPOOL_MAX", 10);
  return {
    ...d,
    maxBodyBytes: integer(env, "SAMLA_MAX_BODY_BYTES", d.maxBodyBytes),
    maxUploadBytes: integer(env, "SAMLA_MAX_UPLOAD_BYTES", d.maxUploadBytes),
    rateLimits: {
      perIp: { points: integer(env, "SAMLA_RATE_LIMIT_PER_IP", d.rateLimits.perIp.points), windowSeconds },
      perUser: { points: integer(env, "SAMLA_RATE_LIMIT_PER_USER", d.rateLimits.perUser.points), windowSeconds },
      trustedProxies: integer(env, "SAMLA_TRUSTED_PROXIES", d.rateLimits.trustedProxies),
    },
    userConcurrency: {
      maxConcurrent: integer(env, "SAMLA_USER_CONCURRENCY", Math.max(2, Math.floor(poolMax / 2))),
      maxWaitMs: integer(env, "SAMLA_USER_CONCURRENCY_WAIT_MS", d.userConcurrency.maxWaitMs),
    },
  };
}

/** Plugins that refuse before GraphQL executes; register them before graphql-jit. */
export function edgePlugins(limits: EdgeLimits, mayUploadLarge: (request: Request) => Promise<boolean>): (Plugin | Plugin<SamlaContext>)[] {
  return [
    useRateLimits(limits.rateLimits),
    useBodyLimit({ maxBytes: limits.maxBodyBytes, maxUploadBytes: limits.maxUploadBytes, mayUploadLarge }),
    useReadArgumentLength(limits.maxReadTextLength),
  ];
}

/** Registered after graphql-jit: it wraps the compiled execution. */
export function edgePluginsAfterJit(limits: EdgeLimits): (Plugin | Plugin<SamlaContext>)[] {
  return [useUserConcurrency(limits.userConcurrency)];
}
