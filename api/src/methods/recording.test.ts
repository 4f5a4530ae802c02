// What offices record: maturity assessments, KPI values, case flows, user insights, culture.
// An office leader records only for the offices they lead today; planner and admin for any.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, date, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type TestApi, type TestUser, type Json, type UserName } from "../../test/harness";

let api: TestApi;
let f: Fixtures;
let practiceId: string;
let kpiDays: string;
let kpiShare: string;

const LEVELS = ["Ikke i gang", "Prøvd", "I noen team", "I alle team", "Forbedres jevnlig"];

/** Led Nav Drammen until the end of 2024: no longer a leader today. */
const formerLeader: TestUser = { sub: "sub-former", username: "tidligere", name: "Tore Tidligere", roles: ["office-leader"] };
/** The person who leads Nav Lillestrøm, signed in without the office-leader realm role. */
const leaderWithoutRole: TestUser = { sub: "sub-leader", username: "leder", name: "Leif Leder", roles: ["viewer"] };

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
  const practice = await api.db.practice.create({
    data: {
      code: "BRUKERINTERVJU",
      theme: "USER_INSIGHT",
      versions: { create: { number: 1, name: "Brukerintervjuer", description: "D", levels: LEVELS, createdBy: "Seed" } },
    },
  });
  practiceId = gid("Practice", practice.id);
  const days = await api.db.kpi.create({
    data: { code: "TID", name: "Saksbehandlingstid", unit: "dager", direction: "LOWER_IS_BETTER", target: "14", sortOrder: 1 },
  });
  const share = await api.db.kpi.create({
    data: { code: "ANDEL", name: "Andel innen frist", unit: "%", direction: "HIGHER_IS_BETTER", target: "90", sortOrder: 2 },
  });
  kpiDays = gid("Kpi", days.id);
  kpiShare = gid("Kpi", share.id);
  const tore = await api.db.person.create({
    data: { name: "Tore Tidligere", email: "tore@nav.test", employer: "STATE", ssoSubject: formerLeader.sub },
  });
  await api.db.assignment.create({
    data: {
      personId: tore.id,
      roleId: f.roles.leder.id,
      teamId: f.teams.drammen.id,
      fte: "1.00",
      startDate: date("2020-01-01"),
      endDate: date("2024-12-31"),
    },
  });
});
afterAll(() => api?.close());

const office = (key: keyof Fixtures["offices"]) => gid("Office", f.offices[key].id);
const lillestrom = () => office("lillestrom");
const drammen = () => office("drammen");
const sosialhjelp = () => gid("Service", f.services.sosialhjelp.id);

const ERRORS = `
  __typename
  ... on Error { message code }
  ... on ValidationError { fieldErrors { path message } }
  ... on NotFoundError { entityType entityId }
`;

const RECORD_ASSESSMENT = `mutation($input: RecordMaturityAssessmentInput!) { recordMaturityAssessment(input: $input) { ${ERRORS}
  ... on RecordMaturityAssessmentPayload { maturityAssessment { id level assessedOn evidence levelText authorName
    office { name } practice { code } practiceVersion { number } } } } }`;
const RECORD_KPIS = `mutation($input: RecordKpiMeasurementsInput!) { recordKpiMeasurements(input: $input) { ${ERRORS}
  ... on RecordKpiMeasurementsPayload { measurements { id period value authorName kpi { code } office { name } } } } }`;
const RECORD_FLOW = `mutation($input: RecordProcessFlowInput!) { recordProcessFlow(input: $input) { ${ERRORS}
  ... on RecordProcessFlowPayload { processFlow { id recordedOn note authorName service { code } office { name }
    steps { id order stageKey name durationDays waitingDays handOffs responsibleRole { code } } } } } }`;
const RECORD_INSIGHT = `mutation($input: RecordUserInsightInput!) { recordUserInsight(input: $input) { ${ERRORS}
  ... on RecordUserInsightPayload { userInsight { id theme kind text interviewedOn service { code } processStep { name } office { name } } } } }`;
const RECORD_CULTURE = `mutation($input: RecordCultureAssessmentInput!) { recordCultureAssessment(input: $input) { ${ERRORS}
  ... on RecordCultureAssessmentPayload { cultureAssessments { id dimension currentScore targetScore gap assessedOn office { name } } } } }`;

type As = UserName | TestUser | null;

async function record(document: string, input: Record<string, unknown>, as: As = "planner"): Promise<Json> {
  const data = dataOf(await api.graphql<Json>(document, { input }, { as }));
  return Object.values(data as Record<string, Json>)[0];
}

async function recordCounts() {
  const db = api.db;
  return {
    assessments: await db.maturityAssessment.count(),
    measurements: await db.kpiMeasurement.count(),
    values: (await db.kpiMeasurement.findMany({ orderBy: { id: "asc" } })).map((m) => m.value.toString()).join(","),
    flows: await db.processFlow.count(),
    steps: await db.processStep.count(),
    insights: await db.userInsight.count(),
    culture: await db.cultureAssessment.count(),
    auditEvents: await db.auditEvent.count(),
  };
}

describe("who may record", () => {
  const cases: { name: string; document: string; input: (officeId: string, n: number) => Record<string, unknown> }[] = [
    {
      name: "recordMaturityAssessment",
      document: RECORD_ASSESSMENT,
      input: (officeId, n) => ({ officeId, practiceId, level: n % 5, assessedOn: "2024-03-31", evidence: `Bevis ${n}` }),
    },
    {
      name: "recordKpiMeasurements",
      document: RECORD_KPIS,
      input: (officeId, n) => ({ officeId, period: `2023-0${n}-01`, values: [{ kpiId: kpiDays, value: 10 + n }] }),
    },
    {
      name: "recordProcessFlow",
      document: RECORD_FLOW,
      input: (officeId, n) => ({
        officeId,
        serviceId: gid("Service", f.services.dagpenger.id),
        recordedOn: "2023-06-01",
        steps: [{ stageKey: "MOTTAK", name: `Mottak ${n}`, durationDays: 1, waitingDays: 0.5, handOffs: 1 }],
      }),
    },
    {
      name: "recordUserInsight",
      document: RECORD_INSIGHT,
      input: (officeId, n) => ({ officeId, theme: "Tilgang", kind: "QUOTE", text: `Sitat ${n}`, interviewedOn: "2023-05-05" }),
    },
    {
      name: "recordCultureAssessment",
      document: RECORD_CULTURE,
      input: (officeId, n) => ({
        officeId,
        assessedOn: "2023-04-04",
        dimensions: [{ dimension: "Tilgangsdimensjon", currentScore: n, targetScore: 5 }],
      }),
    },
  ];

  for (const { name, document, input } of cases) {
    it(`${name}: the leader records only for the office they lead; planner and admin for any; all others refused`, async () => {
      const before = await recordCounts();
      const refusals: [As, string][] = [
        ["officeLeader", drammen()],
        [formerLeader, drammen()],
        [leaderWithoutRole, lillestrom()],
        ["viewer", lillestrom()],
        ["hr", lillestrom()],
        ["noRole", lillestrom()],
      ];
      for (const [as, officeId] of refusals) {
        const response = await api.graphql(
          `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename } }`,
          {
            input: input(officeId, 1),
          },
          { as },
        );
        const who = typeof as === "string" ? as : as?.username;
        expect(response.data, who).toBeNull();
        expect(errorCode(response), who).toBe("FORBIDDEN");
        if (as !== "noRole") {
          expect(response.errors?.[0]?.extensions?.requiredRoles, who).toEqual(["planner", "admin", "office-leader"]);
        }
      }
      const anonymous = await api.graphql(
        `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename } }`,
        {
          input: input(lillestrom(), 1),
        },
        { as: null },
      );
      expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
      expect(await recordCounts()).toEqual(before);

      const allowed: [As, string][] = [
        ["officeLeader", lillestrom()],
        ["planner", drammen()],
        ["admin", office("baerum")],
      ];
      for (const [index, [as, officeId]] of allowed.entries()) {
        const result = await record(document, input(officeId, index + 2), as);
        expect(result.__typename, String(as)).toBe(`${name[0]!.toUpperCase()}${name.slice(1)}Payload`);
      }
      expect((await recordCounts()).auditEvents).toBe(before.auditEvents + 3);
    });
  }

  it("Office.viewerCanRecordMethods says the same", async () => {
    const can = async (as: As, officeId: string) =>
      dataOf(
        await api.graphql<Json>(
          `query($id: ID!) { node(id: $id) { ... on Office { viewerCanRecordMethods } } }`,
          { id: officeId },
          { as },
        ),
      ).node.viewerCanRecordMethods;
    expect(await can("officeLeader", lillestrom())).toBe(true);
    expect(await can("officeLeader", drammen())).toBe(false);
    expect(await can(formerLeader, drammen())).toBe(false);
    expect(await can(leaderWithoutRole, lillestrom())).toBe(false);
    expect(await can("planner", drammen())).toBe(true);
    expect(await can("admin", drammen())).toBe(true);
    expect(await can("viewer", lillestrom())).toBe(false);
    expect(await can("hr", lillestrom())).toBe(false);
  });
});

describe("recordMaturityAssessment", () => {
  it("records an assessment against the current version, audits it, and keeps the history", async () => {
    const first = await record(
      RECORD_ASSESSMENT,
      {
        officeId: lillestrom(),
        practiceId,
        level: 1,
        assessedOn: "2025-03-31",
        evidence: "  Intervjuet fem brukere.  ",
      },
      "officeLeader",
    );
    expect(first.maturityAssessment).toMatchObject({
      level: 1,
      assessedOn: "2025-03-31",
      evidence: "Intervjuet fem brukere.",
      levelText: "Prøvd",
      authorName: "Leif Leder",
      office: { name: "Nav Lillestrøm" },
      practice: { code: "BRUKERINTERVJU" },
      practiceVersion: { number: 1 },
    });
    const audit = await api.db.auditEvent.findFirstOrThrow({
      where: {
        action: "recordMaturityAssessment",
        entityId: (await api.db.maturityAssessment.findFirstOrThrow({ where: { assessedOn: date("2025-03-31") } })).id,
      },
    });
    expect(audit).toMatchObject({
      entityType: "MaturityAssessment",
      actorName: "Leif Leder",
      actorSubject: "sub-leader",
      before: null,
    });
    expect(audit.after).toEqual({
      officeId: f.offices.lillestrom.id,
      practiceCode: "BRUKERINTERVJU",
      practiceVersion: 1,
      level: 1,
      assessedOn: "2025-03-31",
      evidence: "Intervjuet fem brukere.",
    });

    const second = await record(RECORD_ASSESSMENT, {
      officeId: lillestrom(),
      practiceId,
      level: 3,
      assessedOn: "2025-06-30",
      evidence: "Alle team.",
    });
    const history = dataOf(
      await api.graphql<Json>(
        `query($id: ID!, $practiceId: ID!) { node(id: $id) { ... on Office {
          maturityAssessments(practiceId: $practiceId, first: 2) { totalCount edges { node { id level assessedOn } } }
          latestMaturityAssessments { id level practice { code } } } } }`,
        { id: lillestrom(), practiceId },
        { as: "viewer" },
      ),
    ).node;
    // The "who may record" test made one on 2024-03-31 too.
    expect(history.maturityAssessments.totalCount).toBe(3);
    expect(history.maturityAssessments.edges.map((e: Json) => e.node)).toEqual([
      { id: second.maturityAssessment.id, level: 3, assessedOn: "2025-06-30" },
      { id: first.maturityAssessment.id, level: 1, assessedOn: "2025-03-31" },
    ]);
    expect(history.latestMaturityAssessments).toEqual([
      { id: second.maturityAssessment.id, level: 3, practice: { code: "BRUKERINTERVJU" } },
    ]);
  });

  it("refuses a level outside 0-4, a future date, a date before the office existed, and empty evidence", async () => {
    const before = await recordCounts();
    const base = { officeId: lillestrom(), practiceId, level: 2, assessedOn: "2025-01-01", evidence: "E" };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ level: 5 }, "level", /fra 0 til 4/],
      [{ level: -1 }, "level", /fra 0 til 4/],
      [{ assessedOn: "2099-01-01" }, "assessedOn", /kan ikke være etter i dag/],
      [{ assessedOn: "2019-12-31" }, "assessedOn", /Nav Lillestrøm fantes ikke på den tiden/],
      [{ evidence: "   " }, "evidence", /Må fylles ut/],
      [{ officeId: "ikke-en-id" }, "officeId", /Ugyldig id for kontor/],
      [{ practiceId: gid("Kpi", "x") }, "practiceId", /Ugyldig id for praksis/],
    ];
    for (const [change, path, message] of cases) {
      const result = await record(RECORD_ASSESSMENT, { ...base, ...change });
      expect(result, path).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path }] });
      expect(result.fieldErrors[0].message, path).toMatch(message);
    }
    const noPractice = await record(RECORD_ASSESSMENT, { ...base, practiceId: gid("Practice", "x") });
    expect(noPractice).toMatchObject({ __typename: "NotFoundError", entityType: "Practice", entityId: gid("Practice", "x") });
    const noOffice = await record(RECORD_ASSESSMENT, { ...base, officeId: gid("Office", "x") });
    expect(noOffice).toMatchObject({ __typename: "NotFoundError", entityType: "Office" });
    expect(await recordCounts()).toEqual(before);
  });
});

describe("recordKpiMeasurements", () => {
  const kpiValues = async (from: string, to: string) =>
    dataOf(
      await api.graphql<Json>(
        `query($id: ID!, $from: Date, $to: Date) { node(id: $id) { ... on Office {
          kpiMeasurements(from: $from, to: $to) { totalCount edges { node { period value authorName kpi { code } } } } } } }`,
        { id: drammen(), from, to },
        { as: "hr" },
      ),
    ).node.kpiMeasurements;

  it("upserts one value per office, KPI and month, in one transaction, and audits before and after", async () => {
    const first = await record(RECORD_KPIS, {
      officeId: drammen(),
      period: "2025-01-01",
      values: [
        { kpiId: kpiShare, value: 80.5 },
        { kpiId: kpiDays, value: 20 },
      ],
    });
    expect(first.measurements).toMatchObject([
      {
        period: "2025-01-01",
        value: 80.5,
        kpi: { code: "ANDEL" },
        office: { name: "Nav Drammen" },
        authorName: "Pia Planlegger",
      },
      { period: "2025-01-01", value: 20, kpi: { code: "TID" } },
    ]);
    const count = await api.db.kpiMeasurement.count();

    const again = await record(
      RECORD_KPIS,
      { officeId: drammen(), period: "2025-01-01", values: [{ kpiId: kpiDays, value: 18.25 }] },
      "admin",
    );
    expect(again.measurements).toMatchObject([{ value: 18.25, authorName: "Ada Admin", kpi: { code: "TID" } }]);
    expect(again.measurements[0].id).toBe(first.measurements[1].id);
    expect(await api.db.kpiMeasurement.count()).toBe(count);

    await record(RECORD_KPIS, { officeId: drammen(), period: "2025-02-01", values: [{ kpiId: kpiDays, value: 17 }] });
    expect(await api.db.kpiMeasurement.count()).toBe(count + 1);

    const january = await kpiValues("2025-01-01", "2025-01-31");
    expect(january.totalCount).toBe(2);
    expect(january.edges.map((e: Json) => e.node)).toEqual([
      { period: "2025-01-01", value: 18.25, authorName: "Ada Admin", kpi: { code: "TID" } },
      { period: "2025-01-01", value: 80.5, authorName: "Pia Planlegger", kpi: { code: "ANDEL" } },
    ]);
    expect((await kpiValues("2025-01-01", "2025-12-31")).edges.map((e: Json) => [e.node.period, e.node.kpi.code])).toEqual([
      ["2025-02-01", "TID"],
      ["2025-01-01", "TID"],
      ["2025-01-01", "ANDEL"],
    ]);

    const stored = await api.db.kpiMeasurement.findFirstOrThrow({
      where: { officeId: f.offices.drammen.id, period: date("2025-01-01"), kpi: { code: "TID" } },
    });
    const events = await api.db.auditEvent.findMany({
      where: { action: "recordKpiMeasurements", entityId: stored.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [null, { officeId: f.offices.drammen.id, kpiCode: "TID", period: "2025-01-01", value: "20" }],
      [
        { officeId: f.offices.drammen.id, kpiCode: "TID", period: "2025-01-01", value: "20" },
        { officeId: f.offices.drammen.id, kpiCode: "TID", period: "2025-01-01", value: "18.25" },
      ],
    ]);
  });

  it("refuses a period that is not the first of a month or lies ahead, repeated KPIs, bad values, and unknown KPIs, writing nothing", async () => {
    const before = await recordCounts();
    const base = { officeId: drammen(), period: "2025-03-01", values: [{ kpiId: kpiDays, value: 5 }] };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ period: "2025-03-15" }, "period", /første dagen i en måned/],
      [{ period: "2099-01-01" }, "period", /fram i tid/],
      [{ values: [] }, "values", /minst én verdi/],
      [
        {
          values: [
            { kpiId: kpiDays, value: 1 },
            { kpiId: kpiDays, value: 2 },
          ],
        },
        "values.1.kpiId",
        /mer enn én gang/,
      ],
      [{ values: [{ kpiId: kpiDays, value: 1.2345 }] }, "values.0.value", /høyst 3 desimaler/],
      [
        {
          values: [
            { kpiId: kpiDays, value: 1 },
            { kpiId: kpiShare, value: 100.5 },
          ],
        },
        "values.1.value",
        /fra 0 til 100/,
      ],
      [{ values: [{ kpiId: kpiShare, value: -1 }] }, "values.0.value", /fra 0 til 100/],
      [{ values: [{ kpiId: gid("Practice", "x"), value: 1 }] }, "values.0.kpiId", /Ugyldig id for KPI/],
    ];
    for (const [change, path, message] of cases) {
      const result = await record(RECORD_KPIS, { ...base, ...change });
      expect(result, path).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path }] });
      expect(result.fieldErrors[0].message, path).toMatch(message);
    }
    const unknown = await record(RECORD_KPIS, {
      ...base,
      values: [
        { kpiId: kpiDays, value: 1 },
        { kpiId: gid("Kpi", "x"), value: 1 },
      ],
    });
    expect(unknown).toMatchObject({ __typename: "NotFoundError", entityType: "Kpi", entityId: gid("Kpi", "x") });
    expect(await recordCounts()).toEqual(before);
  });
});

describe("recordProcessFlow", () => {
  const steps = [
    { stageKey: "mottak", name: "Søknad mottas", responsibleRoleId: null, durationDays: 0.5, waitingDays: 1, handOffs: 1 },
    { stageKey: "KARTLEGGING", name: "Samtale", durationDays: 2, waitingDays: 5.25, handOffs: 1 },
    { stageKey: "KARTLEGGING", name: "Innhente dokumentasjon", durationDays: 1, waitingDays: 3, handOffs: 0 },
    { stageKey: "VEDTAK", name: "Vedtak", responsibleRoleId: "SAKSB", durationDays: 1, waitingDays: 2, handOffs: 2 },
  ];
  const withRoles = () =>
    steps.map((step) => ({ ...step, responsibleRoleId: step.responsibleRoleId ? gid("Role", f.roles.saksbehandler.id) : null }));

  it("records the steps in order, audits the whole flow, and the latest flow on or before a date is the office's", async () => {
    const old = await record(RECORD_FLOW, {
      officeId: lillestrom(),
      serviceId: sosialhjelp(),
      recordedOn: "2024-01-15",
      steps: withRoles().slice(0, 2),
    });
    const result = await record(
      RECORD_FLOW,
      { officeId: lillestrom(), serviceId: sosialhjelp(), recordedOn: "2025-01-15", note: "Etter verksted", steps: withRoles() },
      "officeLeader",
    );
    expect(result.processFlow).toMatchObject({
      recordedOn: "2025-01-15",
      note: "Etter verksted",
      authorName: "Leif Leder",
      service: { code: "OKSOS" },
      office: { name: "Nav Lillestrøm" },
    });
    expect(
      result.processFlow.steps.map((s: Json) => [
        s.order,
        s.stageKey,
        s.name,
        s.durationDays,
        s.waitingDays,
        s.handOffs,
        s.responsibleRole?.code ?? null,
      ]),
    ).toEqual([
      [1, "MOTTAK", "Søknad mottas", 0.5, 1, 1, null],
      [2, "KARTLEGGING", "Samtale", 2, 5.25, 1, null],
      [3, "KARTLEGGING", "Innhente dokumentasjon", 1, 3, 0, null],
      [4, "VEDTAK", "Vedtak", 1, 2, 2, "SAKSB"],
    ]);
    const audit = await api.db.auditEvent.findFirstOrThrow({
      where: { action: "recordProcessFlow", actorSubject: "sub-leader", after: { path: ["recordedOn"], equals: "2025-01-15" } },
    });
    expect(audit.after).toMatchObject({
      serviceCode: "OKSOS",
      note: "Etter verksted",
      steps: [
        { order: 1, stageKey: "MOTTAK", durationDays: "0.50", waitingDays: "1.00", responsibleRole: null },
        {},
        {},
        { order: 4, stageKey: "VEDTAK", responsibleRole: "SAKSB", handOffs: 2 },
      ],
    });

    const flowOn = async (on: string | null) =>
      dataOf(
        await api.graphql<Json>(
          `query($id: ID!, $serviceId: ID!, $on: Date) { node(id: $id) { ... on Office {
            processFlow(serviceId: $serviceId, on: $on) { id recordedOn }
            processFlows(serviceId: $serviceId) { totalCount } } } }`,
          { id: lillestrom(), serviceId: sosialhjelp(), on },
          { as: "viewer" },
        ),
      ).node;
    expect((await flowOn("2024-12-31")).processFlow).toEqual({ id: old.processFlow.id, recordedOn: "2024-01-15" });
    expect((await flowOn(null)).processFlow).toEqual({ id: result.processFlow.id, recordedOn: "2025-01-15" });
    expect((await flowOn("2023-12-31")).processFlow).toBeNull();
    expect((await flowOn(null)).processFlows.totalCount).toBe(2);
  });

  it("refuses steps out of stage order, unknown stages, bad times, no steps, and unknown ids, writing nothing", async () => {
    const before = await recordCounts();
    const base = { officeId: lillestrom(), serviceId: sosialhjelp(), recordedOn: "2025-02-01", steps: withRoles() };
    const step = (change: Record<string, unknown>) => [{ ...withRoles()[0], ...change }];
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ steps: [withRoles()[3], withRoles()[0]] }, "steps.1.stageKey", /må følge trinnene i rekkefølge/],
      [{ steps: step({ stageKey: "KAFFE" }) }, "steps.0.stageKey", /Ukjent trinn/],
      [{ steps: step({ durationDays: -1 }) }, "steps.0.durationDays", /minst 0/],
      [{ steps: step({ waitingDays: 1.125 }) }, "steps.0.waitingDays", /høyst 2 desimaler/],
      [{ steps: step({ handOffs: -1 }) }, "steps.0.handOffs", /negativt/],
      [{ steps: step({ name: "" }) }, "steps.0.name", /Må fylles ut/],
      [{ steps: [] }, "steps", /minst ett steg/],
      [{ recordedOn: "2099-01-01" }, "recordedOn", /etter i dag/],
    ];
    for (const [change, path, message] of cases) {
      const result = await record(RECORD_FLOW, { ...base, ...change });
      expect(result, path).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path }] });
      expect(result.fieldErrors[0].message, path).toMatch(message);
    }
    const role = await record(RECORD_FLOW, { ...base, steps: step({ responsibleRoleId: gid("Role", "x") }) });
    expect(role).toMatchObject({ __typename: "NotFoundError", entityType: "Role" });
    const service = await record(RECORD_FLOW, { ...base, serviceId: gid("Service", "x") });
    expect(service).toMatchObject({ __typename: "NotFoundError", entityType: "Service" });
    expect(await recordCounts()).toEqual(before);
  });
});

describe("recordUserInsight", () => {
  async function stepOf(officeKey: "lillestrom" | "drammen", serviceId: string) {
    const flow = await record(RECORD_FLOW, {
      officeId: office(officeKey),
      serviceId,
      recordedOn: "2025-03-01",
      steps: [{ stageKey: "MOTTAK", name: `Mottak i ${officeKey}`, durationDays: 1, waitingDays: 1, handOffs: 1 }],
    });
    return flow.processFlow.steps[0].id as string;
  }

  it("ties an insight to a step (and so its service), keeps the theme's spelling in use, and filters by theme", async () => {
    const step = await stepOf("lillestrom", sosialhjelp());
    const quote = await record(
      RECORD_INSIGHT,
      {
        officeId: lillestrom(),
        processStepId: step,
        theme: "Ventetid",
        kind: "QUOTE",
        text: "Jeg ventet i tre uker.",
        interviewedOn: "2025-03-10",
      },
      "officeLeader",
    );
    expect(quote.userInsight).toMatchObject({
      theme: "Ventetid",
      kind: "QUOTE",
      text: "Jeg ventet i tre uker.",
      interviewedOn: "2025-03-10",
      service: { code: "OKSOS" },
      processStep: { name: "Mottak i lillestrom" },
      office: { name: "Nav Lillestrøm" },
    });
    const summary = await record(RECORD_INSIGHT, {
      officeId: lillestrom(),
      serviceId: sosialhjelp(),
      theme: "  VENTETID ",
      kind: "SUMMARY",
      text: "Flere beskriver lang ventetid.",
      interviewedOn: "2025-03-11",
    });
    expect(summary.userInsight).toMatchObject({ theme: "Ventetid", processStep: null, service: { code: "OKSOS" } });

    const listed = dataOf(
      await api.graphql<Json>(
        `query($id: ID!) { node(id: $id) { ... on Office { userInsights(theme: "ventetid") { totalCount edges { node { text } } } } }
          userInsightThemes }`,
        { id: lillestrom() },
        { as: "viewer" },
      ),
    );
    expect(listed.node.userInsights).toEqual({
      totalCount: 2,
      edges: [{ node: { text: "Flere beskriver lang ventetid." } }, { node: { text: "Jeg ventet i tre uker." } }],
    });
    expect(listed.userInsightThemes).toEqual(["Tilgang", "Ventetid"]);
    const audit = await api.db.auditEvent.findFirstOrThrow({
      where: { action: "recordUserInsight", actorSubject: "sub-leader", after: { path: ["theme"], equals: "Ventetid" } },
    });
    expect(audit.after).toMatchObject({
      officeId: f.offices.lillestrom.id,
      serviceId: f.services.sosialhjelp.id,
      kind: "QUOTE",
      interviewedOn: "2025-03-10",
    });
  });

  it("refuses a step of another office or service, unknown ids and empty text, writing nothing", async () => {
    const drammenStep = await stepOf("drammen", sosialhjelp());
    const lillestromStep = await stepOf("lillestrom", sosialhjelp());
    const before = await recordCounts();
    const base = { officeId: lillestrom(), theme: "Ventetid", kind: "QUOTE", text: "T", interviewedOn: "2025-03-10" };
    const otherOffice = await record(RECORD_INSIGHT, { ...base, processStepId: drammenStep });
    expect(otherOffice).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "processStepId", message: "Steget hører til saksflyten til et annet kontor." }],
    });
    const otherService = await record(RECORD_INSIGHT, {
      ...base,
      processStepId: lillestromStep,
      serviceId: gid("Service", f.services.dagpenger.id),
    });
    expect(otherService).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "processStepId" }] });
    const noStep = await record(RECORD_INSIGHT, { ...base, processStepId: gid("ProcessStep", "x") });
    expect(noStep).toMatchObject({ __typename: "NotFoundError", entityType: "ProcessStep" });
    const noService = await record(RECORD_INSIGHT, { ...base, serviceId: gid("Service", "x") });
    expect(noService).toMatchObject({ __typename: "NotFoundError", entityType: "Service" });
    const empty = await record(RECORD_INSIGHT, { ...base, text: " " });
    expect(empty).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "text" }] });
    const future = await record(RECORD_INSIGHT, { ...base, interviewedOn: "2099-01-01" });
    expect(future).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "interviewedOn" }] });
    expect(await recordCounts()).toEqual(before);
  });
});

describe("recordCultureAssessment", () => {
  it("records current and target per dimension on one date, with the gap, audited per dimension", async () => {
    const result = await record(
      RECORD_CULTURE,
      {
        officeId: lillestrom(),
        assessedOn: "2025-04-01",
        dimensions: [
          { dimension: "Brukerorientering", currentScore: 2.5, targetScore: 4.5 },
          { dimension: "Psykologisk trygghet", currentScore: 3, targetScore: 4 },
        ],
      },
      "officeLeader",
    );
    expect(result.cultureAssessments).toMatchObject([
      {
        dimension: "Brukerorientering",
        currentScore: 2.5,
        targetScore: 4.5,
        gap: 2,
        assessedOn: "2025-04-01",
        office: { name: "Nav Lillestrøm" },
      },
      { dimension: "Psykologisk trygghet", currentScore: 3, targetScore: 4, gap: 1 },
    ]);
    const events = await api.db.auditEvent.findMany({
      where: {
        action: "recordCultureAssessment",
        actorSubject: "sub-leader",
        after: { path: ["assessedOn"], equals: "2025-04-01" },
      },
    });
    expect(events.map((e) => e.after)).toEqual(
      expect.arrayContaining([
        {
          officeId: f.offices.lillestrom.id,
          dimension: "Brukerorientering",
          currentScore: "2.5",
          targetScore: "4.5",
          assessedOn: "2025-04-01",
        },
        {
          officeId: f.offices.lillestrom.id,
          dimension: "Psykologisk trygghet",
          currentScore: "3",
          targetScore: "4",
          assessedOn: "2025-04-01",
        },
      ]),
    );
    expect(events).toHaveLength(2);

    const later = await record(RECORD_CULTURE, {
      officeId: lillestrom(),
      assessedOn: "2025-10-01",
      dimensions: [{ dimension: "brukerorientering", currentScore: 3.5, targetScore: 4.5 }],
    });
    expect(later.cultureAssessments[0].dimension).toBe("Brukerorientering");
    const listed = dataOf(
      await api.graphql<Json>(
        `query($id: ID!) { node(id: $id) { ... on Office { cultureAssessments(dimension: "Brukerorientering") { totalCount edges { node { assessedOn currentScore } } } } }
          cultureDimensions }`,
        { id: lillestrom() },
      ),
    );
    expect(listed.node.cultureAssessments).toEqual({
      totalCount: 2,
      edges: [
        { node: { assessedOn: "2025-10-01", currentScore: 3.5 } },
        { node: { assessedOn: "2025-04-01", currentScore: 2.5 } },
      ],
    });
    expect(listed.cultureDimensions).toEqual(["Brukerorientering", "Psykologisk trygghet", "Tilgangsdimensjon"]);
  });

  it("refuses scores outside 1-5 or with two decimals, repeated dimensions and an empty list, writing nothing", async () => {
    const before = await recordCounts();
    const base = { officeId: lillestrom(), assessedOn: "2025-04-01" };
    const cases: [unknown[], string, RegExp][] = [
      [[{ dimension: "A", currentScore: 0, targetScore: 3 }], "dimensions.0.currentScore", /minst 1/],
      [[{ dimension: "A", currentScore: 3, targetScore: 5.5 }], "dimensions.0.targetScore", /mer enn 5/],
      [[{ dimension: "A", currentScore: 2.25, targetScore: 3 }], "dimensions.0.currentScore", /høyst 1 desimal\b/],
      [
        [
          { dimension: "Tillit", currentScore: 2, targetScore: 3 },
          { dimension: "tillit", currentScore: 2, targetScore: 3 },
        ],
        "dimensions.1.dimension",
        /mer enn én gang/,
      ],
      [[], "dimensions", /minst én dimensjon/],
    ];
    for (const [dimensions, path, message] of cases) {
      const result = await record(RECORD_CULTURE, { ...base, dimensions });
      expect(result, path).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path }] });
      expect(result.fieldErrors[0].message, path).toMatch(message);
    }
    expect(await recordCounts()).toEqual(before);
  });
});
