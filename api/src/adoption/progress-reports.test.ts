// The progress report lifecycle through GraphQL: who may open, save, submit, acknowledge and ask
// for changes in which state; prefill; what submitting records; reminders (due and overdue).
import { decodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, date, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi, type TestUser, type UserName } from "../../test/harness";
import { addDays, firstOfMonth, formatDate, todayInNorway } from "../lib/dates";
import { reportReminders } from "./progress-reports";
import {
  ACKNOWLEDGE_REPORT,
  createAdoptionData,
  formerLeader,
  month,
  OPEN_REPORT,
  REPORT_FIELDS,
  REQUEST_CHANGES,
  SAVE_REPORT,
  secondLeader,
  SUBMIT_REPORT,
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

type As = UserName | TestUser | null;

const dbId = (globalId: string) => decodeGlobalID(globalId).id;

async function call(document: string, input: Record<string, unknown>, as: As = "officeLeader"): Promise<Json> {
  const data = dataOf(await api.graphql<Json>(document, { input }, { as }));
  return Object.values(data as Record<string, Json>)[0];
}

/** Everything a report mutation could write. */
async function counts() {
  const db = api.db;
  return {
    reports: (await db.progressReport.findMany({ orderBy: { id: "asc" } })).map((r) => `${r.id}:${r.status}:${r.version}`).join(","),
    stages: (await db.progressReportStage.findMany({ orderBy: { id: "asc" } })).map((s) => `${s.practiceId}:${s.stage}:${s.note}`).join(","),
    kpiValues: (await db.progressReportKpiValue.findMany({ orderBy: { id: "asc" } })).map((v) => v.value.toString()).join(","),
    comments: await db.progressReportComment.count(),
    submissions: await db.progressReportSubmission.count(),
    adoption: await db.adoptionStatus.count(),
    measurements: await db.kpiMeasurement.count(),
    audit: await db.auditEvent.count(),
  };
}

const OTHERS: [string, As][] = [
  ["the leader of another office", secondLeader],
  ["a former leader of the office", formerLeader],
  ["a planner", "planner"],
  ["an admin", "admin"],
  ["a viewer", "viewer"],
  ["HR", "hr"],
];

/** Every caller in `callers` is refused (FORBIDDEN; no token: UNAUTHENTICATED) and nothing is written. */
async function expectRefused(document: string, input: Record<string, unknown>, callers: [string, As][]) {
  const before = await counts();
  const anonymous = await api.graphql(document, { input }, { as: null });
  expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
  for (const [label, as] of callers) {
    const response = await api.graphql(document, { input }, { as });
    expect(response.data, label).toBeNull();
    expect(errorCode(response), label).toBe("FORBIDDEN");
  }
  expect(await counts()).toEqual(before);
}

const READ_REPORT = `query($id: ID!) { progressReport(id: $id) { ${REPORT_FIELDS} } }`;

describe("the lifecycle", () => {
  let reportId: string;
  let version: number;
  const lastMonth = () => month(-1);

  it("only the leader of the office opens its report; the rest are refused and nothing is written", async () => {
    await expectRefused(OPEN_REPORT, { officeId: a.ids.lillestrom, period: lastMonth() }, OTHERS);
    const opened = await call(OPEN_REPORT, { officeId: a.ids.lillestrom, period: lastMonth() });
    expect(opened.__typename).toBe("OpenProgressReportPayload");
    const report = opened.progressReport;
    expect(report).toMatchObject({
      period: lastMonth(),
      dueDate: formatDate(addDays(firstOfMonth(todayInNorway()), 9)),
      status: "DRAFT",
      version: 1,
      office: { name: "Nav Lillestrøm" },
      createdByName: "Leif Leder",
      learning: "",
      // No earlier report and no recorded status: every practice in use, not started; not the retired one.
      stages: [
        { practice: { code: "INTERVJU" }, stage: "NOT_STARTED", note: "" },
        { practice: { code: "TAVLE" }, stage: "NOT_STARTED", note: "" },
      ],
      kpiValues: [],
      viewerCanEdit: true,
      viewerCanReview: false,
    });
    reportId = report.id;
    version = report.version;

    // Opening again returns the same report unchanged and writes nothing.
    const before = await counts();
    const again = await call(OPEN_REPORT, { officeId: a.ids.lillestrom, period: lastMonth() });
    expect(again.progressReport).toMatchObject({ id: reportId, version: 1 });
    expect(await counts()).toEqual(before);
  });

  it("refuses months that are not due: not a first day, a future month, before the rollout, an office outside the rollout", async () => {
    const cases: [Record<string, unknown>, As, string, RegExp][] = [
      [{ officeId: a.ids.lillestrom, period: formatDate(addDays(date(lastMonth()), 4)) }, "officeLeader", "period", /første dagen/],
      [{ officeId: a.ids.lillestrom, period: month(1) }, "officeLeader", "period", /før måneden har begynt/],
      [{ officeId: a.ids.lillestrom, period: month(-4) }, "officeLeader", "period", /Nav Lillestrøm starter innføringen i/],
      [{ officeId: a.ids.baerum, period: lastMonth() }, secondLeader, "officeId", /Nav Bærum er ikke med i innføringen/],
    ];
    const before = await counts();
    for (const [input, as, path, message] of cases) {
      const result = await call(OPEN_REPORT, input, as);
      expect(result.__typename, JSON.stringify(input)).toBe("ValidationError");
      expect(result.fieldErrors[0].path).toBe(path);
      expect(result.message).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("lets planners, admins, viewers and the office's leader read it; others get FORBIDDEN, also through node()", async () => {
    for (const as of ["officeLeader", "planner", "admin", "viewer"] as As[]) {
      const read = dataOf(await api.graphql<Json>(READ_REPORT, { id: reportId }, { as }));
      expect(read.progressReport.id, String(as)).toBe(reportId);
    }
    for (const [label, as] of [["other leader", secondLeader], ["former leader", formerLeader], ["hr", "hr"]] as [string, As][]) {
      const read = await api.graphql<Json>(READ_REPORT, { id: reportId }, { as });
      expect(errorCode(read), label).toBe("FORBIDDEN");
      expect(read.data?.progressReport ?? null, label).toBeNull();
      const node = await api.graphql<Json>(`query($id: ID!) { node(id: $id) { ... on ProgressReport { learning } } }`, { id: reportId }, { as });
      expect(node.data?.node ?? null, label).toBeNull();
      expect(errorCode(node), label).toBe("FORBIDDEN");
    }
    expect(errorCode(await api.graphql(READ_REPORT, { id: reportId }, { as: null }))).toBe("UNAUTHENTICATED");
    const unknown = dataOf(await api.graphql<Json>(READ_REPORT, { id: gid("ProgressReport", "nope") }, { as: "planner" }));
    expect(unknown.progressReport).toBeNull();
  });

  it("saves (autosave) for the leader only; stale versions and long texts are refused", async () => {
    const input = () => ({
      id: reportId,
      version,
      stages: [{ practiceId: a.ids.interviews, stage: "PILOTING", note: "Tre team intervjuer" }],
      kpiValues: [{ kpiId: a.ids.days, value: 21.5 }],
      learning: "Brukerne vil ha kortere brev",
      obstacles: "Lite tid",
      helpNeeded: "Opplæring",
    });
    await expectRefused(SAVE_REPORT, input(), OTHERS);

    const saved = await call(SAVE_REPORT, input());
    expect(saved.progressReport).toMatchObject({
      version: 2,
      stages: [{ practice: { code: "INTERVJU" }, stage: "PILOTING", note: "Tre team intervjuer" }],
      kpiValues: [{ kpi: { code: "TID" }, value: 21.5 }],
      learning: "Brukerne vil ha kortere brev",
      obstacles: "Lite tid",
      helpNeeded: "Opplæring",
    });

    const stale = await call(SAVE_REPORT, { ...input(), learning: "Gammelt" });
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: 2, changedFields: expect.arrayContaining(["learning"]) });
    version = 2;

    const long = await call(SAVE_REPORT, { id: reportId, version, obstacles: "x".repeat(4001) });
    expect(long.__typename).toBe("ValidationError");
    expect(long.fieldErrors[0]).toMatchObject({ path: "obstacles", message: "Kan ikke være lengre enn 4000 tegn." });

    const retired = await call(SAVE_REPORT, { id: reportId, version, stages: [{ practiceId: a.ids.retired, stage: "ADOPTED" }] });
    expect(retired.__typename).toBe("ValidationError");
    expect(retired.message).toMatch(/Gammel praksis er faset ut/);
  });

  it("submits only with a stage for every practice in use, naming the missing ones", async () => {
    const before = await counts();
    const missing = await call(SUBMIT_REPORT, { id: reportId, version });
    expect(missing.__typename).toBe("ValidationError");
    expect(missing.fieldErrors[0].path).toBe("stages");
    expect(missing.message).toMatch(/Tavlemøter/);
    expect(missing.message).not.toMatch(/Brukerintervjuer/);
    expect(await counts()).toEqual(before);

    const saved = await call(SAVE_REPORT, {
      id: reportId,
      version,
      stages: [
        { practiceId: a.ids.interviews, stage: "PILOTING", note: "Tre team intervjuer" },
        { practiceId: a.ids.standups, stage: "PREPARING" },
      ],
      kpiValues: [
        { kpiId: a.ids.days, value: 21.5 },
        { kpiId: a.ids.share, value: 80 },
      ],
    });
    version = saved.progressReport.version;
  });

  it("refuses submitting for anyone but the leader, then submits: adoption status, KPI values, snapshot, audit", async () => {
    await expectRefused(SUBMIT_REPORT, { id: reportId, version }, OTHERS);
    const submitted = (await call(SUBMIT_REPORT, { id: reportId, version })).progressReport;
    expect(submitted).toMatchObject({
      status: "SUBMITTED",
      submittedByName: "Leif Leder",
      viewerCanEdit: false,
      viewerCanReview: false,
      submissions: [
        {
          number: 1,
          submittedByName: "Leif Leder",
          content: {
            stages: [
              { practiceCode: "INTERVJU", practiceName: "Brukerintervjuer", stage: "PILOTING", note: "Tre team intervjuer" },
              { practiceCode: "TAVLE", practiceName: "Tavlemøter", stage: "PREPARING", note: "" },
            ],
            kpiValues: [
              { kpiCode: "TID", kpiName: "Saksbehandlingstid", value: 21.5 },
              { kpiCode: "ANDEL", kpiName: "Andel innen frist", value: 80 },
            ],
            learning: "Brukerne vil ha kortere brev",
            obstacles: "Lite tid",
            helpNeeded: "Opplæring",
          },
        },
      ],
    });
    version = submitted.version;

    const period = date(month(-1));
    const statuses = await api.db.adoptionStatus.findMany({ where: { officeId: f.offices.lillestrom.id } });
    expect(statuses.map((s) => [s.practiceId, s.stage, formatDate(s.period), s.reportId]).sort()).toEqual(
      [
        [a.practices.interviews.id, "PILOTING", formatDate(period), dbId(reportId)],
        [a.practices.standups.id, "PREPARING", formatDate(period), dbId(reportId)],
      ].sort(),
    );
    const measurements = await api.db.kpiMeasurement.findMany({ where: { officeId: f.offices.lillestrom.id }, orderBy: { kpiId: "asc" } });
    expect(measurements.map((m) => [m.kpiId, m.value.toNumber(), formatDate(m.period), m.authorName]).sort()).toEqual(
      [
        [a.kpis.days.id, 21.5, formatDate(period), "Leif Leder"],
        [a.kpis.share.id, 80, formatDate(period), "Leif Leder"],
      ].sort(),
    );
    const audit = await api.db.auditEvent.findMany({ where: { action: "submitProgressReport" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: "Leif Leder", entityType: "ProgressReport" });

    // Read-only now.
    const save = await call(SAVE_REPORT, { id: reportId, version, learning: "Endret" });
    expect(save).toMatchObject({ __typename: "InvalidStatusTransitionError", from: "SUBMITTED" });
    expect(save.message).toMatch(/er sendt inn og kan ikke endres/);
    const again = await call(SUBMIT_REPORT, { id: reportId, version });
    expect(again).toMatchObject({ __typename: "InvalidStatusTransitionError", from: "SUBMITTED", to: "SUBMITTED" });

    const asPlanner = dataOf(await api.graphql<Json>(READ_REPORT, { id: reportId }, { as: "planner" })).progressReport;
    expect(asPlanner).toMatchObject({ viewerCanEdit: false, viewerCanReview: true });
  });

  it("lets only planners and admins ask for changes (with a comment), then the leader edits and submits again; both submissions stay", async () => {
    const refused: [string, As][] = [
      ["the office's leader", "officeLeader"],
      ["another leader", secondLeader],
      ["a viewer", "viewer"],
      ["HR", "hr"],
    ];
    await expectRefused(REQUEST_CHANGES, { id: reportId, version, comment: "Mer om hindringer" }, refused);
    await expectRefused(ACKNOWLEDGE_REPORT, { id: reportId, version }, refused);

    const noComment = await call(REQUEST_CHANGES, { id: reportId, version, comment: "  " }, "planner");
    expect(noComment.__typename).toBe("ValidationError");
    expect(noComment.fieldErrors[0].path).toBe("comment");

    const returned = (await call(REQUEST_CHANGES, { id: reportId, version, comment: "Mer om hindringer" }, "planner")).progressReport;
    expect(returned).toMatchObject({
      status: "CHANGES_REQUESTED",
      comments: [{ kind: "CHANGES_REQUESTED", body: "Mer om hindringer", authorName: "Pia Planlegger" }],
    });
    version = returned.version;

    const leaderView = dataOf(await api.graphql<Json>(READ_REPORT, { id: reportId }, { as: "officeLeader" })).progressReport;
    expect(leaderView.viewerCanEdit).toBe(true);
    const edited = await call(SAVE_REPORT, {
      id: reportId,
      version,
      obstacles: "Lite tid og mange nyansatte",
      stages: [
        { practiceId: a.ids.interviews, stage: "ADOPTED", note: "Alle team" },
        { practiceId: a.ids.standups, stage: "PREPARING" },
      ],
    });
    const resubmitted = (await call(SUBMIT_REPORT, { id: reportId, version: edited.progressReport.version })).progressReport;
    expect(resubmitted.status).toBe("SUBMITTED");
    expect(resubmitted.submissions.map((s: Json) => [s.number, s.content.obstacles, s.content.stages[0].stage])).toEqual([
      [1, "Lite tid", "PILOTING"],
      [2, "Lite tid og mange nyansatte", "ADOPTED"],
    ]);
    const interviews = await api.db.adoptionStatus.findFirstOrThrow({
      where: { officeId: f.offices.lillestrom.id, practiceId: a.practices.interviews.id },
    });
    expect(interviews.stage).toBe("ADOPTED");
    version = resubmitted.version;
  });

  it("lets an admin acknowledge a submitted report, once", async () => {
    const acknowledged = (await call(ACKNOWLEDGE_REPORT, { id: reportId, version, comment: "Takk!" }, "admin")).progressReport;
    expect(acknowledged).toMatchObject({
      status: "ACKNOWLEDGED",
      acknowledgedByName: "Ada Admin",
      viewerCanReview: false,
      comments: [{ kind: "CHANGES_REQUESTED" }, { kind: "ACKNOWLEDGED", body: "Takk!", authorName: "Ada Admin" }],
    });
    const again = await call(ACKNOWLEDGE_REPORT, { id: reportId, version: acknowledged.version }, "planner");
    expect(again).toMatchObject({ __typename: "InvalidStatusTransitionError", from: "ACKNOWLEDGED", to: "ACKNOWLEDGED", allowed: [] });
    const changes = await call(REQUEST_CHANGES, { id: reportId, version: acknowledged.version, comment: "Nei" }, "planner");
    expect(changes.__typename).toBe("InvalidStatusTransitionError");
    const stale = await call(ACKNOWLEDGE_REPORT, { id: reportId, version: 1 }, "planner");
    expect(stale.__typename).toBe("ConflictError");

    // Its comments and submissions are as private as the report, also through node().
    const parts = dataOf(
      await api.graphql<Json>(`query($id: ID!) { progressReport(id: $id) { comments { id } submissions { id } } }`, { id: reportId }, { as: "planner" }),
    ).progressReport;
    for (const { id } of [...parts.comments, ...parts.submissions]) {
      const NODE = `query($id: ID!) { node(id: $id) { id } }`;
      expect(dataOf(await api.graphql<Json>(NODE, { id }, { as: "officeLeader" })).node.id).toBe(id);
      const other = await api.graphql<Json>(NODE, { id }, { as: secondLeader });
      expect(errorCode(other)).toBe("FORBIDDEN");
      expect(other.data?.node ?? null).toBeNull();
    }
  });

  it("prefills the next month from the latest earlier report (stages, notes, KPI values, obstacles, help needed; not learning)", async () => {
    const opened = (await call(OPEN_REPORT, { officeId: a.ids.lillestrom, period: month(0) })).progressReport;
    expect(opened).toMatchObject({
      status: "DRAFT",
      learning: "",
      obstacles: "Lite tid og mange nyansatte",
      helpNeeded: "Opplæring",
      stages: [
        { practice: { code: "INTERVJU" }, stage: "ADOPTED", note: "Alle team" },
        { practice: { code: "TAVLE" }, stage: "PREPARING", note: "" },
      ],
      kpiValues: [
        { kpi: { code: "TID" }, value: 21.5 },
        { kpi: { code: "ANDEL" }, value: 80 },
      ],
      submissions: [],
      comments: [],
    });
  });

  it("prefills a first report from the office's recorded adoption status", async () => {
    await api.db.adoptionStatus.create({
      data: { officeId: f.offices.drammen.id, practiceId: a.practices.standups.id, period: date(month(-3)), stage: "PILOTING" },
    });
    const opened = (await call(OPEN_REPORT, { officeId: a.ids.drammen, period: month(-2) }, secondLeader)).progressReport;
    expect(opened.stages).toEqual([
      { practice: { code: "INTERVJU" }, stage: "NOT_STARTED", note: "" },
      { practice: { code: "TAVLE" }, stage: "PILOTING", note: "" },
    ]);
    expect(opened.obstacles).toBe("");
  });
});

describe("the list", () => {
  const LIST = `query($filter: ProgressReportFilter) { progressReports(first: 50, filter: $filter) {
    totalCount edges { node { period status office { name } } } } }`;

  it("shows planners every office's reports, newest period first; a leader only the offices they lead", async () => {
    const all = dataOf(await api.graphql<Json>(LIST, {}, { as: "viewer" })).progressReports;
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((e: Json) => [e.node.period, e.node.office.name])).toEqual([
      [month(0), "Nav Lillestrøm"],
      [month(-1), "Nav Lillestrøm"],
      [month(-2), "Nav Drammen"],
    ]);
    const leader = dataOf(await api.graphql<Json>(LIST, {}, { as: "officeLeader" })).progressReports;
    expect(leader.edges.map((e: Json) => e.node.office.name)).toEqual(["Nav Lillestrøm", "Nav Lillestrøm"]);
    expect(leader.totalCount).toBe(2);
    const former = dataOf(await api.graphql<Json>(LIST, {}, { as: formerLeader })).progressReports;
    expect(former.totalCount).toBe(0);
    expect(errorCode(await api.graphql(LIST, {}, { as: "hr" }))).toBe("FORBIDDEN");

    const filtered = dataOf(
      await api.graphql<Json>(LIST, { filter: { statuses: ["ACKNOWLEDGED"], waveId: a.ids.pilot, periodFrom: month(-1) } }, { as: "planner" }),
    ).progressReports;
    expect(filtered.edges.map((e: Json) => [e.node.period, e.node.status])).toEqual([[month(-1), "ACKNOWLEDGED"]]);
    const byOffice = dataOf(await api.graphql<Json>(LIST, { filter: { officeId: a.ids.drammen } }, { as: "planner" })).progressReports;
    expect(byOffice.totalCount).toBe(1);
  });
});

describe("reminders", () => {
  /** An office in the rollout since 15 September 2026 with fixed reports, so the dates can be chosen. */
  let officeId: string;

  beforeAll(async () => {
    const office = await api.db.office.create({ data: { code: "0301", name: "Nav Frogner", validFrom: date("2020-01-01") } });
    officeId = office.id;
    await api.db.officeRollout.create({
      data: { officeId, waveId: a.waves.pilot.id, plannedStart: date("2026-09-15"), targetDate: date("2027-09-01") },
    });
    const report = (period: string, status: "SUBMITTED" | "ACKNOWLEDGED" | "CHANGES_REQUESTED" | "DRAFT") =>
      api.db.progressReport.create({
        data: {
          officeId,
          period: date(period),
          status,
          createdBySubject: "s",
          createdByName: "Test",
          submittedAt: status === "DRAFT" ? null : new Date(),
        },
      });
    await report("2026-09-01", "ACKNOWLEDGED");
    await report("2026-10-01", "CHANGES_REQUESTED");
  });

  const states = async (today: string) => {
    const { due, overdue } = await reportReminders(api.db, date(today), [officeId]);
    return {
      due: due.map((r) => [formatDate(r.period), formatDate(r.dueDate), r.daysOverdue, r.reportId !== null]),
      overdue: overdue.map((r) => [formatDate(r.period), formatDate(r.dueDate), r.daysOverdue, r.reportId !== null]),
    };
  };

  it("counts last month as due until the 10th and overdue from the 11th; CHANGES_REQUESTED is not done", async () => {
    expect(await states("2026-11-10")).toEqual({
      due: [
        ["2026-10-01", "2026-11-10", 0, true],
        ["2026-11-01", "2026-12-10", 0, false],
      ],
      overdue: [],
    });
    expect(await states("2026-11-11")).toEqual({
      due: [["2026-11-01", "2026-12-10", 0, false]],
      overdue: [["2026-10-01", "2026-11-10", 1, true]],
    });
  });

  it("expects nothing before the month the rollout starts, and counts SUBMITTED and ACKNOWLEDGED as done", async () => {
    // 15 September start: September is expected (and done), August is not.
    expect(await states("2026-09-20")).toEqual({ due: [], overdue: [] });
    expect(await states("2026-12-11")).toEqual({
      due: [["2026-12-01", "2027-01-10", 0, false]],
      overdue: [
        ["2026-10-01", "2026-11-10", 31, true],
        ["2026-11-01", "2026-12-10", 1, false],
      ],
    });
    // An office that left the rollout is not expected to report.
    await api.db.officeRollout.updateMany({ where: { officeId }, data: { leftAt: new Date(), leftReason: "Test" } });
    expect(await states("2026-12-11")).toEqual({ due: [], overdue: [] });
  });

  it("lists a leader's offices only, every office for planners, and the reports awaiting review for them", async () => {
    const REMINDERS = `{ progressReportReminders {
      due { office { name } period state daysOverdue report { id status } }
      overdue { office { name } period state daysOverdue report { id } }
      awaitingReview { office { name } period } } }`;
    // Drammen's leader sends the report for two months back; Lillestrøm has sent last month's.
    const drammenReport = await api.db.progressReport.findFirstOrThrow({ where: { officeId: f.offices.drammen.id } });
    const sent = await call(SUBMIT_REPORT, { id: gid("ProgressReport", drammenReport.id), version: drammenReport.version }, secondLeader);
    expect(sent.progressReport.status).toBe("SUBMITTED");
    const planner = dataOf(await api.graphql<Json>(REMINDERS, {}, { as: "planner" })).progressReportReminders;
    const names = (rows: Json[]) => rows.map((r) => `${r.office.name} ${r.period}`);
    expect(names(planner.due)).toEqual(
      todayInNorway().getUTCDate() <= 10
        ? [`Nav Drammen ${month(-1)}`, `Nav Drammen ${month(0)}`, `Nav Lillestrøm ${month(0)}`]
        : [`Nav Drammen ${month(0)}`, `Nav Lillestrøm ${month(0)}`],
    );
    expect(planner.due.find((r: Json) => r.office.name === "Nav Lillestrøm").report.status).toBe("DRAFT");
    expect(names(planner.overdue)).toEqual(
      [`Nav Drammen ${month(-3)}`, `Nav Lillestrøm ${month(-3)}`, `Nav Lillestrøm ${month(-2)}`].concat(
        todayInNorway().getUTCDate() <= 10 ? [] : [`Nav Drammen ${month(-1)}`],
      ),
    );
    expect(planner.overdue.every((r: Json) => r.state === "OVERDUE" && r.daysOverdue > 0)).toBe(true);
    expect(planner.awaitingReview).toEqual([{ office: { name: "Nav Drammen" }, period: month(-2) }]);
    const viewer = dataOf(await api.graphql<Json>(REMINDERS, {}, { as: "viewer" })).progressReportReminders;
    expect(viewer.awaitingReview).toHaveLength(1);

    const leader = dataOf(await api.graphql<Json>(REMINDERS, {}, { as: "officeLeader" })).progressReportReminders;
    expect([...leader.due, ...leader.overdue].every((r: Json) => r.office.name === "Nav Lillestrøm")).toBe(true);
    expect(leader.due).toHaveLength(1);
    expect(leader.awaitingReview).toEqual([]);
    expect(errorCode(await api.graphql(REMINDERS, {}, { as: "hr" }))).toBe("FORBIDDEN");
  });
});
