import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { date, gid } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi, type UserName } from "../../test/harness";
import { todayInNorway } from "../lib/dates";
import {
  createComparisonData,
  expectedCell,
  expectedCultureCell,
  expectedFlow,
  expectedInsightCell,
  expectedKpi,
  expectedLeader,
  expectedPractices,
  iso,
  type ComparisonData,
  type Period,
} from "./comparison-test-data";

let api: TestApi;
let data: ComparisonData;

beforeAll(async () => {
  api = await createTestApi();
  data = await createComparisonData(api.db);
});
afterAll(() => api?.close());

const COMPARISON = /* GraphQL */ `
  query($officeIds: [ID!], $from: Date, $to: Date, $serviceId: ID) {
    methodComparison(officeIds: $officeIds, from: $from, to: $to) {
      __typename
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { entityType entityId }
      ... on MethodComparison {
        offices { id name }
        from
        to
        months
        maturity {
          practices { id code name }
          cells { officeId practiceId level assessedOn previousLevel assessmentCount }
        }
        kpis {
          kpi { id name }
          target
          series { officeId points { period value } latest { period value } average }
        }
        caseFlowServices { id name }
        caseFlows(serviceId: $serviceId) {
          service { id name }
          stages
          offices {
            officeId
            flow { id recordedOn }
            recordedOn
            steps { stepId order stageKey name responsibleRoleName durationDays waitingDays leadTimeDays handOffs }
            stages { stageKey steps { order } leadTimeDays waitingDays handOffs }
            totalLeadTimeDays workingDays waitingDays waitingShare handOffs stepCount leadTimeDifferenceDays
          }
          differences { stageKey officeCount minLeadTimeDays maxLeadTimeDays spreadDays fastestOfficeId slowestOfficeId officeIdsWithout }
          fastestOfficeId
          leadTimeSpreadDays
        }
        insightThemes { themes cells { officeId theme count share example exampleKind } }
        cultureGaps { dimensions cells { officeId dimension current target gap assessedOn } }
        summary {
          practice { id code }
          leadingOfficeId
          leadingOffice { name }
          level
          reachedOn
          kpis { kpi { id } value period }
        }
      }
    }
  }
`;

const PERIOD: Period = { from: date("2025-03-15"), to: date("2025-12-20") };
/** Drammen, Lillestrøm, Asker: deliberately not in name order. */
const officeIds = () => [data.offices.drammen.id, data.offices.lillestrom.id, data.offices.asker.id];

async function compare(period: Period = PERIOD, ids: string[] = officeIds(), extra: Record<string, unknown> = {}, as: UserName = "planner") {
  const response = await api.graphql<Json>(
    COMPARISON,
    { officeIds: ids.map((id) => gid("Office", id)), from: iso(period.from), to: iso(period.to), ...extra },
    { as },
  );
  return dataOf(response).methodComparison;
}

const localId = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":").slice(1).join(":");

describe("methodComparison: maturity", () => {
  for (const period of [PERIOD, { from: date("2024-11-01"), to: date("2025-06-30") }]) {
    it(`gives every office × practice its latest level, the level at the start and the count (${iso(period.from)}–${iso(period.to)})`, async () => {
      const result = await compare(period);
      const practices = expectedPractices(data, period);
      expect(result.maturity.practices.map((p: Json) => p.code)).toEqual(practices.map((p) => p.code));
      const expected = officeIds().flatMap((officeId) =>
        practices.map((practice) => {
          const { history: _history, ...cell } = expectedCell(data, officeId, practice.id, period);
          return { officeId: gid("Office", officeId), practiceId: gid("Practice", practice.id), ...cell };
        }),
      );
      expect(result.maturity.cells).toEqual(expected);
    });
  }

  it("the specific cases come out as designed", async () => {
    const result = await compare();
    const cell = (office: keyof ComparisonData["offices"], practice: keyof ComparisonData["practices"]) =>
      result.maturity.cells.find(
        (c: Json) => c.officeId === gid("Office", data.offices[office].id) && c.practiceId === gid("Practice", data.practices[practice].id),
      );
    // An assessment on `from` is the previous level; one after `to` is ignored.
    expect(cell("drammen", "interviews")).toMatchObject({ level: 3, previousLevel: 2, assessmentCount: 3, assessedOn: "2025-09-01" });
    // Two on the same day: the one recorded last counts.
    expect(cell("asker", "interviews")).toMatchObject({ level: 2, previousLevel: null, assessmentCount: 2 });
    // On `to` is included.
    expect(cell("asker", "valueStream")).toMatchObject({ level: 4, assessedOn: "2025-12-20" });
    expect(cell("asker", "voice")).toMatchObject({ level: null, assessedOn: null, previousLevel: null, assessmentCount: 0 });
    // Retired before the period: not a column. Retired during it: still one.
    const codes = result.maturity.practices.map((p: Json) => p.code);
    expect(codes).not.toContain("GAMMEL");
    expect(codes).toContain("UTGAAR");
  });

  it("maturityHistory lists one cell's assessments with evidence, newest first, up to `to`", async () => {
    const query = /* GraphQL */ `
      query($officeIds: [ID!], $from: Date, $to: Date, $officeId: ID!, $practiceId: ID!) {
        methodComparison(officeIds: $officeIds, from: $from, to: $to) {
          ... on MethodComparison { maturityHistory(officeId: $officeId, practiceId: $practiceId) { level assessedOn evidence levelText practice { code } } }
        }
      }
    `;
    const officeId = data.offices.drammen.id;
    const practiceId = data.practices.interviews.id;
    const result = dataOf(
      await api.graphql<Json>(
        query,
        {
          officeIds: officeIds().map((id) => gid("Office", id)),
          from: iso(PERIOD.from),
          to: iso(PERIOD.to),
          officeId: gid("Office", officeId),
          practiceId: gid("Practice", practiceId),
        },
        { as: "viewer" },
      ),
    ).methodComparison.maturityHistory;
    const expected = expectedCell(data, officeId, practiceId, PERIOD).history.map((a) => ({
      level: a.level,
      assessedOn: iso(a.assessedOn),
      evidence: a.evidence,
      levelText: String(a.level),
      practice: { code: "BRUKERINTERVJU" },
    }));
    expect(result).toEqual(expected);
    expect(result).toHaveLength(3);
  });
});

describe("methodComparison: KPIs", () => {
  for (const period of [PERIOD, { from: date("2025-10-01"), to: date("2026-01-31") }]) {
    it(`gives a series per KPI and office with latest and average (${iso(period.from)}–${iso(period.to)})`, async () => {
      const result = await compare(period);
      const kpis = Object.values(data.kpis).sort((a, b) => a.sortOrder - b.sortOrder);
      expect(result.kpis.map((k: Json) => k.kpi.name)).toEqual(kpis.map((k) => k.name));
      for (const [index, kpi] of kpis.entries()) {
        const got = result.kpis[index];
        expect(got.target).toBe(kpi.target);
        expect(got.series.map((s: Json) => s.officeId)).toEqual(officeIds().map((id) => gid("Office", id)));
        for (const series of got.series) {
          const expected = expectedKpi(data, kpi.id, localId(series.officeId), period);
          expect(series.points).toEqual(expected.points);
          expect(series.latest).toEqual(expected.latest);
          if (expected.average === null) expect(series.average).toBeNull();
          else expect(series.average).toBeCloseTo(expected.average, 9);
        }
      }
    });
  }

  it("filters by month: a period from mid-March includes March; months are the x axis", async () => {
    const result = await compare();
    const time = result.kpis.find((k: Json) => k.kpi.name === "Saksbehandlingstid");
    const drammen = time.series[0];
    expect(drammen.points[0].period).toBe("2025-03-01");
    expect(drammen.points.at(-1).period).toBe("2025-12-01");
    expect(drammen.points).toHaveLength(10);
    expect(result.months).toEqual(["03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) => `2025-${m}-01`));
    // Asker has the KPI only some months; none at all for the others.
    expect(time.series[2].points.map((p: Json) => p.period)).toEqual(["2025-05-01", "2025-08-01", "2025-11-01"]);
    const satisfaction = result.kpis.find((k: Json) => k.kpi.name === "Brukertilfredshet");
    expect(satisfaction.series[0]).toEqual({ officeId: gid("Office", data.offices.drammen.id), points: [], latest: null, average: null });
  });
});

describe("methodComparison: case flows", () => {
  it("aligns the flows in force on `to` by stage, with totals, waiting share, hand-offs and the differences", async () => {
    const result = await compare();
    const service = data.f.services.sosialhjelp;
    expect(result.caseFlowServices.map((s: Json) => s.name)).toEqual(["Økonomisk sosialhjelp", "Arbeidsrettet oppfølging"]);
    const flows = result.caseFlows;
    expect(flows.service.name).toBe(service.name);
    // Known stages in their natural order, then the office-specific one.
    expect(flows.stages).toEqual(["MOTTAK", "KARTLEGGING", "VURDERING", "VEDTAK", "UTBETALING", "OPPFOLGING", "KLAGE"]);

    const expected = officeIds().map((id) => expectedFlow(data, id, service.id, PERIOD.to)!);
    for (const [index, office] of flows.offices.entries()) {
      const want = expected[index]!;
      expect(office.officeId).toBe(gid("Office", officeIds()[index]!));
      expect(office.recordedOn).toBe(want.recordedOn);
      expect(office.flow.recordedOn).toBe(want.recordedOn);
      expect(office.totalLeadTimeDays).toBeCloseTo(want.totalLeadTimeDays, 9);
      expect(office.workingDays).toBeCloseTo(want.workingDays, 9);
      expect(office.waitingDays).toBeCloseTo(want.waitingDays, 9);
      expect(office.waitingShare).toBeCloseTo(want.waitingShare, 9);
      expect(office.handOffs).toBe(want.handOffs);
      expect(office.stepCount).toBe(want.stepCount);
      const fastest = Math.min(...expected.map((e) => e.totalLeadTimeDays));
      expect(office.leadTimeDifferenceDays).toBeCloseTo(want.totalLeadTimeDays - fastest, 9);
      expect(office.steps).toEqual(
        want.steps.map((s) => ({
          stepId: gid("ProcessStep", s.id),
          order: s.order,
          stageKey: s.stageKey,
          name: s.name,
          responsibleRoleName: s.roleName,
          durationDays: s.durationDays,
          waitingDays: s.waitingDays,
          leadTimeDays: s.durationDays + s.waitingDays,
          handOffs: s.handOffs,
        })),
      );
      // One entry per common stage, in the same order; empty where the office skips the stage.
      expect(office.stages.map((s: Json) => s.stageKey)).toEqual(flows.stages);
      for (const stage of office.stages) {
        expect(stage.steps.map((s: Json) => s.order)).toEqual(want.steps.filter((s) => s.stageKey === stage.stageKey).map((s) => s.order));
        const lead = want.stageLead(stage.stageKey);
        if (lead === null) expect(stage.leadTimeDays).toBeNull();
        else expect(stage.leadTimeDays).toBeCloseTo(lead, 9);
      }
    }

    for (const [index, stageKey] of flows.stages.entries()) {
      const having = expected.map((e, i) => ({ officeId: officeIds()[i]!, lead: e.stageLead(stageKey) })).filter((x) => x.lead !== null);
      const leads = having.map((x) => x.lead!);
      const fastest = having.find((x) => x.lead === Math.min(...leads))!;
      const slowest = having.find((x) => x.lead === Math.max(...leads))!;
      const difference = flows.differences[index];
      expect(difference.stageKey).toBe(stageKey);
      expect(difference.officeCount).toBe(having.length);
      expect(difference.minLeadTimeDays).toBeCloseTo(Math.min(...leads), 9);
      expect(difference.maxLeadTimeDays).toBeCloseTo(Math.max(...leads), 9);
      expect(difference.spreadDays).toBeCloseTo(Math.max(...leads) - Math.min(...leads), 9);
      expect(difference.fastestOfficeId).toBe(gid("Office", fastest.officeId));
      expect(difference.slowestOfficeId).toBe(gid("Office", slowest.officeId));
      expect(difference.officeIdsWithout).toEqual(
        officeIds().filter((id) => !having.some((x) => x.officeId === id)).map((id) => gid("Office", id)),
      );
    }
    const totals = expected.map((e) => e.totalLeadTimeDays);
    expect(flows.fastestOfficeId).toBe(gid("Office", officeIds()[totals.indexOf(Math.min(...totals))]!));
    expect(flows.leadTimeSpreadDays).toBeCloseTo(Math.max(...totals) - Math.min(...totals), 9);
  });

  it("uses the flow in force on `to`, and shows an office without a flow as empty", async () => {
    // On 2025-02-15 Lillestrøm's 2024 flow was in force and Asker had none yet.
    const result = await compare({ from: date("2024-03-01"), to: date("2025-02-15") }, officeIds(), {
      serviceId: gid("Service", data.f.services.sosialhjelp.id),
    });
    const [drammen, lillestrom, asker] = result.caseFlows.offices;
    expect(drammen.recordedOn).toBe("2025-01-10");
    expect(lillestrom).toMatchObject({ recordedOn: "2024-05-01", stepCount: 2, totalLeadTimeDays: 36, handOffs: 18 });
    expect(asker).toMatchObject({ flow: null, recordedOn: null, steps: [], totalLeadTimeDays: null, waitingShare: null, stepCount: 0 });
    expect(asker.stages.every((s: Json) => s.steps.length === 0 && s.leadTimeDays === null)).toBe(true);
    expect(result.caseFlows.stages).toEqual(["MOTTAK", "KARTLEGGING", "VEDTAK", "UTBETALING"]);
    // Asker has no flow, so it is not "without" a stage: only Lillestrøm's flow lacks KARTLEGGING.
    expect(result.caseFlows.differences[1]).toMatchObject({
      stageKey: "KARTLEGGING",
      officeIdsWithout: [gid("Office", data.offices.lillestrom.id)],
    });
  });

  it("compares another service when asked, and refuses an unknown one", async () => {
    const other = await compare(PERIOD, officeIds(), { serviceId: gid("Service", data.f.services.oppfolging.id) });
    expect(other.caseFlows.service.name).toBe("Arbeidsrettet oppfølging");
    expect(other.caseFlows.offices.map((o: Json) => o.stepCount)).toEqual([1, 0, 0]);
    const none = await compare(PERIOD, officeIds(), { serviceId: gid("Service", data.f.services.dagpenger.id) });
    expect(none.caseFlows).toMatchObject({ stages: [], fastestOfficeId: null, leadTimeSpreadDays: null, differences: [] });

    const unknown = await api.graphql<Json>(
      COMPARISON,
      { officeIds: officeIds().map((id) => gid("Office", id)), serviceId: gid("Service", "nope") },
      { as: "planner" },
    );
    expect(errorCode(unknown)).toBe("NOT_FOUND");
    expect(unknown.errors?.[0]?.path).toEqual(["methodComparison", "caseFlows"]);
    expect(unknown.errors?.[0]?.message).toBe(`Fant ikke tjenesten ${gid("Service", "nope")}.`);
    const malformed = await api.graphql<Json>(COMPARISON, { officeIds: officeIds().map((id) => gid("Office", id)), serviceId: "x" }, { as: "planner" });
    expect(errorCode(malformed)).toBe("BAD_USER_INPUT");
  });

  it("compares two services in one request (aliases), each as when asked alone", async () => {
    const query = /* GraphQL */ `
      query($officeIds: [ID!], $from: Date, $to: Date, $a: ID, $b: ID) {
        methodComparison(officeIds: $officeIds, from: $from, to: $to) {
          ... on MethodComparison {
            a: caseFlows(serviceId: $a) { service { name } stages offices { stepCount flow { recordedOn } } }
            b: caseFlows(serviceId: $b) { service { name } stages offices { stepCount flow { recordedOn } } }
            byDefault: caseFlows { service { name } }
          }
        }
      }
    `;
    const variables = {
      officeIds: officeIds().map((id) => gid("Office", id)),
      from: iso(PERIOD.from),
      to: iso(PERIOD.to),
      a: gid("Service", data.f.services.sosialhjelp.id),
      b: gid("Service", data.f.services.oppfolging.id),
    };
    const both = dataOf(await api.graphql<Json>(query, variables, { as: "planner" })).methodComparison;
    const alone = async (serviceId: string) => (await compare(PERIOD, officeIds(), { serviceId })).caseFlows;
    for (const [key, serviceId] of [["a", variables.a], ["b", variables.b]] as const) {
      const expected = await alone(serviceId);
      expect(both[key]).toEqual({
        service: { name: expected.service.name },
        stages: expected.stages,
        offices: expected.offices.map((o: Json) => ({ stepCount: o.stepCount, flow: o.flow ? { recordedOn: o.flow.recordedOn } : null })),
      });
    }
    expect(both.a.service.name).not.toBe(both.b.service.name);
    expect(both.byDefault.service.name).toBe(data.f.services.sosialhjelp.name);
  });

  it("has no case flows when no compared office has recorded one", async () => {
    const result = await compare(PERIOD, [data.f.offices.baerum.id, data.f.offices.skedsmo.id]);
    expect(result.caseFlowServices).toEqual([]);
    expect(result.caseFlows).toBeNull();
  });
});

describe("methodComparison: insights and culture", () => {
  for (const period of [PERIOD, { from: date("2024-01-01"), to: date("2025-06-30") }]) {
    it(`counts insight themes per office within the period, with an example (${iso(period.from)}–${iso(period.to)})`, async () => {
      const result = await compare(period);
      const inPeriod = data.insights.filter((i) => i.interviewedOn >= period.from && i.interviewedOn <= period.to && officeIds().includes(i.officeId));
      const totals = new Map<string, number>();
      for (const insight of inPeriod) totals.set(insight.theme, (totals.get(insight.theme) ?? 0) + 1);
      const themes = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
      expect(result.insightThemes.themes).toEqual(themes);
      expect(result.insightThemes.cells.map(({ exampleKind: _kind, ...cell }: Json) => cell)).toEqual(
        themes.flatMap((theme) =>
          officeIds().map((officeId) => ({ officeId: gid("Office", officeId), theme, ...expectedInsightCell(data, officeId, theme, period) })),
        ),
      );
    });
  }

  it("prefers the newest quote as the example", async () => {
    const result = await compare();
    const cell = result.insightThemes.cells.find((c: Json) => c.theme === "Ventetid" && c.officeId === gid("Office", data.offices.drammen.id));
    expect(cell).toEqual({
      officeId: gid("Office", data.offices.drammen.id),
      theme: "Ventetid",
      count: 3,
      share: 0.75,
      example: "Ingen ringte meg tilbake.",
      exampleKind: "QUOTE",
    });
  });

  for (const to of [PERIOD.to, date("2026-03-01"), date("2025-01-01")]) {
    it(`gives the culture gap per dimension from the latest assessment on or before ${iso(to)}`, async () => {
      const result = await compare({ from: date("2024-01-01"), to });
      const dimensions = [...new Set(data.culture.filter((c) => c.assessedOn <= to).map((c) => c.dimension))].sort();
      expect(result.cultureGaps.dimensions).toEqual(dimensions);
      expect(result.cultureGaps.cells.map(({ assessedOn: _on, ...cell }: Json) => cell)).toEqual(
        dimensions.flatMap((dimension) =>
          officeIds().map((officeId) => ({ officeId: gid("Office", officeId), dimension, ...expectedCultureCell(data, officeId, dimension, to) })),
        ),
      );
    });
  }
});

describe("methodComparison: summary", () => {
  for (const period of [PERIOD, { from: date("2024-11-01"), to: date("2025-06-30") }]) {
    it(`names per practice the office furthest along, ties to the first to get there, with its KPIs (${iso(period.from)}–${iso(period.to)})`, async () => {
      const result = await compare(period);
      const practices = expectedPractices(data, period);
      const kpis = Object.values(data.kpis).sort((a, b) => a.sortOrder - b.sortOrder);
      expect(result.summary.map((s: Json) => s.practice.code)).toEqual(practices.map((p) => p.code));
      for (const [index, practice] of practices.entries()) {
        const got = result.summary[index];
        const leader = expectedLeader(data, practice.id, officeIds(), period);
        expect({ leadingOfficeId: got.leadingOfficeId, level: got.level, reachedOn: got.reachedOn }).toEqual(
          leader
            ? { leadingOfficeId: gid("Office", leader.officeId), level: leader.level, reachedOn: leader.reachedOn }
            : { leadingOfficeId: null, level: null, reachedOn: null },
        );
        expect(got.kpis).toEqual(
          leader
            ? kpis.map((kpi) => {
                const { latest } = expectedKpi(data, kpi.id, leader.officeId, period);
                return { kpi: { id: gid("Kpi", kpi.id) }, value: latest?.value ?? null, period: latest?.period ?? null };
              })
            : [],
        );
      }
    });
  }

  it("applies the tie rule and ignores level 0", async () => {
    const result = await compare();
    const entry = (code: string) => result.summary.find((s: Json) => s.practice.code === code);
    // Drammen and Lillestrøm both stand at 3; Lillestrøm got there in 2024 (though its latest assessment is newer).
    expect(entry("BRUKERINTERVJU")).toMatchObject({ leadingOffice: { name: "Nav Lillestrøm" }, level: 3, reachedOn: "2024-06-01" });
    // Lillestrøm fell from 4 to 2; Drammen has been at 2 since February.
    expect(entry("BRUKERSTEMME")).toMatchObject({ leadingOffice: { name: "Nav Drammen" }, level: 2, reachedOn: "2025-02-01" });
    expect(entry("VERDISTROM")).toMatchObject({ leadingOffice: { name: "Nav Drammen" }, level: 4, reachedOn: "2025-07-01" });
    expect(entry("TAVLEMOTE")).toMatchObject({ leadingOfficeId: null, leadingOffice: null, level: null, kpis: [] });
  });
});

describe("methodComparison: offices, period and access", () => {
  it("defaults to the active pilots (spearhead first) over the last 12 months", async () => {
    const result = dataOf(await api.graphql<Json>(COMPARISON, {}, { as: "viewer" })).methodComparison;
    expect(result.offices.map((o: Json) => o.name)).toEqual(["Nav Lillestrøm", "Nav Asker", "Nav Drammen"]);
    const today = todayInNorway();
    expect(result.to).toBe(iso(today));
    expect(result.from).toBe(iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1))));
    expect(result.months).toHaveLength(12);
  });

  it("keeps the order the offices were given in", async () => {
    const ids = [data.offices.asker.id, data.f.offices.baerum.id, data.offices.drammen.id];
    const result = await compare(PERIOD, ids);
    expect(result.offices.map((o: Json) => o.id)).toEqual(ids.map((id) => gid("Office", id)));
  });

  it("refuses fewer than 2 or more than 6 offices, repeats, malformed and unknown ids, and from after to", async () => {
    const run = async (variables: Record<string, unknown>) =>
      dataOf(await api.graphql<Json>(COMPARISON, variables, { as: "planner" })).methodComparison;
    const office = (id: string) => gid("Office", id);
    const extra = await Promise.all(
      ["4001", "4002", "4003"].map((code) => api.db.office.create({ data: { code, name: `Nav Ekstra ${code}`, validFrom: date("2020-01-01") } })),
    );
    const seven = [...officeIds(), data.f.offices.baerum.id, ...extra.map((o) => o.id)].map(office);

    expect(await run({ officeIds: [office(data.offices.drammen.id)] })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "officeIds", message: "Velg minst 2 kontorer." }],
    });
    expect(await run({ officeIds: seven })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "officeIds", message: "Velg høyst 6 kontorer." }],
    });
    expect(await run({ officeIds: [office(data.offices.drammen.id), office(data.offices.drammen.id)] })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "officeIds" }],
    });
    expect(await run({ officeIds: [office(data.offices.drammen.id), gid("Team", data.f.teams.mottak.id)] })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "officeIds.1" }],
    });
    expect(await run({ officeIds: [office(data.offices.drammen.id), office("finnes-ikke")] })).toMatchObject({
      __typename: "NotFoundError",
      code: "NOT_FOUND",
      entityType: "Office",
      entityId: office("finnes-ikke"),
    });
    expect(await run({ from: "2025-06-01", to: "2025-05-31" })).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "from" }] });
    const badDate = await api.graphql<Json>(COMPARISON, { from: "2025-02-30" }, { as: "planner" });
    expect(badDate.errors?.[0]?.message).toContain("Ugyldig dato");
  });

  it("is readable by every Samla role and by no one else", async () => {
    for (const role of ["planner", "officeLeader", "hr", "viewer", "admin"] as const) {
      expect((await compare(PERIOD, officeIds(), {}, role)).offices).toHaveLength(3);
    }
    const noRole = await api.graphql<Json>(COMPARISON, {}, { as: "noRole" });
    expect(errorCode(noRole)).toBe("FORBIDDEN");
    const anonymous = await api.graphql<Json>(COMPARISON, {}, { as: null });
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
  });
});
