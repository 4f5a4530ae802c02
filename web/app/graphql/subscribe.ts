// GraphQL subscriptions over Server-Sent Events (graphql-yoga serves them on /graphql when
// the request accepts text/event-stream). graphql-sse's client in "distinct connections"
// mode: one streaming POST per subscription, with the same Bearer token and CSRF header as
// queries (client.ts). A dropped stream is opened again after a growing, capped delay; the
// caller hears whether the stream is live so the screen can say so.
import { createClient, type Client, type ExecutionResult } from "graphql-sse";
import { ApiError, type GraphQLErrorItem, type TypedDocument } from "./client";

/** Where a subscription stands, for a "Live" indicator. */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "failed";

export interface SubscriptionHandlers<TResult> {
  next: (data: TResult) => void;
  status?: (status: LiveStatus) => void;
  /** The server refused the subscription (GraphQL errors): it is not retried. */
  error?: (error: ApiError) => void;
}

export interface SubscriptionClientOptions {
  url: string | (() => Promise<string>);
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
  /** Waits before a reconnect; tests pass one that does not wait. */
  wait?: (milliseconds: number) => Promise<void>;
  /** 0-1; tests fix it so the delays are known. */
  random?: () => number;
  /** Milliseconds; tests move it to make a stream look long-lived. */
  now?: () => number;
}

export type Subscribe = <TResult, TVariables>(
  document: TypedDocument<TResult, TVariables>,
  variables: TVariables,
  handlers: SubscriptionHandlers<TResult>,
) => () => void;

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
/**
 * A stream that was live this long before the server ended it was healthy: the API ends every
 * stream when the token it was opened with expires (every few minutes), and the next one must
 * open at once with a renewed token (getToken refreshes it), not after a grown back-off.
 */
const HEALTHY_STREAM_MS = 10_000;

/**
 * The wait before reconnect `attempt` (0 = the first after a drop): 1 s, 2 s, 4 s …
 * capped at 30 s, each with up to a fifth added at random so that many browsers do not
 * come back at the same moment after an API restart.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, Math.min(attempt, 30)), MAX_DELAY_MS);
  return Math.round(base + base * 0.2 * random());
}

const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

export function createSubscriptionClient(options: SubscriptionClientOptions): Subscribe {
  const wait = options.wait ?? sleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  let client: Client | null = null;
  // One client for every subscription: it holds no connection of its own in this mode.
  const getClient = () =>
    (client ??= createClient({
      singleConnection: false,
      url: () => (typeof options.url === "string" ? options.url : options.url()),
      headers: async () => ({
        authorization: `Bearer ${await options.getToken()}`,
        // graphql-yoga's CSRF prevention, as for queries.
        "x-samla-csrf": "1",
      }),
      // A live view keeps trying; the delay stops growing at MAX_DELAY_MS.
      retryAttempts: Number.POSITIVE_INFINITY,
      retry: (retries) => wait(reconnectDelay(retries, random)),
      ...(options.fetch ? { fetchFn: options.fetch } : {}),
    }));

  return function subscribe<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables: TVariables,
    handlers: SubscriptionHandlers<TResult>,
  ): () => void {
    let stopped = false;
    let dispose: (() => void) | null = null;
    // Streams the server ended in a row without an event (e.g. while it restarts).
    let endedWithoutEvent = 0;
    // When the current stream went live (null until it does).
    let liveSince: number | null = null;
    const report = (status: LiveStatus) => {
      if (!stopped) handlers.status?.(status);
    };

    const open = () => {
      if (stopped) return;
      dispose = getClient().subscribe<TResult>(
        { query: document.toString(), variables: (variables ?? {}) as Record<string, unknown> },
        {
          next: (result: ExecutionResult<TResult, unknown>) => {
            if (stopped) return;
            const errors = (result.errors ?? []) as unknown as GraphQLErrorItem[];
            if (errors.length > 0) {
              stop();
              handlers.status?.("failed");
              handlers.error?.(subscriptionError(errors));
              return;
            }
            endedWithoutEvent = 0;
            if (result.data != null) handlers.next(result.data);
          },
          complete: () => {
            // The server ended the stream: open it again (the view stays live).
            if (stopped) return;
            report("reconnecting");
            if (liveSince !== null && now() - liveSince >= HEALTHY_STREAM_MS) endedWithoutEvent = 0;
            liveSince = null;
            const delay = reconnectDelay(endedWithoutEvent, random);
            endedWithoutEvent += 1;
            void wait(delay).then(open);
          },
          error: (error: unknown) => {
            if (stopped) return;
            stop();
            handlers.status?.("failed");
            handlers.error?.(
              error instanceof ApiError ? error : new ApiError("The subscription failed", "unreachable", { cause: error }),
            );
          },
        },
        {
          connecting: (reconnecting) => report(reconnecting ? "reconnecting" : "connecting"),
          connected: () => {
            liveSince = now();
            report("live");
          },
        },
      );
    };

    const stop = () => {
      stopped = true;
      dispose?.();
      dispose = null;
    };

    open();
    return stop;
  };
}

function subscriptionError(errors: GraphQLErrorItem[]): ApiError {
  const codes = errors.map((error) => error.extensions?.code);
  const kind = codes.includes("UNAUTHENTICATED")
    ? "unauthorized"
    : codes.includes("FORBIDDEN") || codes.includes("NOT_AUTHORIZED")
      ? "forbidden"
      : "graphql";
  return new ApiError(errors.map((error) => error.message).join("; "), kind, { errors });
}
