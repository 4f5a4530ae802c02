// The progressReportEvents subscription over real HTTP (SSE), as the web client uses it: a
// streaming POST with the Bearer token and the CSRF header. Events arrive only for committed
// changes, and reach every API instance on the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, type Json, type TestApi, type TestUser, type UserName } from "../../test/harness";
import { createSamlaServer, type SamlaServer } from "../server";
import {
  createInProcessReportEvents,
  createPostgresReportEvents,
  type PostgresReportEvents,
  type ReportEventBus,
} from "./report-events";
import {
  createAdoptionData,
  month,
  OPEN_REPORT,
  SAVE_REPORT,
  secondLeader,
  SUBMIT_REPORT,
  REQUEST_CHANGES,
  type AdoptionData,
} from "./report-test-data";

let api: TestApi;
let f: Fixtures;
let a: AdoptionData;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
  a = await createAdoptionData(api.db, f);
});
afterAll(() => api?.close());

const SUBSCRIPTION = `subscription { progressReportEvents { kind reportId officeId officeName period status actorName at } }`;

interface SseMessage {
  event: string;
  data: Json;
}

/** An open SSE subscription: read its messages one at a time. */
interface Stream {
  status: number;
  contentType: string | null;
  next(): Promise<SseMessage>;
  close(): Promise<void>;
}

async function subscribe(server: SamlaServer, as: UserName | TestUser | { token: string } | null): Promise<Stream> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "text/event-stream",
    "x-samla-csrf": "1",
  };
  if (as) headers.authorization = `Bearer ${typeof as === "object" && "token" in as ? as.token : await api.tokens.token(as)}`;
  const response = await server.fetch(
    new Request("http://localhost/graphql", { method: "POST", headers, body: JSON.stringify({ query: SUBSCRIPTION }) }),
  );
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    async next() {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split("\n").filter((line) => !line.startsWith(":"));
          if (lines.length === 0) continue; // a keep-alive ping
          const event = lines.find((line) => line.startsWith("event:"))?.slice(6).trim() ?? "message";
          const data = lines.find((line) => line.startsWith("data:"))?.slice(5).trim() ?? "";
          return { event, data: data ? JSON.parse(data) : null };
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

async function call(document: string, input: Record<string, unknown>, as: UserName | TestUser = "officeLeader"): Promise<Json> {
  const data = dataOf(await api.graphql<Json>(document, { input }, { as }));
  return Object.values(data as Record<string, Json>)[0];
}

describe("progressReportEvents", () => {
  it("delivers SUBMITTED to a planner's SSE stream once the submission has committed, and nothing for a refused one", async () => {
    const stream = await subscribe(api.server, "planner");
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/text\/event-stream/);

    const report = (await call(OPEN_REPORT, { officeId: a.ids.lillestrom, period: month(-1) })).progressReport;
    // Saving a draft is no event; a refused submission (a practice without a stage) is rolled back and none either.
    const saved = await call(SAVE_REPORT, {
      id: report.id,
      version: report.version,
      stages: [{ practiceId: a.ids.interviews, stage: "PILOTING" }],
    });
    const refused = await call(SUBMIT_REPORT, { id: report.id, version: saved.progressReport.version });
    expect(refused.__typename).toBe("ValidationError");
    const complete = await call(SAVE_REPORT, {
      id: report.id,
      version: saved.progressReport.version,
      stages: [
        { practiceId: a.ids.interviews, stage: "PILOTING" },
        { practiceId: a.ids.standups, stage: "ADOPTED" },
      ],
    });
    const submitted = (await call(SUBMIT_REPORT, { id: report.id, version: complete.progressReport.version })).progressReport;

    const message = await stream.next();
    expect(message.event).toBe("next");
    expect(message.data).toEqual({
      data: {
        progressReportEvents: {
          kind: "SUBMITTED",
          reportId: report.id,
          officeId: a.ids.lillestrom,
          officeName: "Nav Lillestrøm",
          period: month(-1),
          status: "SUBMITTED",
          actorName: "Leif Leder",
          at: expect.any(String),
        },
      },
    });
    // What the event announces is already there for anyone who reads it.
    const read = dataOf(
      await api.graphql<Json>(`query($id: ID!) { progressReport(id: $id) { status submissions { number } } }`, { id: report.id }, { as: "planner" }),
    );
    expect(read.progressReport).toEqual({ status: "SUBMITTED", submissions: [{ number: 1 }] });

    await call(REQUEST_CHANGES, { id: report.id, version: submitted.version, comment: "Mer detaljer" }, "planner");
    const returned = await stream.next();
    expect(returned.data.data.progressReportEvents).toMatchObject({
      kind: "CHANGES_REQUESTED",
      status: "CHANGES_REQUESTED",
      actorName: "Pia Planlegger",
    });
    await stream.close();
  });

  it("refuses a stream without a token, and for HR", async () => {
    const anonymous = await subscribe(api.server, null);
    const refusal = await anonymous.next();
    expect(refusal.event).toBe("next");
    expect(refusal.data.data ?? null).toBeNull();
    expect(refusal.data.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect((await anonymous.next()).event).toBe("complete");

    const hr = await subscribe(api.server, "hr");
    const forbidden = await hr.next();
    expect(forbidden.data.errors[0].extensions.code).toBe("FORBIDDEN");
  });

  it("needs the CSRF header as queries do", async () => {
    const response = await api.fetch(`/graphql?query=${encodeURIComponent(SUBSCRIPTION)}`, {
      headers: { accept: "text/event-stream", authorization: `Bearer ${await api.tokens.token("planner")}` },
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it("reaches the subscribers of every API instance on the database", async () => {
    // On PostgreSQL each instance has its own LISTEN/NOTIFY bus, as separate processes would;
    // on PGlite (one process only) the instances share the in-memory bus.
    let buses: ReportEventBus[];
    if (api.url) {
      buses = [createPostgresReportEvents(api.url), createPostgresReportEvents(api.url)];
      await Promise.all(buses.map((bus) => (bus as PostgresReportEvents).ready()));
    } else {
      const shared = createInProcessReportEvents();
      buses = [shared, shared];
    }
    const [first, second] = buses.map((reportEvents) =>
      createSamlaServer({ db: api.db, verifyToken: api.tokens.verifyToken, logging: false, reportEvents }),
    ) as [SamlaServer, SamlaServer];
    const onFirst = await subscribe(first, "viewer");
    const onSecond = await subscribe(second, "officeLeader");

    const report = (await call(OPEN_REPORT, { officeId: a.ids.lillestrom, period: month(0) })).progressReport;
    // Submitted through the first instance.
    const response = await first.fetch(
      new Request("http://localhost/graphql", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${await api.tokens.token("officeLeader")}`,
        },
        body: JSON.stringify({ query: SUBMIT_REPORT, variables: { input: { id: report.id, version: report.version } } }),
      }),
    );
    const body = (await response.json()) as Json;
    expect(body.data.submitProgressReport.progressReport.status).toBe("SUBMITTED");

    for (const stream of [onFirst, onSecond]) {
      const message = await stream.next();
      expect(message.data.data.progressReportEvents).toMatchObject({ kind: "SUBMITTED", reportId: report.id, period: month(0) });
      await stream.close();
    }
    await Promise.all([...new Set(buses)].map((bus) => bus.close()));
  });

  it("sends an office leader only the events of the offices they lead", async () => {
    const lillestromLeader = await subscribe(api.server, "officeLeader");
    const drammenLeader = await subscribe(api.server, secondLeader);
    const planner = await subscribe(api.server, "planner");

    // Drammen's report first: if the Lillestrøm leader's stream let it through, it would come first.
    const drammen = await submitReport(a.ids.drammen, month(-2), secondLeader);
    const lillestrom = await submitReport(a.ids.lillestrom, month(-2), "officeLeader");

    expect((await lillestromLeader.next()).data.data.progressReportEvents).toMatchObject({ reportId: lillestrom, officeName: "Nav Lillestrøm" });
    expect((await drammenLeader.next()).data.data.progressReportEvents).toMatchObject({ reportId: drammen, officeName: "Nav Drammen" });
    // Planners read every office's reports, so they hear both, in order.
    expect((await planner.next()).data.data.progressReportEvents.reportId).toBe(drammen);
    expect((await planner.next()).data.data.progressReportEvents.reportId).toBe(lillestrom);
    await Promise.all([lillestromLeader, drammenLeader, planner].map((stream) => stream.close()));
  });

  it("ends the stream when the subscriber's token expires, and delivers nothing after", async () => {
    const lifetimeSeconds = 2;
    const token = await api.tokens.token("planner", { expiresIn: lifetimeSeconds });
    const expiresAtMs = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).exp * 1000;
    const stream = await subscribe(api.server, { token });
    expect(stream.status).toBe(200);

    // Before expiry the stream is live.
    const before = await submitReport(a.ids.drammen, month(-3), secondLeader);
    expect((await stream.next()).data.data.progressReportEvents.reportId).toBe(before);

    // At expiry the server completes the stream (graphql-sse's client then reconnects with a new token).
    const ending = await stream.next();
    expect(ending.event).toBe("complete");
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAtMs);
    expect(Date.now()).toBeLessThan(expiresAtMs + 1_500);
    await submitReport(a.ids.lillestrom, month(-3), "officeLeader");
    await expect(stream.next()).rejects.toThrow(/the stream ended/);
  });
});

/** Opens, fills and submits the report of `officeId` for `period` as its leader; the report's global id. */
async function submitReport(officeId: string, period: string, leader: UserName | TestUser): Promise<string> {
  const report = (await call(OPEN_REPORT, { officeId, period }, leader)).progressReport;
  const saved = await call(
    SAVE_REPORT,
    {
      id: report.id,
      version: report.version,
      stages: [
        { practiceId: a.ids.interviews, stage: "PILOTING" },
        { practiceId: a.ids.standups, stage: "PREPARING" },
      ],
    },
    leader,
  );
  const submitted = await call(SUBMIT_REPORT, { id: report.id, version: saved.progressReport.version }, leader);
  expect(submitted.progressReport.status).toBe("SUBMITTED");
  return report.id;
}
