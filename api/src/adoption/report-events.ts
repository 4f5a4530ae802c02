// Live events when a progress report is submitted, acknowledged or sent back: the
// `progressReportEvents` subscription (SSE on /graphql). Events are published only after the
// transaction has committed. On PostgreSQL they travel through LISTEN/NOTIFY, so every API
// instance behind a load balancer delivers every event; on PGlite (one process) in memory.
import { createPubSub, type PubSub } from "graphql-yoga";
import pg from "pg";
import { allows } from "../auth/policy";
import { ANY_SAMLA_ROLE, builder } from "../builder";
import type { SamlaContext } from "../context";
import { formatDate, parseDate } from "../lib/dates";
import { toGlobalId } from "../lib/ids";
import { databaseId } from "../lib/leadership";
import { ADOPTION_READERS, ProgressReportStatusEnum } from "./adoption-types";

export type ProgressReportEventKind = "SUBMITTED" | "ACKNOWLEDGED" | "CHANGES_REQUESTED";

export const ProgressReportEventKindEnum = builder.enumType("ProgressReportEventKind", {
  values: ["SUBMITTED", "ACKNOWLEDGED", "CHANGES_REQUESTED"] as const,
});

export interface ProgressReportEvent {
  kind: ProgressReportEventKind;
  /** Global ids, as clients use them. */
  reportId: string;
  officeId: string;
  officeName: string;
  period: Date;
  status: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "ACKNOWLEDGED";
  actorName: string;
  at: Date;
}

export const ProgressReportEventRef = builder.objectRef<ProgressReportEvent>("ProgressReportEvent").implement({
  description: "A report was submitted, acknowledged or sent back for changes (after the change was committed).",
  fields: (t) => ({
    kind: t.expose("kind", { type: ProgressReportEventKindEnum }),
    reportId: t.exposeID("reportId", { description: "Global id of the ProgressReport." }),
    officeId: t.exposeID("officeId", { description: "Global id of the Office." }),
    officeName: t.exposeString("officeName"),
    period: t.expose("period", { type: "Date" }),
    status: t.expose("status", { type: ProgressReportStatusEnum, description: "The report's status after the change." }),
    actorName: t.exposeString("actorName"),
    at: t.expose("at", { type: "DateTime" }),
  }),
});

/** The event for a report row after a change by `actorName`. */
export function reportEvent(
  kind: ProgressReportEventKind,
  report: { id: string; officeId: string; period: Date; status: ProgressReportEvent["status"]; updatedAt: Date },
  officeName: string,
  actorName: string,
): ProgressReportEvent {
  return {
    kind,
    reportId: toGlobalId("ProgressReport", report.id),
    officeId: toGlobalId("Office", report.officeId),
    officeName,
    period: report.period,
    status: report.status,
    actorName,
    at: report.updatedAt,
  };
}

// ---------------------------------------------------------------------------------------
// The bus

/** Where report events go and come from; one per API process. */
export interface ReportEventBus {
  /** Call only after the change has committed. Never throws: a lost live update is not a failed change. */
  publish(event: ProgressReportEvent): void;
  subscribe(): AsyncIterable<ProgressReportEvent>;
  close(): Promise<void>;
}

const TOPIC = "progressReportEvents";
type Topics = { [TOPIC]: [ProgressReportEvent] };

/**
 * Starts listening at once: yoga's repeater would only add its listener when the first event
 * is pulled, so an event published between the subscription's start and that pull would be lost.
 */
function listeningNow<T>(iterator: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  let first: Promise<IteratorResult<T>> | null = iterator.next();
  return {
    next: () => {
      const result = first ?? iterator.next();
      first = null;
      return result;
    },
    return: (value?: unknown) => {
      first = null;
      return iterator.return?.(value) ?? Promise.resolve({ done: true, value: undefined });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function busOver(pubsub: PubSub<Topics>, close: () => Promise<void> = async () => {}): ReportEventBus {
  return {
    publish: (event) => pubsub.publish(TOPIC, event),
    subscribe: () => listeningNow(pubsub.subscribe(TOPIC)),
    close,
  };
}

/** In memory: enough for one process (PGlite, tests). */
export function createInProcessReportEvents(): ReportEventBus {
  return busOver(createPubSub<Topics>());
}

/** The JSON that NOTIFY carries; dates as text. */
function toWire(event: ProgressReportEvent): string {
  return JSON.stringify({ ...event, period: formatDate(event.period), at: event.at.toISOString() });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The event back from NOTIFY; null for anything else (another sender on the channel). */
function fromWire(payload: string): ProgressReportEvent | null {
  const raw = parseJson(payload) as (Omit<ProgressReportEvent, "period" | "at"> & { period?: unknown; at?: unknown }) | null;
  if (!raw || typeof raw.period !== "string" || typeof raw.at !== "string") return null;
  const period = parseDate(raw.period);
  const at = new Date(raw.at);
  return period && !Number.isNaN(at.getTime()) ? { ...raw, period, at } : null;
}

/** The NOTIFY channel; one database may serve several Samla installations only by name. */
export const REPORT_EVENTS_CHANNEL = "samla_progress_report_events";

type Log = (message: string, error?: unknown) => void;

/**
 * An EventTarget that dispatches through PostgreSQL: `dispatchEvent` sends NOTIFY (a
 * parameterised `SELECT pg_notify($1, $2)` on a pooled connection), and one LISTEN connection
 * per process hands every notification, its own included, to the local listeners. A dropped
 * LISTEN connection is opened again after a short, growing delay.
 */
class PostgresEventTarget extends EventTarget {
  private readonly local = new EventTarget();
  private readonly pool: pg.Pool;
  private listener: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private retryDelay = 500;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly log: Log,
  ) {
    super();
    this.pool = new pg.Pool({ connectionString, max: 2 });
    this.pool.on("error", (error) => log("report events: idle NOTIFY connection failed", error));
  }

  /** Resolves once LISTEN is in place (tests wait for it; production need not). */
  listen(): Promise<void> {
    if (this.listener || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on("notification", (message) => {
      if (message.channel !== REPORT_EVENTS_CHANNEL || !message.payload) return;
      const wire = parseJson(message.payload) as { type?: unknown; detail?: unknown } | null;
      const detail = typeof wire?.detail === "string" ? fromWire(wire.detail) : null;
      if (detail && typeof wire?.type === "string") this.local.dispatchEvent(new CustomEvent(wire.type, { detail }));
    });
    const lost = (error?: unknown) => {
      if (this.listener !== client) return;
      this.listener = null;
      client.removeAllListeners();
      void client.end().catch(() => {});
      if (!this.closed) {
        this.log("report events: LISTEN connection lost; reconnecting", error);
        this.scheduleReconnect();
      }
    };
    try {
      await client.connect();
      await client.query(`LISTEN ${REPORT_EVENTS_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.listener = client;
      this.retryDelay = 500;
      client.on("error", lost);
      client.on("end", () => lost());
    } catch (error) {
      await client.end().catch(() => {});
      this.log("report events: could not LISTEN; retrying", error);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.listen();
    }, this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, 30_000);
  }

  override addEventListener(...args: Parameters<EventTarget["addEventListener"]>): void {
    void this.listen();
    this.local.addEventListener(...args);
  }

  override removeEventListener(...args: Parameters<EventTarget["removeEventListener"]>): void {
    this.local.removeEventListener(...args);
  }

  override dispatchEvent(event: Event): boolean {
    const detail = (event as CustomEvent<ProgressReportEvent>).detail;
    const payload = JSON.stringify({ type: event.type, detail: toWire(detail) });
    this.pool.query("SELECT pg_notify($1, $2)", [REPORT_EVENTS_CHANNEL, payload]).catch((error: unknown) => {
      this.log("report events: NOTIFY failed; live views miss this event", error);
    });
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.connecting?.catch(() => {});
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    await this.pool.end();
  }
}

export interface PostgresReportEvents extends ReportEventBus {
  /** Resolves once this process is listening. */
  ready(): Promise<void>;
}

/** Events through PostgreSQL LISTEN/NOTIFY: every API instance on the database delivers every event. */
export function createPostgresReportEvents(connectionString: string, log: Log = console.error): PostgresReportEvents {
  const target = new PostgresEventTarget(connectionString, log);
  const bus = busOver(createPubSub<Topics>({ eventTarget: target as never }), () => target.close());
  void target.listen();
  return { ...bus, ready: () => target.listen() };
}

/** In memory for PGlite, LISTEN/NOTIFY for a PostgreSQL URL. */
export function createReportEvents(databaseUrl: string | undefined): ReportEventBus {
  return databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)
    ? createPostgresReportEvents(databaseUrl)
    : createInProcessReportEvents();
}

// ---------------------------------------------------------------------------------------
// The subscription

builder.subscriptionType({
  description: "Live updates over Server-Sent Events (Accept: text/event-stream), signed in as for queries.",
  authScopes: ANY_SAMLA_ROLE,
});

/** setTimeout's longest delay (about 24.8 days); a token never lives that long, but a bad `exp` must not wrap. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The events one subscriber may see, until their token expires:
 * - an event passes only when the subscriber may read reports of its office (report.read, as
 *   progressReport(id) decides), checked per event with the subscription's own context; an
 *   office leader's offices are read once per stream, which the token's expiry bounds;
 * - at the token's `exp` the stream ends (the client opens it again with a renewed token), and
 *   an event that arrives after `exp` is not delivered even if the timer has not fired yet.
 */
export function eventsForSubscriber(
  context: SamlaContext,
  source: AsyncIterable<ProgressReportEvent>,
  now: () => number = Date.now,
): AsyncIterableIterator<ProgressReportEvent> {
  const inner = source[Symbol.asyncIterator]();
  const expiresAtMs = context.viewer?.expiresAt?.getTime() ?? null;
  const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<IteratorReturnResult<undefined>>((resolve) => {
    if (expiresAtMs === null) return;
    timer = setTimeout(() => resolve(done), Math.min(Math.max(0, expiresAtMs - now()), MAX_TIMER_MS));
    // An open stream must not keep a stopping process alive.
    timer.unref();
  });
  const isExpired = () => expiresAtMs !== null && now() >= expiresAtMs;
  const finish = async (): Promise<IteratorReturnResult<undefined>> => {
    if (!ended) {
      ended = true;
      clearTimeout(timer);
      await inner.return?.();
    }
    return done;
  };
  const mayRead = async (event: ProgressReportEvent) => {
    const officeId = databaseId(event.officeId, "Office");
    return officeId !== null && (await allows(context, "report.read", officeId));
  };

  return {
    async next() {
      while (!ended) {
        const result = await Promise.race([inner.next(), expired]);
        if (result.done || isExpired()) return finish();
        if (await mayRead(result.value)) return result;
      }
      return done;
    },
    return: finish,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

builder.subscriptionField("progressReportEvents", (t) =>
  t.field({
    type: ProgressReportEventRef,
    description:
      "Reports submitted, acknowledged or sent back for changes, once committed: only those of offices whose reports " +
      "the caller may read (every office for planners, admins and viewers; an office leader their own). The stream " +
      "ends when the caller's token expires; open it again with a renewed token.",
    authScopes: ADOPTION_READERS,
    subscribe: (_parent, _args, context) => {
      if (!context.reportEvents) throw new Error("The server has no report event bus.");
      return eventsForSubscriber(context, context.reportEvents.subscribe());
    },
    resolve: (event) => event,
  }),
);
