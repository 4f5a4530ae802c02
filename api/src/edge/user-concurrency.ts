// At most `maxConcurrent` GraphQL operations per signed-in user execute at once; more wait in
// line for up to `maxWaitMs`, then get 429. So one user (e.g. ten slow searches at once, issue 13)
// cannot hold every connection of the database pool while everyone else waits. Subscriptions
// are not counted: an open stream holds no connection between events.
import type { Plugin } from "graphql-yoga";
import type { SamlaContext } from "../context";
import { edgeGraphQLError } from "./edge-error";

export interface UserConcurrencyOptions {
  /** 0 turns the guard off. */
  maxConcurrent: number;
  /** How long an extra operation waits for a slot; 0: refused at once. */
  maxWaitMs: number;
}

interface Line {
  running: number;
  waiting: (() => void)[];
}

/** Per-key counting semaphore with a bounded wait. */
export function createKeyedSemaphore(maxConcurrent: number) {
  const lines = new Map<string, Line>();

  function release(key: string) {
    const line = lines.get(key);
    if (!line) return;
    const next = line.waiting.shift();
    if (next) next(); // the slot passes straight to the next in line
    else if (--line.running === 0) lines.delete(key);
  }

  /** A release function, or null when no slot came free within `maxWaitMs`. */
  async function acquire(key: string, maxWaitMs: number): Promise<(() => void) | null> {
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { running: 0, waiting: [] }));
    let released = false;
    const releaseOnce = () => {
      if (!released) {
        released = true;
        release(key);
      }
    };
    if (line.running < maxConcurrent) {
      line.running++;
      return releaseOnce;
    }
    if (maxWaitMs <= 0) return null;
    const waiting = line;
    return new Promise((resolve) => {
      const admit = () => {
        clearTimeout(timer);
        resolve(releaseOnce);
      };
      const timer = setTimeout(() => {
        waiting.waiting.splice(waiting.waiting.indexOf(admit), 1);
        resolve(null);
      }, maxWaitMs);
      waiting.waiting.push(admit);
    });
  }

  return { acquire, running: (key: string) => lines.get(key)?.running ?? 0 };
}

const MESSAGE = "Du har for mange forespørsler i gang samtidig. Vent litt og prøv igjen.";

export function useUserConcurrency(options: UserConcurrencyOptions): Plugin<SamlaContext> {
  if (options.maxConcurrent <= 0) return {};
  const semaphore = createKeyedSemaphore(options.maxConcurrent);
  return {
    // Registered after graphql-jit, so `executeFn` here is the compiled one; the slot is held
    // until the result is complete (also when execution throws).
    onExecute({ context, executeFn, setExecuteFn }) {
      const subject = context.viewer?.subject;
      if (!subject) return;
      setExecuteFn(async (args) => {
        const release = await semaphore.acquire(subject, options.maxWaitMs);
        if (!release) {
          const retryAfter = String(Math.max(1, Math.ceil(options.maxWaitMs / 1000)));
          return { errors: [edgeGraphQLError(429, "TOO_MANY_CONCURRENT_REQUESTS", MESSAGE, { "Retry-After": retryAfter })] };
        }
        try {
          return await executeFn(args);
        } finally {
          release();
        }
      });
    },
  };
}
