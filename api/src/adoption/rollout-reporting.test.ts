// Moving an office into a wave that has already started (issue 14, item 5): the planner sees
// how many monthly reports the move makes due and overdue before confirming (rolloutMovePreview),
// and chooses the month reports are due from (reportingFrom), which the reminders, the
// dashboard's "Forsinkede rapporter" and the preview all count from. Dates are relative to
// today in Norway, as the reminders are.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { date, gid } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi } from "../../test/harness";
import { firstOfMonth, formatDate, todayInNorway } from "../lib/dates";
import { ERRORS } from "./report-test-data";

let api: TestApi;
let nextOrdinal = 1;
const today = todayInNorway();
/** The first day of the month `offset` months from today's. */
const month = (offset: number) => formatDate(firstOfMonth(today, offset));
/** Last month's report turns overdue on the 11th. */
const lastMonthOverdue = today.getUTCDate() > 10;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api?.close());

const PREVIEW = `query($input: RolloutMovePreviewInput!) { rolloutMovePreview(input: $input) {
  plannedStart earliestReportingFrom reportingFrom currentMonth
  before { dueCount overdueCount overduePeriods duePeriods }
  after { dueCount overdueCount overduePeriods duePeriods }
  afterFromStart { overdueCount } } }`;
const MOVE = `mutation($input: MoveOfficeToWaveInput!) { moveOfficeToWave(input: $input) { ${ERRORS}
  ... on MoveOfficeToWavePayload { officeRollout { id plannedStart reportingFrom wave { name } } } } }`;
const REMINDERS = `{ progressReportReminders { overdue { office { name } period } due { office { name } period } } }`;
const DASHBOARD = `query($filter: AdoptionDashboardFilter) { adoptionDashboard(filter: $filter) { summary { overdueReportCount } } }`;

/** A new office in a wave that starts in half a year, and a wave that started a year ago (each test its own). */
async function officeInFutureWave(name: string) {
  const suffix = name.replace(/\W/g, "");
  const office = await api.db.office.create({ data: { code: String(9000 + nextOrdinal), name, validFrom: date("2020-01-01") } });
  const started = await api.db.rolloutWave.create({
    data: { name: `Startet ${suffix}`, ordinal: nextOrdinal++, plannedStart: firstOfMonth(today, -12), targetDate: firstOfMonth(today, 6) },
  });
  const later = await api.db.rolloutWave.create({
    data: { name: `Senere ${suffix}`, ordinal: nextOrdinal++, plannedStart: firstOfMonth(today, 6), targetDate: firstOfMonth(today, 18) },
  });
  const rollout = await api.db.officeRollout.create({
    data: { officeId: office.id, waveId: later.id, plannedStart: later.plannedStart, targetDate: later.targetDate },
  });
  return { office, started, rollout, rolloutId: gid("OfficeRollout", rollout.id), startedId: gid("RolloutWave", started.id) };
}

async function preview(input: Record<string, unknown>) {
  return dataOf(await api.graphql<Json>(PREVIEW, { input }, { as: "planner" })).rolloutMovePreview;
}

async function move(input: Record<string, unknown>) {
  return dataOf(await api.graphql<Json>(MOVE, { input }, { as: "planner" })).moveOfficeToWave;
}

/** Months a year ago up to two months ago are overdue; last month from the 11th; this month is due. */
function expectedOverdue(except: string[] = []) {
  const months = Array.from({ length: 11 }, (_, i) => month(-12 + i));
  if (lastMonthOverdue) months.push(month(-1));
  return months.filter((m) => !except.includes(m));
}
const expectedDue = (from = -1) => [...(from <= -1 && !lastMonthOverdue ? [month(-1)] : []), month(0)];

describe("moving an office into a wave that has already started", () => {
  it("shows the reports the move makes overdue before it is made, and from which month", async () => {
    const { rolloutId, startedId, rollout } = await officeInFutureWave("Nav Forhåndsvisning");
    // One month already reported: a done month is not owed again.
    await api.db.progressReport.create({
      data: {
        officeId: rollout.officeId,
        period: firstOfMonth(today, -5),
        status: "SUBMITTED",
        createdBySubject: "test",
        createdByName: "Test",
        submittedAt: new Date(),
      },
    });
    const before = { dueCount: 0, overdueCount: 0, overduePeriods: [], duePeriods: [] };
    const asTheWave = await preview({ officeRolloutId: rolloutId, waveId: startedId });
    expect(asTheWave).toEqual({
      plannedStart: month(-12),
      earliestReportingFrom: month(-12),
      reportingFrom: month(-12),
      currentMonth: month(0),
      before,
      after: {
        overdueCount: expectedOverdue([month(-5)]).length,
        overduePeriods: expectedOverdue([month(-5)]),
        dueCount: expectedDue().length,
        duePeriods: expectedDue(),
      },
      afterFromStart: { overdueCount: expectedOverdue([month(-5)]).length },
    });
    // Reporting from this month: nothing turns overdue.
    const fromNow = await preview({ officeRolloutId: rolloutId, waveId: startedId, reportingFrom: month(0) });
    expect(fromNow).toMatchObject({
      reportingFrom: month(0),
      after: { overdueCount: 0, dueCount: 1, duePeriods: [month(0)] },
      afterFromStart: { overdueCount: expectedOverdue([month(-5)]).length },
    });
    // A planned start of its own counts from its month.
    const ownStart = await preview({ officeRolloutId: rolloutId, waveId: startedId, plannedStart: formatDate(firstOfMonth(today, -2)) });
    expect(ownStart).toMatchObject({ plannedStart: month(-2), reportingFrom: month(-2) });
    expect(ownStart.after.overduePeriods).toEqual(lastMonthOverdue ? [month(-2), month(-1)] : [month(-2)]);

    expect(await preview({ officeRolloutId: gid("OfficeRollout", "nope"), waveId: startedId })).toBeNull();
    expect(errorCode(await api.graphql(PREVIEW, { input: { officeRolloutId: rolloutId, waveId: startedId } }, { as: "viewer" }))).toBe(
      "FORBIDDEN",
    );
  });

  it("counts reports from the month the planner chose, in the reminders and on the dashboard", async () => {
    const { rolloutId, startedId, started, office } = await officeInFutureWave("Nav Valgt Måned");
    // Any day of the month stands for the month.
    const moved = await move({ officeRolloutId: rolloutId, version: 1, waveId: startedId, reason: "Klar tidligere", reportingFrom: formatDate(firstOfMonth(today)).slice(0, 8) + "15" });
    expect(moved.officeRollout).toMatchObject({ plannedStart: month(-12), reportingFrom: month(0), wave: { name: started.name } });

    const reminders = dataOf(await api.graphql<Json>(REMINDERS, {}, { as: "planner" })).progressReportReminders;
    expect(reminders.overdue.filter((r: Json) => r.office.name === office.name)).toEqual([]);
    expect(reminders.due.filter((r: Json) => r.office.name === office.name)).toEqual([{ office: { name: office.name }, period: month(0) }]);
    const dashboard = dataOf(
      await api.graphql<Json>(DASHBOARD, { filter: { waveId: gid("RolloutWave", started.id) } }, { as: "planner" }),
    ).adoptionDashboard;
    expect(dashboard.summary.overdueReportCount).toBe(0);
  });

  it("without a choice, reports are due from the planned start's month, as before, and the dashboard counts them", async () => {
    const { rolloutId, startedId, started, office } = await officeInFutureWave("Nav Uten Valg");
    const moved = await move({ officeRolloutId: rolloutId, version: 1, waveId: startedId, reason: "Klar tidligere" });
    expect(moved.officeRollout).toMatchObject({ reportingFrom: month(-12) });
    const reminders = dataOf(await api.graphql<Json>(REMINDERS, {}, { as: "planner" })).progressReportReminders;
    expect(reminders.overdue.filter((r: Json) => r.office.name === office.name).map((r: Json) => r.period)).toEqual(expectedOverdue());
    const dashboard = dataOf(
      await api.graphql<Json>(DASHBOARD, { filter: { waveId: gid("RolloutWave", started.id) } }, { as: "planner" }),
    ).adoptionDashboard;
    expect(dashboard.summary.overdueReportCount).toBe(expectedOverdue().length);
  });

  it("refuses reporting before the office starts, and writes nothing", async () => {
    const { rolloutId, startedId, rollout } = await officeInFutureWave("Nav For Tidlig");
    const rowsBefore = await api.db.officeRollout.count();
    const eventsBefore = await api.db.auditEvent.count();
    const early = await move({ officeRolloutId: rolloutId, version: 1, waveId: startedId, reason: "Test", reportingFrom: month(-13) });
    expect(early.__typename).toBe("ValidationError");
    expect(early.fieldErrors).toEqual([
      { path: "reportingFrom", message: expect.stringMatching(/^Rapporteringen kan ikke starte før innføringen \(\S+ \d{4}\)\.$/) },
    ]);
    expect(await api.db.officeRollout.count()).toBe(rowsBefore);
    expect(await api.db.auditEvent.count()).toBe(eventsBefore);
    expect((await api.db.officeRollout.findUniqueOrThrow({ where: { id: rollout.id } })).leftAt).toBeNull();
  });
});
