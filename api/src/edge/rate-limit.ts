// Rate limits per client IP (every /graphql request, counted before its body is read) and per
// signed-in user (token `sub`, counted once the token is verified), with rate-limiter-flexible's
// in-memory fixed windows. Over the limit: 429 with Retry-After and a GraphQL-style error
// (code RATE_LIMITED). Counters live in each API process: with N workers or replicas a client
// gets up to N times the limit, which is still a bound.
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { SamlaContext } from "../context";
import { edgeGraphQLError, edgeResponse } from "./edge-error";

export interface RateLimit {
  /** Requests allowed per window; 0 turns the limit off. */
  points: number;
  windowSeconds: number;
}

export interface RateLimitOptions {
  perIp: RateLimit;
  perUser: RateLimit;
  /**
   * How many proxies in front of the API append to X-Forwarded-For (0: use the socket's
   * address). Behind one load balancer, 1: then the client is the last address it added.
   */
  trustedProxies: number;
}

const MESSAGE = "For mange forespørsler. Vent litt og prøv igjen.";

function limiter(limit: RateLimit): RateLimiterMemory | null {
  return limit.points > 0 ? new RateLimiterMemory({ points: limit.points, duration: limit.windowSeconds }) : null;
}

/** Seconds until the window frees a request, at least 1 (Retry-After is whole seconds). */
function retryAfterSeconds(refusal: RateLimiterRes): string {
  return String(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
}

/** null when allowed; the seconds to wait when refused. Other failures are not the caller's fault: allow. */
async function consume(rateLimiter: RateLimiterMemory, key: string): Promise<string | null> {
  try {
    await rateLimiter.consume(key);
    return null;
  } catch (refusal) {
    return refusal instanceof RateLimiterRes ? retryAfterSeconds(refusal) : null;
  }
}

export function clientIp(request: Request, serverContext: { req?: IncomingMessage }, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const forwarded = (request.headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
    const client = forwarded[forwarded.length - trustedProxies];
    if (client) return client;
  }
  return serverContext.req?.socket?.remoteAddress ?? "unknown";
}

export function useRateLimits(options: RateLimitOptions, graphqlPath = "/graphql"): Plugin<SamlaContext> {
  const perIp = limiter(options.perIp);
  const perUser = limiter(options.perUser);

  const byUser = async (context: SamlaContext) => {
    const subject = context.viewer?.subject;
    if (!perUser || !subject) return null;
    const retryAfter = await consume(perUser, subject);
    return retryAfter ? edgeGraphQLError(429, "RATE_LIMITED", MESSAGE, { "Retry-After": retryAfter }) : null;
  };

  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (!perIp || url.pathname !== graphqlPath || request.method === "OPTIONS") return;
      const ip = clientIp(request, serverContext as { req?: IncomingMessage }, options.trustedProxies);
      const retryAfter = await consume(perIp, ip);
      if (retryAfter) endResponse(edgeResponse(fetchAPI.Response, 429, "RATE_LIMITED", MESSAGE, { "retry-after": retryAfter }));
    },
    async onExecute({ context, setResultAndStopExecution }) {
      const refusal = await byUser(context);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
    async onSubscribe({ context, setResultAndStopExecution }) {
      const refusal = await byUser(context);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
  };
}
