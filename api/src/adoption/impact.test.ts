// adoptionImpact through GraphQL against an example computed by hand (below), plus the
// edge cases of the definition, validation and who may ask.
import type { AdoptionStage } from "@samla/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { date, gid } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi } from "../../test/harness";

let api: TestApi;
const ids = { p1: "", p2: "", p3: "", kpi: "", t1: "", t2: "", c1: "", c2: "", x: "", y: "" };

/*
 * The example (practice P1, KPI "Saksbehandlingstid", lower is better, window W = 3 months):
 *
 *   office  stages (month: stage)                         a_i   KPI values (month: value)
 *   T1      Feb PILOTING, Apr ADOPTED, Jun EMBEDDED       Apr   Jan 10, Feb 12, Mar 14, Apr 8, May 9, Jun 10
 *   T2      May ADOPTED                                   May   Feb 20, Mar 22, Apr 24, May 16, Jun 18, Jul 20
 *   C1      Jan PILOTING (never ADOPTED)                  -     Jan 10, Feb 10, Mar 11, Apr 11, May 12, Jun 12, Jul 13
 *   C2      Dec ADOPTED                                   Dec   Jan 20, Mar 20, Apr 22, Jun 24, Jul 25
 *   X       Jun ADOPTED                                   Jun   Jan-May 5 (nothing from June on)
 *   Y       none                                          -     Jan 7, Feb 7, Mar 7
 *
 * T1: B = Jan-Mar, A = Apr-Jun. mean_B = 12, mean_A = 9, change −3.
 *   Controls: C1 (never adopted): B (10+10+11)/3 = 31/3, A (11+12+12)/3 = 35/3, change 4/3.
 *             C2 (adopts Dec, after Jun): B (20+20)/2 = 20 (no Feb), A (22+24)/2 = 23, change 3.
 *             not T2 (adopts May, inside T1's window), not X (adopts Jun, inside), not Y (no values in A).
 *   controlBeforeMean = (31/3 + 20)/2 = 91/6, controlAfterMean = (35/3 + 23)/2 = 52/3.
 *   DiD_T1 = −3 − (4/3 + 3)/2 = −3 − 13/6 = −31/6.
 * T2: B = Feb-Apr, A = May-Jul. mean_B = 22, mean_A = 18, change −4.
 *   Controls: C1: B (10+11+11)/3 = 32/3, A (12+12+13)/3 = 37/3, change 5/3.
 *             C2: B (20+22)/2 = 21, A (24+25)/2 = 49/2, change 7/2.
 *             not T1 (adopted Apr), not X (Jun, inside May-Jul), not Y (no values in A).
 *   controlBeforeMean = (32/3 + 21)/2 = 95/6, controlAfterMean = (37/3 + 49/2)/2 = 221/12.
 *   DiD_T2 = −4 − (5/3 + 7/2)/2 = −4 − 31/12 = −79/12.
 * X has no values in its after window (Jun-Aug) and C1, C2, Y never adopted in the window: not treated.
 *
 * estimate = (−31/6 − 79/12)/2 = −141/24 = −5.875
 * stddev_samp of two values = |d1 − d2|/√2 = (17/12)/√2; SE = that/√2 = 17/24 ≈ 0.708333
 * t(0.975, 1) = 12.706; interval = −5.875 ± 12.706 · 17/24 = −5.875 ± 9.0000833
 *   = [−14.8750833, 3.1250833]. Lower is better and the estimate is negative: improved.
 */
const ESTIMATE = -141 / 24;
const STANDARD_ERROR = 17 / 24;
const MARGIN = (12.706 * 17) / 24;

beforeAll(async () => {
  api = await createTestApi();
  const db = api.db;
  const practice = (code: string) =>
    db.practice.create({
      data: {
        code,
        theme: "CASE_FLOW",
        versions: { create: { number: 1, name: `Praksis ${code}`, description: "", levels: ["0", "1", "2", "3", "4"], createdBy: "test" } },
      },
    });
  const p1 = await practice("P1");
  const p2 = await practice("P2");
  const p3 = await practice("P3");
  const kpi = await db.kpi.create({ data: { code: "SBT", name: "Saksbehandlingstid", unit: "dager", direction: "LOWER_IS_BETTER" } });
  const office = (code: string, name: string) => db.office.create({ data: { code, name, validFrom: date("2020-01-01") } });
  const [t1, t2, c1, c2, x, y] = [
    await office("2001", "Nav T1"),
    await office("2002", "Nav T2"),
    await office("2003", "Nav C1"),
    await office("2004", "Nav C2"),
    await office("2005", "Nav X"),
    await office("2006", "Nav Y"),
  ];
  Object.assign(ids, { p1: p1.id, p2: p2.id, p3: p3.id, kpi: kpi.id, t1: t1!.id, t2: t2!.id, c1: c1!.id, c2: c2!.id, x: x!.id, y: y!.id });

  const statuses: [string, string, AdoptionStage][] = [
    [t1!.id, "2026-02-01", "PILOTING"],
    [t1!.id, "2026-04-01", "ADOPTED"],
    [t1!.id, "2026-06-01", "EMBEDDED"],
    [t2!.id, "2026-05-01", "ADOPTED"],
    [c1!.id, "2026-01-01", "PILOTING"],
    [c2!.id, "2026-12-01", "ADOPTED"],
    [x!.id, "2026-06-01", "ADOPTED"],
  ];
  await db.adoptionStatus.createMany({
    data: statuses.map(([officeId, period, stage]) => ({ officeId, practiceId: p1.id, period: date(period), stage })),
  });
  // P2: nobody adopts. P3: only T1, in April. Neither leaks into P1's figures.
  await db.adoptionStatus.create({ data: { officeId: t1!.id, practiceId: p2.id, period: date("2025-01-01"), stage: "NOT_STARTED" } });
  await db.adoptionStatus.create({ data: { officeId: t1!.id, practiceId: p3.id, period: date("2026-04-01"), stage: "ADOPTED" } });

  const values: [string, number[], number][] = [
    // office, months (1 = Jan 2026), values
    [t1!.id, [1, 2, 3, 4, 5, 6], 0],
    [t2!.id, [2, 3, 4, 5, 6, 7], 0],
    [c1!.id, [1, 2, 3, 4, 5, 6, 7], 0],
    [c2!.id, [1, 3, 4, 6, 7], 0],
    [x!.id, [1, 2, 3, 4, 5], 0],
    [y!.id, [1, 2, 3], 0],
  ];
  const numbers: Record<string, number[]> = {
    [t1!.id]: [10, 12, 14, 8, 9, 10],
    [t2!.id]: [20, 22, 24, 16, 18, 20],
    [c1!.id]: [10, 10, 11, 11, 12, 12, 13],
    [c2!.id]: [20, 20, 22, 24, 25],
    [x!.id]: [5, 5, 5, 5, 5],
    [y!.id]: [7, 7, 7],
  };
  await db.kpiMeasurement.createMany({
    data: values.flatMap(([officeId, months]) =>
      months.map((m, i) => ({
        officeId,
        kpiId: kpi.id,
        period: date(`2026-${String(m).padStart(2, "0")}-01`),
        value: numbers[officeId]![i]!,
        authorSubject: "sub-leader",
        authorName: "Leif Leder",
      })),
    ),
  });
});
afterAll(() => api?.close());

const IMPACT = /* GraphQL */ `
  query($practiceId: ID!, $kpiId: ID!, $windowMonths: Int) {
    adoptionImpact(practiceId: $practiceId, kpiId: $kpiId, windowMonths: $windowMonths) {
      __typename
      ... on AdoptionImpact {
        practice { id } kpi { id }
        windowMonths estimate standardError confidenceLow confidenceHigh treatedOfficeCount controlOfficeCount improved
        offices {
          office { id name } adoptedPeriod beforeMean afterMean controlBeforeMean controlAfterMean controlOfficeCount difference
        }
        eventTime { relativeMonth treatedMean controlMean treatedCount controlCount }
      }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { entityType entityId }
    }
  }
`;

async function impact(variables: Record<string, unknown>, as: "planner" | "viewer" | "officeLeader" = "viewer") {
  return dataOf(await api.graphql<Json>(IMPACT, variables, { as })).adoptionImpact;
}

describe("adoptionImpact", () => {
  it("matches the hand-computed difference-in-differences", async () => {
    const result = await impact({ practiceId: gid("Practice", ids.p1), kpiId: gid("Kpi", ids.kpi), windowMonths: 3 });
    expect(result).toMatchObject({
      __typename: "AdoptionImpact",
      practice: { id: gid("Practice", ids.p1) },
      kpi: { id: gid("Kpi", ids.kpi) },
      windowMonths: 3,
      treatedOfficeCount: 2,
      controlOfficeCount: 2,
      improved: true,
    });
    expect(result.estimate).toBeCloseTo(ESTIMATE, 10);
    expect(result.standardError).toBeCloseTo(STANDARD_ERROR, 10);
    expect(result.confidenceLow).toBeCloseTo(ESTIMATE - MARGIN, 10);
    expect(result.confidenceHigh).toBeCloseTo(ESTIMATE + MARGIN, 10);
    expect(result.confidenceLow).toBeCloseTo(-14.8750833, 6);
    expect(result.confidenceHigh).toBeCloseTo(3.1250833, 6);

    expect(result.offices.map((o: Json) => o.office.name)).toEqual(["Nav T1", "Nav T2"]);
    const [t1, t2] = result.offices;
    expect(t1).toMatchObject({ adoptedPeriod: "2026-04-01", controlOfficeCount: 2 });
    expect(t1.beforeMean).toBeCloseTo(12, 10);
    expect(t1.afterMean).toBeCloseTo(9, 10);
    expect(t1.controlBeforeMean).toBeCloseTo(91 / 6, 10);
    expect(t1.controlAfterMean).toBeCloseTo(52 / 3, 10);
    expect(t1.difference).toBeCloseTo(-31 / 6, 10);
    expect(t2).toMatchObject({ adoptedPeriod: "2026-05-01", controlOfficeCount: 2 });
    expect(t2.beforeMean).toBeCloseTo(22, 10);
    expect(t2.afterMean).toBeCloseTo(18, 10);
    expect(t2.controlBeforeMean).toBeCloseTo(95 / 6, 10);
    expect(t2.controlAfterMean).toBeCloseTo(221 / 12, 10);
    expect(t2.difference).toBeCloseTo(-79 / 12, 10);
  });

  it("lines the months up around each office's adoption month", async () => {
    const result = await impact({ practiceId: gid("Practice", ids.p1), kpiId: gid("Kpi", ids.kpi), windowMonths: 3 });
    expect(result.eventTime.map((p: Json) => p.relativeMonth)).toEqual([-3, -2, -1, 0, 1, 2]);
    // −3: T1 in Jan (10), T2 in Feb (20). Controls: T1's in Jan C1 10, C2 20 → 15; T2's in Feb C1 10 (C2 has no Feb) → 10.
    expect(result.eventTime[0]).toMatchObject({ treatedCount: 2, controlCount: 2 });
    expect(result.eventTime[0].treatedMean).toBeCloseTo(15, 10);
    expect(result.eventTime[0].controlMean).toBeCloseTo(12.5, 10);
    // 0: T1 Apr 8, T2 May 16. Controls: T1's in Apr 11 and 22 → 16.5; T2's in May C1 12 (C2 none) → 12.
    expect(result.eventTime[3].treatedMean).toBeCloseTo(12, 10);
    expect(result.eventTime[3].controlMean).toBeCloseTo(14.25, 10);
    expect(result.eventTime[3]).toMatchObject({ treatedCount: 2, controlCount: 2 });
  });

  it("gives no estimate when no office qualifies", async () => {
    const result = await impact({ practiceId: gid("Practice", ids.p2), kpiId: gid("Kpi", ids.kpi) });
    expect(result).toMatchObject({
      windowMonths: 6,
      estimate: null,
      standardError: null,
      confidenceLow: null,
      confidenceHigh: null,
      treatedOfficeCount: 0,
      controlOfficeCount: 0,
      improved: null,
      offices: [],
    });
    expect(result.eventTime).toHaveLength(12);
    expect(result.eventTime.every((p: Json) => p.treatedMean === null && p.treatedCount === 0 && p.controlCount === 0)).toBe(true);
  });

  it("gives an estimate without a spread or interval from one treated office", async () => {
    // P3: only T1 adopts (Apr). Controls, W = 3 (B Jan-Mar, A Apr-Jun), everyone else with values on both sides:
    //   T2 B (20+22)/2 = 21, A (24+16+18)/3 = 58/3, change −5/3;  C1 change 4/3;  C2 change 3;
    //   X B 5, A (5+5)/2 = 5, change 0;  Y has no values in A.
    // DiD_T1 = −3 − (−5/3 + 4/3 + 3 + 0)/4 = −3 − 2/3 = −11/3.
    const result = await impact({ practiceId: gid("Practice", ids.p3), kpiId: gid("Kpi", ids.kpi), windowMonths: 3 });
    expect(result).toMatchObject({ treatedOfficeCount: 1, controlOfficeCount: 4, standardError: null, confidenceLow: null, confidenceHigh: null });
    expect(result.estimate).toBeCloseTo(-11 / 3, 10);
    expect(result.offices).toHaveLength(1);
    expect(result.offices[0]).toMatchObject({ office: { name: "Nav T1" }, controlOfficeCount: 4 });
    expect(result.offices[0].difference).toBeCloseTo(-11 / 3, 10);
  });

  it("uses a longer window: controls must not adopt before it ends", async () => {
    // W = 12. T1: B Apr 2025-Mar 2026 mean 12, A Apr 2026-Mar 2027 mean 9. C2 (adopts Dec 2026) is now
    // inside the window, Y has no values after: C1 alone, B (10+10+11)/3 = 31/3, A (11+12+12+13)/4 = 12,
    // change 5/3, DiD_T1 = −3 − 5/3 = −14/3.
    // T2: B 22, A 18; C1 B (10+10+11+11)/4 = 10.5, A (12+12+13)/3 = 37/3, change 11/6; DiD_T2 = −4 − 11/6 = −35/6.
    // estimate = (−14/3 − 35/6)/2 = −63/12 = −5.25.
    const result = await impact({ practiceId: gid("Practice", ids.p1), kpiId: gid("Kpi", ids.kpi), windowMonths: 12 });
    expect(result).toMatchObject({ treatedOfficeCount: 2, controlOfficeCount: 1 });
    expect(result.offices.map((o: Json) => o.difference)).toEqual([expect.closeTo(-14 / 3, 10), expect.closeTo(-35 / 6, 10)]);
    expect(result.estimate).toBeCloseTo(-5.25, 10);
    expect(result.eventTime).toHaveLength(24);
  });

  it("refuses a window outside 3-12 months and ids of the wrong kind, and names what it cannot find", async () => {
    for (const windowMonths of [2, 13]) {
      const result = await impact({ practiceId: gid("Practice", ids.p1), kpiId: gid("Kpi", ids.kpi), windowMonths });
      expect(result.__typename).toBe("ValidationError");
      expect(result.fieldErrors[0].path).toBe("windowMonths");
    }
    const wrongKind = await impact({ practiceId: gid("Office", ids.t1), kpiId: gid("Kpi", ids.kpi) });
    expect(wrongKind).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "practiceId" }] });
    const wrongKpi = await impact({ practiceId: gid("Practice", ids.p1), kpiId: "not-an-id" });
    expect(wrongKpi).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "kpiId" }] });
    const unknownPractice = await impact({ practiceId: gid("Practice", "nope"), kpiId: gid("Kpi", ids.kpi) });
    expect(unknownPractice).toMatchObject({ __typename: "NotFoundError", entityType: "Practice", entityId: gid("Practice", "nope") });
    const unknownKpi = await impact({ practiceId: gid("Practice", ids.p1), kpiId: gid("Kpi", "nope") });
    expect(unknownKpi).toMatchObject({ __typename: "NotFoundError", entityType: "Kpi" });
  });

  it("is for planners, admins, viewers and office leaders, not HR or anonymous callers", async () => {
    const variables = { practiceId: gid("Practice", ids.p1), kpiId: gid("Kpi", ids.kpi), windowMonths: 3 };
    for (const as of ["planner", "officeLeader"] as const) expect((await impact(variables, as)).treatedOfficeCount).toBe(2);
    expect(errorCode(await api.graphql(IMPACT, variables, { as: "hr" }))).toBe("FORBIDDEN");
    expect(errorCode(await api.graphql(IMPACT, variables, { as: null }))).toBe("UNAUTHENTICATED");
  });
});
