// The access matrix for sensitive reads (issue 13): every read that is limited to some roles
// or offices, asked by every kind of caller through GraphQL, against a table of the answer each
// caller must get. The table is written here from the stated rules (DOMAIN.md, DESIGN.md,
// docs/decisions/003 and 007), not derived from api/src/auth/policy.ts, so a wrong policy fails.
//
// Outcomes:
//   granted          the caller gets the sensitive value itself (checked against what was stored)
//   hidden           the request succeeds but the value is left out (null, not in the list, no event)
//   FORBIDDEN        signed in without the right: the GraphQL error code
//   UNAUTHENTICATED  no token
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, type GraphQLResponse, type Json, type TestApi, type TestUser, type UserName } from "../../test/harness";
import { createInProcessReportEvents, reportEvent, type ReportEventBus } from "../adoption/report-events";
import { createAdoptionData, month, OPEN_REPORT, SAVE_REPORT, secondLeader, SUBMIT_REPORT, type AdoptionData } from "../adoption/report-test-data";
import { firstOfMonth, formatDate, todayInNorway } from "../lib/dates";

type Outcome = "granted" | "hidden" | "FORBIDDEN" | "UNAUTHENTICATED";

const CALLERS = {
  planner: "planner",
  /** Leads Nav Lillestrøm, the office whose data is read. */
  leaderOfOffice: "officeLeader",
  /** Leads Nav Drammen and Nav Bærum, not Nav Lillestrøm. */
  leaderOfOtherOffice: secondLeader,
  hr: "hr",
  viewer: "viewer",
  admin: "admin",
  anonymous: null,
} satisfies Record<string, UserName | TestUser | null>;

type Caller = keyof typeof CALLERS;
type Expected = Record<Caller, Outcome>;

const G = "granted";
const H = "hidden";
const F = "FORBIDDEN";
const U = "UNAUTHENTICATED";

/** HR's data about people and the audit log: HR and admin. */
const HR_AND_ADMIN: Expected = { planner: F, leaderOfOffice: F, leaderOfOtherOffice: F, hr: G, viewer: F, admin: G, anonymous: U };
/** One office's progress report: the directorate, viewers and that office's leader; not HR. */
const REPORT: Expected = { planner: G, leaderOfOffice: G, leaderOfOtherOffice: F, hr: F, viewer: G, admin: G, anonymous: U };
/** Report content inside a list every adoption reader may open: another office's leader gets the list without it. */
const REPORT_IN_A_LIST: Expected = { ...REPORT, leaderOfOtherOffice: H };
/** Every office's reports at once (the export): planner, viewer, admin. */
const ALL_REPORTS: Expected = { ...REPORT, leaderOfOffice: F };

const OBSTACLES = "Mangler to veiledere etter sykemeldinger i mottaket";
const HELP_NEEDED = "Hjelp med bemanningsplan fra direktoratet";

let api: TestApi;
let f: Fixtures;
let a: AdoptionData;
let bus: ReportEventBus;
/** Nav Lillestrøm's submitted report (global id), with OBSTACLES and HELP_NEEDED. */
let reportId: string;
/** A day after the offices' target dates: every practice is expected ADOPTED, so both are behind plan. */
let asOf: string;

beforeAll(async () => {
  bus = createInProcessReportEvents();
  api = await createTestApi({ reportEvents: bus });
  f = await createFixtures(api.db);
  a = await createAdoptionData(api.db, f);
  asOf = formatDate(firstOfMonth(todayInNorway(), 10));

  // Nav Lillestrøm's leader reports through the API; this also makes their SSO user known.
  const as = { as: "officeLeader" as const };
  const opened = dataOf(await api.graphql<Json>(OPEN_REPORT, { input: { officeId: a.ids.lillestrom, period: month(-1) } }, as));
  const report = opened.openProgressReport.progressReport;
  const saved = dataOf(
    await api.graphql<Json>(
      SAVE_REPORT,
      {
        input: {
          id: report.id,
          version: report.version,
          obstacles: OBSTACLES,
          helpNeeded: HELP_NEEDED,
          stages: [
            { practiceId: a.ids.interviews, stage: "PREPARING" },
            { practiceId: a.ids.standups, stage: "PILOTING" },
          ],
        },
      },
      as,
    ),
  );
  const submitted = dataOf(
    await api.graphql<Json>(SUBMIT_REPORT, { input: { id: report.id, version: saved.saveProgressReport.progressReport.version } }, as),
  );
  expect(submitted.submitProgressReport.progressReport.status).toBe("SUBMITTED");
  reportId = report.id;
});
afterAll(async () => {
  await api?.close();
  await bus?.close();
});

/** FORBIDDEN/UNAUTHENTICATED when the response carries that error; null otherwise. */
function refusal(response: GraphQLResponse<unknown>): Outcome | null {
  const code = response.errors?.[0]?.extensions?.code;
  if (code === F || code === U) return code;
  if (response.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  return null;
}

async function query(caller: Caller, document: string, variables: Record<string, unknown> = {}) {
  return api.graphql<Json>(document, variables, { as: CALLERS[caller] });
}

/**
 * Reads a single value: FORBIDDEN/UNAUTHENTICATED from the errors, else granted when the value
 * equals what was stored, hidden when it is null or empty. Anything else fails the test.
 */
async function classify(response: GraphQLResponse<Json>, pick: (data: Json) => unknown, stored: unknown): Promise<Outcome> {
  const refused = refusal(response);
  if (refused) return refused;
  const value = pick(response.data);
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return H;
  expect(value).toEqual(stored);
  return G;
}

async function xlsxText(base64: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, "base64") as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? "")))));
  return cells.join("\n");
}

const kari = () => gid("Person", f.people.kari.id);

interface SensitiveRead {
  expected: Expected;
  read(caller: Caller): Promise<Outcome>;
}

const READS: Record<string, SensitiveRead> = {
  "Person.ssoUser": {
    expected: HR_AND_ADMIN,
    read: async (caller) =>
      classify(await query(caller, `query($id: ID!) { person(id: $id) { ssoUser { username subject } } }`, { id: kari() }), (d) => d.person.ssoUser, {
        username: "leder",
        subject: "sub-leader",
      }),
  },
  "Person.ssoSubject": {
    expected: HR_AND_ADMIN,
    read: async (caller) =>
      classify(await query(caller, `query($id: ID!) { person(id: $id) { ssoSubject } }`, { id: kari() }), (d) => d.person.ssoSubject, "sub-leader"),
  },
  "Person.ssoUser in a list of people": {
    expected: HR_AND_ADMIN,
    read: async (caller) =>
      classify(
        await query(caller, `{ people(text: "Kari", first: 5) { edges { node { name ssoUser { username } } } } }`),
        (d) => d.people.edges.flatMap((edge: Json) => (edge.node.ssoUser ? [edge.node.ssoUser.username] : [])),
        ["leder"],
      ),
  },
  "Person.fteOn": {
    expected: HR_AND_ADMIN,
    read: async (caller) =>
      classify(
        await query(caller, `query($id: ID!, $day: Date!) { person(id: $id) { fteOn(date: $day) } }`, { id: kari(), day: "2024-06-01" }),
        (d) => d.person.fteOn,
        1,
      ),
  },
  personFte: {
    expected: HR_AND_ADMIN,
    read: async (caller) =>
      classify(
        await query(caller, `query($id: ID!) { personFte(personId: $id, date: "2024-06-01") }`, { id: kari() }),
        (d) => d.personFte,
        1,
      ),
  },
  ssoUsers: {
    expected: HR_AND_ADMIN,
    read: async (caller) =>
      classify(
        await query(caller, `{ ssoUsers(text: "leder", first: 5) { edges { node { username email lastSeenAt } } } }`),
        (d) => d.ssoUsers.edges.map((edge: Json) => edge.node.username).filter((name: string) => name === "leder"),
        ["leder"],
      ),
  },
  auditEvents: {
    expected: HR_AND_ADMIN,
    read: async (caller) =>
      classify(
        await query(caller, `{ auditEvents(first: 50) { edges { node { action actorName } } } }`),
        (d) => d.auditEvents.edges.some((edge: Json) => edge.node.actorName === "Leif Leder") || null,
        true,
      ),
  },
  "node(id) of an audit event": {
    expected: HR_AND_ADMIN,
    read: async (caller) => {
      const event = await api.db.auditEvent.findFirstOrThrow({ select: { id: true } });
      return classify(
        await query(caller, `query($id: ID!) { node(id: $id) { ... on AuditEvent { action } } }`, { id: gid("AuditEvent", event.id) }),
        (d) => (d.node ? "seen" : null),
        "seen",
      );
    },
  },
  auditEventsExport: {
    expected: HR_AND_ADMIN,
    read: async (caller) =>
      classify(
        await query(caller, `{ auditEventsExport(format: CSV) { contentBase64 } }`),
        (d) => (Buffer.from(d.auditEventsExport.contentBase64, "base64").toString("utf8").includes("Leif Leder") ? "seen" : null),
        "seen",
      ),
  },
  "progressReport(id) of an office": {
    expected: REPORT,
    read: async (caller) =>
      classify(
        await query(caller, `query($id: ID!) { progressReport(id: $id) { obstacles helpNeeded } }`, { id: reportId }),
        (d) => d.progressReport,
        { obstacles: OBSTACLES, helpNeeded: HELP_NEEDED },
      ),
  },
  "node(id) of an office's report": {
    expected: REPORT,
    read: async (caller) =>
      classify(
        await query(caller, `query($id: ID!) { node(id: $id) { ... on ProgressReport { obstacles } } }`, { id: reportId }),
        (d) => d.node?.obstacles,
        OBSTACLES,
      ),
  },
  "progressReports of an office": {
    expected: REPORT_IN_A_LIST,
    read: async (caller) =>
      classify(
        await query(caller, `query($office: ID!) { progressReports(filter: { officeId: $office }) { edges { node { id obstacles } } } }`, {
          office: a.ids.lillestrom,
        }),
        (d) => d.progressReports.edges.map((edge: Json) => edge.node),
        [{ id: reportId, obstacles: OBSTACLES }],
      ),
  },
  "adoptionDashboard.behindPlan reason and helpNeeded": {
    expected: REPORT_IN_A_LIST,
    read: async (caller) => {
      const response = await query(
        caller,
        `query($asOf: Date!) { adoptionDashboard(filter: { asOf: $asOf }) {
          behindPlan { office { name } practices { stage } reason helpNeeded reportId viewerCanReadReport } } }`,
        { asOf },
      );
      const refused = refusal(response);
      if (refused) return refused;
      const row = response.data.adoptionDashboard.behindPlan.find((entry: Json) => entry.office.name === "Nav Lillestrøm");
      // Every adoption reader sees that the office is behind plan, and where.
      expect(row.practices.length).toBeGreaterThan(0);
      // The screen's hint agrees with what it was given.
      expect(row.viewerCanReadReport).toBe(row.reason !== null);
      const quoted = { reason: row.reason, helpNeeded: row.helpNeeded, reportId: row.reportId };
      return classify(response, () => (Object.values(quoted).every((value) => value === null) ? null : quoted), {
        reason: OBSTACLES,
        helpNeeded: HELP_NEEDED,
        reportId,
      });
    },
  },
  "adoptionDashboardExport, sheet Etter plan": {
    expected: REPORT_IN_A_LIST,
    read: async (caller) => {
      const response = await query(
        caller,
        `query($asOf: Date!) { adoptionDashboardExport(filter: { asOf: $asOf }) { __typename ... on ExportFile { contentBase64 } } }`,
        { asOf },
      );
      const refused = refusal(response);
      if (refused) return refused;
      const text = await xlsxText(response.data.adoptionDashboardExport.contentBase64);
      expect(text).toContain("Nav Lillestrøm");
      return classify(response, () => [OBSTACLES, HELP_NEEDED].filter((secret) => text.includes(secret)), [OBSTACLES, HELP_NEEDED]);
    },
  },
  progressReportsExport: {
    expected: ALL_REPORTS,
    read: async (caller) => {
      const response = await query(caller, `{ progressReportsExport { __typename ... on ExportFile { contentBase64 } } }`);
      const refused = refusal(response);
      if (refused) return refused;
      const text = await xlsxText(response.data.progressReportsExport.contentBase64);
      return classify(response, () => [OBSTACLES, HELP_NEEDED].filter((secret) => text.includes(secret)), [OBSTACLES, HELP_NEEDED]);
    },
  },
  "progressReportEvents of an office": {
    expected: REPORT_IN_A_LIST,
    read: (caller) => subscriptionOutcome(caller),
  },
};

/**
 * Subscribes as `caller`, then an event of Nav Lillestrøm and one of Nav Drammen are published:
 * granted when Lillestrøm's comes first, hidden when the first is Drammen's (Lillestrøm's was held back).
 */
async function subscriptionOutcome(caller: Caller): Promise<Outcome> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "text/event-stream", "x-samla-csrf": "1" };
  const user = CALLERS[caller];
  if (user) headers.authorization = `Bearer ${await api.tokens.token(user)}`;
  const response = await api.server.fetch(
    new Request("http://localhost/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query: `subscription { progressReportEvents { officeName reportId } }` }),
    }),
  );
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const nextData = async (): Promise<Json> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split("\n").find((line) => line.startsWith("data:"));
        if (data) return JSON.parse(data.slice(5));
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffer += decoder.decode(value, { stream: true });
    }
  };
  try {
    // Refusals come as the first message; an accepted stream sends nothing until an event.
    const pending = nextData();
    const early = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), 300))]);
    if (early) {
      const code = early.errors?.[0]?.extensions?.code;
      if (code === F || code === U) return code;
      throw new Error(`unexpected first message ${JSON.stringify(early)}`);
    }
    const event = (officeId: string, officeName: string) =>
      reportEvent("SUBMITTED", { id: "r", officeId, period: new Date("2026-01-01"), status: "SUBMITTED", updatedAt: new Date() }, officeName, "Test");
    bus.publish(event(f.offices.lillestrom.id, "Nav Lillestrøm"));
    bus.publish(event(f.offices.drammen.id, "Nav Drammen"));
    const message = await pending;
    const officeName = message.data?.progressReportEvents?.officeName;
    if (officeName === "Nav Lillestrøm") return G;
    if (officeName === "Nav Drammen") return H;
    throw new Error(`unexpected message ${JSON.stringify(message)}`);
  } finally {
    await reader.cancel();
  }
}

describe("access matrix: sensitive reads", () => {
  for (const [name, read] of Object.entries(READS)) {
    it(`${name}: each caller gets exactly the expected answer`, async () => {
      const answered: Partial<Expected> = {};
      for (const caller of Object.keys(CALLERS) as Caller[]) answered[caller] = await read.read(caller);
      expect(answered).toEqual(read.expected);
    });
  }
});
