import { describe, expect, it } from "vitest";
import type { TypedDocument } from "./client";
import { createSubscriptionClient, reconnectDelay, type LiveStatus } from "./subscribe";

const EventsSubscription = "subscription Events { progressReportEvents { officeName } }" as unknown as TypedDocument<
  { progressReportEvents: { officeName: string } },
  Record<string, never>
>;

/** An SSE response that sends `events` and then either stays open or ends. */
function sseResponse(events: Array<{ event: string; data: unknown }>, { end }: { end: boolean }): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const item of events) {
        controller.enqueue(encoder.encode(`event: ${item.event}\ndata: ${JSON.stringify(item.data)}\n\n`));
      }
      if (end) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } });
}

function harness(responses: Array<() => Response>, now?: () => number) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const waits: number[] = [];
  let tokenNumber = 0;
  const subscribe = createSubscriptionClient({
    url: async () => "http://api.test/graphql",
    getToken: async () => `token-${(tokenNumber += 1)}`,
    fetch: async (input, init) => {
      calls.push({ url: String(input), init: init ?? {} });
      const next = responses.shift();
      if (!next) return new Promise<Response>(() => undefined); // never answers
      return next();
    },
    wait: async (milliseconds) => {
      waits.push(milliseconds);
    },
    random: () => 0,
    ...(now ? { now } : {}),
  });
  return { subscribe, calls, waits };
}

function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (condition() ? resolve() : setTimeout(check, 1));
    check();
  });
}

describe("reconnectDelay", () => {
  it("doubles from one second and stops growing at thirty", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((attempt) => reconnectDelay(attempt, () => 0))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it("adds at most a fifth at random", () => {
    expect(reconnectDelay(1, () => 0.999)).toBeLessThanOrEqual(2_400);
    expect(reconnectDelay(1, () => 0.5)).toBe(2_200);
  });
});

describe("createSubscriptionClient", () => {
  it("opens an event stream with the Bearer token and CSRF header and hands over each event", async () => {
    const { subscribe, calls } = harness([
      () =>
        sseResponse(
          [
            { event: "next", data: { data: { progressReportEvents: { officeName: "Nav Lillestrøm" } } } },
            { event: "next", data: { data: { progressReportEvents: { officeName: "Nav Asker" } } } },
          ],
          { end: false },
        ),
    ]);
    const received: string[] = [];
    const statuses: LiveStatus[] = [];
    const stop = subscribe(EventsSubscription, {}, {
      next: (data) => received.push(data.progressReportEvents.officeName),
      status: (status) => statuses.push(status),
    });
    await until(() => received.length === 2);
    stop();

    expect(received).toEqual(["Nav Lillestrøm", "Nav Asker"]);
    expect(statuses).toEqual(["connecting", "live"]);
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(calls[0]!.url).toBe("http://api.test/graphql");
    expect(calls[0]!.init.method).toBe("POST");
    expect(headers.authorization).toBe("Bearer token-1");
    expect(headers["x-samla-csrf"]).toBe("1");
    expect(headers.accept).toBe("text/event-stream");
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ query: EventsSubscription.toString(), variables: {} });
  });

  it("reconnects after the stream drops, with a fresh token, and reports it", async () => {
    const { subscribe, calls, waits } = harness([
      () => new Response("bad gateway", { status: 502 }),
      () => sseResponse([{ event: "next", data: { data: { progressReportEvents: { officeName: "Nav Asker" } } } }], { end: false }),
    ]);
    const received: string[] = [];
    const statuses: LiveStatus[] = [];
    const stop = subscribe(EventsSubscription, {}, {
      next: (data) => received.push(data.progressReportEvents.officeName),
      status: (status) => statuses.push(status),
    });
    await until(() => received.length === 1);
    stop();

    expect(statuses).toEqual(["connecting", "reconnecting", "live"]);
    expect(waits).toEqual([1_000]);
    expect((calls[1]!.init.headers as Record<string, string>).authorization).toBe("Bearer token-2");
  });

  it("opens the stream again when the server ends it", async () => {
    const { subscribe, calls, waits } = harness([
      () => sseResponse([{ event: "complete", data: null }], { end: true }),
      () => sseResponse([{ event: "next", data: { data: { progressReportEvents: { officeName: "Nav Asker" } } } }], { end: false }),
    ]);
    const received: string[] = [];
    const stop = subscribe(EventsSubscription, {}, { next: (data) => received.push(data.progressReportEvents.officeName) });
    await until(() => received.length === 1);
    stop();

    expect(calls).toHaveLength(2);
    expect(waits).toEqual([1_000]);
  });

  it("does not retry a refused subscription and reports why", async () => {
    const { subscribe, calls } = harness([
      () =>
        sseResponse(
          [
            { event: "next", data: { errors: [{ message: "Not authorized", extensions: { code: "FORBIDDEN" } }] } },
            { event: "complete", data: null },
          ],
          { end: true },
        ),
    ]);
    const statuses: LiveStatus[] = [];
    let failure: unknown = null;
    subscribe(EventsSubscription, {}, {
      next: () => undefined,
      status: (status) => statuses.push(status),
      error: (error) => (failure = error),
    });
    await until(() => failure !== null);

    expect(statuses.at(-1)).toBe("failed");
    expect((failure as { kind: string }).kind).toBe("forbidden");
    expect(calls).toHaveLength(1);
  });

  it("stops the stream when unsubscribed", async () => {
    const { subscribe, calls } = harness([() => sseResponse([], { end: false })]);
    const statuses: LiveStatus[] = [];
    const stop = subscribe(EventsSubscription, {}, { next: () => undefined, status: (status) => statuses.push(status) });
    await until(() => statuses.includes("live"));
    stop();
    expect((calls[0]!.init.signal as AbortSignal).aborted).toBe(true);
  });

  it("opens a stream that ran for a while again after a second, with a fresh token, each time the server ends it", async () => {
    // The API ends a stream when its token expires; a healthy stream is not a failure to back off from.
    // Five minutes pass between any two looks at the clock: each stream was live that long.
    let clock = 0;
    const ended = () => sseResponse([{ event: "complete", data: null }], { end: true });
    const { subscribe, calls, waits } = harness(
      [ended, ended, ended, () => sseResponse([{ event: "next", data: { data: { progressReportEvents: { officeName: "Nav Asker" } } } }], { end: false })],
      () => (clock += 5 * 60_000),
    );
    const received: string[] = [];
    const stop = subscribe(EventsSubscription, {}, { next: (data) => received.push(data.progressReportEvents.officeName) });
    await until(() => received.length === 1);
    stop();

    expect(waits).toEqual([1_000, 1_000, 1_000]);
    expect(calls.map((call) => (call.init.headers as Record<string, string>).authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-2",
      "Bearer token-3",
      "Bearer token-4",
    ]);
  });
});
