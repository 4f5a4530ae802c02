// The methodology catalogue: practices with versions (a change never rewrites past
// assessments), KPIs, optimistic locking and audit. Who may call what: test/auth.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type TestApi, type Json } from "../../test/harness";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(() => api?.close());

const CREATE_RESULT_FIELDS = `
  __typename
  ... on Error { message code }
  ... on ValidationError { fieldErrors { path message } }
`;
const RESULT_FIELDS = `
  ${CREATE_RESULT_FIELDS}
  ... on ConflictError { currentVersion changedFields }
  ... on NotFoundError { entityType }
`;
const PRACTICE_FIELDS = `id code theme sortOrder currentVersion name description levels retiredAt version
  versions { number name levels createdBy }`;

const CREATE_PRACTICE = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) {
  ${CREATE_RESULT_FIELDS} ... on CreatePracticePayload { practice { ${PRACTICE_FIELDS} } } } }`;
const UPDATE_PRACTICE = `mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) {
  ${RESULT_FIELDS} ... on UpdatePracticePayload { practice { ${PRACTICE_FIELDS} } } } }`;
const RETIRE_PRACTICE = `mutation($input: RetirePracticeInput!) { retirePractice(input: $input) {
  ${RESULT_FIELDS} ... on RetirePracticePayload { practice { code retiredAt version } } } }`;
const RECORD_ASSESSMENT = `mutation($input: RecordMaturityAssessmentInput!) { recordMaturityAssessment(input: $input) {
  ${CREATE_RESULT_FIELDS} ... on NotFoundError { entityType } ... on RecordMaturityAssessmentPayload { maturityAssessment { id level levelText practiceVersion { number name levels } } } } }`;
const CREATE_KPI = `mutation($input: CreateKpiInput!) { createKpi(input: $input) {
  ${CREATE_RESULT_FIELDS} ... on CreateKpiPayload { kpi { id code name unit direction target description sortOrder version } } } }`;
const UPDATE_KPI = `mutation($input: UpdateKpiInput!) { updateKpi(input: $input) {
  ${RESULT_FIELDS} ... on UpdateKpiPayload { kpi { code name unit direction target description sortOrder version } } } }`;

const LEVELS = ["Ikke startet", "Prøvd en gang", "Brukes i noen team", "Brukes i alle team", "Forbedres jevnlig"];

async function createPractice(input: Record<string, unknown>) {
  return dataOf(await api.graphql<Json>(CREATE_PRACTICE, { input })).createPractice;
}

describe("practices", () => {
  it("createPractice adds version 1 (code in upper case) and audits it", async () => {
    const result = await createPractice({
      code: "brukerintervju",
      theme: "USER_INSIGHT",
      sortOrder: 2,
      name: "Brukerintervjuer i nåsituasjonskartlegging",
      description: "Vi intervjuer brukere før vi endrer tjenesten.",
      levels: LEVELS,
    });
    expect(result.practice).toMatchObject({
      code: "BRUKERINTERVJU",
      theme: "USER_INSIGHT",
      sortOrder: 2,
      currentVersion: 1,
      name: "Brukerintervjuer i nåsituasjonskartlegging",
      levels: LEVELS,
      retiredAt: null,
      version: 1,
      versions: [{ number: 1, name: "Brukerintervjuer i nåsituasjonskartlegging", levels: LEVELS, createdBy: "Ada Admin" }],
    });
    const audit = await api.db.auditEvent.findFirstOrThrow({ where: { action: "createPractice" } });
    expect(audit).toMatchObject({ entityType: "Practice", actorName: "Ada Admin", before: null });
    expect(audit.after).toMatchObject({ code: "BRUKERINTERVJU", currentVersion: 1, levels: LEVELS, version: 1 });
  });

  it("createPractice refuses anything but five level texts, an empty text, and a taken code", async () => {
    const four = await createPractice({
      code: "FIRE",
      theme: "CULTURE",
      name: "A",
      description: "B",
      levels: LEVELS.slice(0, 4),
    });
    expect(four).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "levels", message: "Beskriv nøyaktig fem nivåer: 0, 1, 2, 3 og 4." }],
    });
    const six = await createPractice({ code: "SEKS", theme: "CULTURE", name: "A", description: "B", levels: [...LEVELS, "Mer"] });
    expect(six).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "levels" }] });
    const blank = await createPractice({
      code: "TOM",
      theme: "CULTURE",
      name: "A",
      description: "B",
      levels: ["a", "b", "  ", "d", "e"],
    });
    expect(blank).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "levels.2", message: "Må fylles ut." }] });
    const taken = await createPractice({ code: "Brukerintervju", theme: "CULTURE", name: "A", description: "B", levels: LEVELS });
    expect(taken).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "code", message: "Praksiskoden BRUKERINTERVJU er allerede i bruk." }],
    });
    expect(await api.db.practice.count({ where: { code: { in: ["FIRE", "SEKS", "TOM"] } } })).toBe(0);
  });

  it("updatePractice makes version 2; old assessments keep version 1's name and levels; new ones use version 2", async () => {
    const created = (
      await createPractice({
        code: "TAVLEMOTE",
        theme: "LEADERSHIP",
        name: "Tavlemøter",
        description: "Korte møter.",
        levels: LEVELS,
      })
    ).practice;
    const office = gid("Office", f.offices.lillestrom.id);
    const old = dataOf(
      await api.graphql<Json>(
        RECORD_ASSESSMENT,
        { input: { officeId: office, practiceId: created.id, level: 2, assessedOn: "2025-03-31", evidence: "Tavle i to team." } },
        { as: "planner" },
      ),
    ).recordMaturityAssessment.maturityAssessment;
    expect(old).toMatchObject({ level: 2, levelText: "Brukes i noen team", practiceVersion: { number: 1, name: "Tavlemøter" } });

    const newLevels = [
      "Ingen tavle",
      "Ukentlig tavle",
      "Daglig tavle i noen team",
      "Daglig tavle i alle team",
      "Tavla styrer forbedring",
    ];
    const updated = dataOf(
      await api.graphql<Json>(UPDATE_PRACTICE, {
        input: { id: created.id, version: 1, name: "Daglige tavlemøter", levels: newLevels },
      }),
    ).updatePractice.practice;
    expect(updated).toMatchObject({
      currentVersion: 2,
      version: 2,
      name: "Daglige tavlemøter",
      description: "Korte møter.",
      levels: newLevels,
      versions: [
        { number: 2, name: "Daglige tavlemøter", levels: newLevels },
        { number: 1, name: "Tavlemøter", levels: LEVELS },
      ],
    });

    const history = dataOf(
      await api.graphql<Json>(
        `query($id: ID!, $practiceId: ID!) { node(id: $id) { ... on Office {
          maturityAssessments(practiceId: $practiceId) { edges { node { id level levelText practiceVersion { number name levels } } } } } } }`,
        { id: office, practiceId: created.id },
      ),
    ).node.maturityAssessments.edges;
    expect(history).toEqual([
      {
        node: {
          id: old.id,
          level: 2,
          levelText: "Brukes i noen team",
          practiceVersion: { number: 1, name: "Tavlemøter", levels: LEVELS },
        },
      },
    ]);

    const fresh = dataOf(
      await api.graphql<Json>(RECORD_ASSESSMENT, {
        input: { officeId: office, practiceId: created.id, level: 2, assessedOn: "2025-06-30", evidence: "Daglig i tre team." },
      }),
    ).recordMaturityAssessment.maturityAssessment;
    expect(fresh).toMatchObject({
      levelText: "Daglig tavle i noen team",
      practiceVersion: { number: 2, name: "Daglige tavlemøter" },
    });

    const practiceId = (await api.db.practice.findUniqueOrThrow({ where: { code: "TAVLEMOTE" } })).id;
    const audit = await api.db.auditEvent.findFirstOrThrow({ where: { action: "updatePractice", entityId: practiceId } });
    expect(audit.before).toMatchObject({ name: "Tavlemøter", currentVersion: 1, levels: LEVELS, version: 1 });
    expect(audit.after).toMatchObject({ name: "Daglige tavlemøter", currentVersion: 2, levels: newLevels, version: 2 });
  });

  it("updatePractice without new texts keeps the version in force; a stale version is a conflict", async () => {
    const created = (
      await createPractice({
        code: "TEAMS",
        theme: "EMPLOYEE_EMPOWERMENT",
        name: "Myndiggjorte team",
        description: "D",
        levels: LEVELS,
      })
    ).practice;
    const moved = dataOf(
      await api.graphql<Json>(UPDATE_PRACTICE, {
        input: { id: created.id, version: 1, sortOrder: 5, theme: "LEADERSHIP", name: "Myndiggjorte team", levels: LEVELS },
      }),
    ).updatePractice.practice;
    expect(moved).toMatchObject({ sortOrder: 5, theme: "LEADERSHIP", currentVersion: 1, version: 2, versions: [{ number: 1 }] });

    const stale = dataOf(
      await api.graphql<Json>(UPDATE_PRACTICE, { input: { id: created.id, version: 1, description: "Ny" } }),
    ).updatePractice;
    expect(stale).toMatchObject({
      __typename: "ConflictError",
      code: "CONFLICT",
      currentVersion: 2,
      changedFields: ["sortOrder", "theme"],
    });
    const stored = await api.db.practice.findUniqueOrThrow({ where: { code: "TEAMS" }, include: { versions: true } });
    expect(stored).toMatchObject({ currentVersion: 1, version: 2, versions: [{ number: 1, description: "D" }] });

    const missing = dataOf(
      await api.graphql<Json>(UPDATE_PRACTICE, { input: { id: gid("Practice", "x"), version: 1, name: "X" } }),
    ).updatePractice;
    expect(missing).toMatchObject({ __typename: "NotFoundError", entityType: "Practice" });
    const wrongType = dataOf(
      await api.graphql<Json>(UPDATE_PRACTICE, { input: { id: gid("Kpi", "x"), version: 1, name: "X" } }),
    ).updatePractice;
    expect(wrongType).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "id" }] });
    const badLevels = dataOf(
      await api.graphql<Json>(UPDATE_PRACTICE, { input: { id: created.id, version: 2, levels: ["a"] } }),
    ).updatePractice;
    expect(badLevels).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "levels" }] });
  });

  it("retirePractice hides it from the default list, refuses new assessments, keeps history, and can be undone", async () => {
    const created = (
      await createPractice({ code: "GAMMEL", theme: "DIGITAL_TOOLS", name: "Gammel praksis", description: "D", levels: LEVELS })
    ).practice;
    const retired = dataOf(await api.graphql<Json>(RETIRE_PRACTICE, { input: { id: created.id, version: 1 } })).retirePractice;
    expect(retired.practice).toMatchObject({ code: "GAMMEL", version: 2 });
    expect(retired.practice.retiredAt).not.toBeNull();

    const codes = async (includeRetired: boolean) =>
      dataOf(
        await api.graphql<Json>(
          `query($r: Boolean) { practices(includeRetired: $r) { code } }`,
          { r: includeRetired },
          { as: "viewer" },
        ),
      ).practices.map((p: { code: string }) => p.code);
    expect(await codes(false)).not.toContain("GAMMEL");
    expect(await codes(true)).toContain("GAMMEL");

    const refused = dataOf(
      await api.graphql<Json>(RECORD_ASSESSMENT, {
        input: {
          officeId: gid("Office", f.offices.drammen.id),
          practiceId: created.id,
          level: 1,
          assessedOn: "2025-01-01",
          evidence: "E",
        },
      }),
    ).recordMaturityAssessment;
    expect(refused).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "practiceId", message: "Praksisen Gammel praksis er avviklet og tar ikke imot nye vurderinger." }],
    });

    const again = dataOf(await api.graphql<Json>(RETIRE_PRACTICE, { input: { id: created.id, version: 2 } })).retirePractice;
    expect(again).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "retired" }] });
    const stale = dataOf(
      await api.graphql<Json>(RETIRE_PRACTICE, { input: { id: created.id, version: 1, retired: false } }),
    ).retirePractice;
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });
    const back = dataOf(
      await api.graphql<Json>(RETIRE_PRACTICE, { input: { id: created.id, version: 2, retired: false } }),
    ).retirePractice;
    expect(back.practice).toMatchObject({ retiredAt: null, version: 3 });
    expect(await codes(false)).toContain("GAMMEL");
    const practiceId = (await api.db.practice.findUniqueOrThrow({ where: { code: "GAMMEL" } })).id;
    expect(await api.db.auditEvent.count({ where: { action: "retirePractice", entityId: practiceId } })).toBe(2);
  });

  it("lists practices by theme, then order, for every Samla role; practice(id) reads one", async () => {
    const list = dataOf(await api.graphql<Json>(`{ practices { code theme sortOrder } }`, {}, { as: "hr" })).practices;
    expect(list.map((p: { code: string }) => p.code)).toEqual(["BRUKERINTERVJU", "TAVLEMOTE", "TEAMS", "GAMMEL"]);
    const one = await api.db.practice.findFirstOrThrow({ where: { code: "TAVLEMOTE" } });
    const read = dataOf(
      await api.graphql<Json>(
        `query($id: ID!) { practice(id: $id) { code name currentVersion } }`,
        { id: gid("Practice", one.id) },
        {
          as: "officeLeader",
        },
      ),
    ).practice;
    expect(read).toEqual({ code: "TAVLEMOTE", name: "Daglige tavlemøter", currentVersion: 2 });
    expect(errorCode(await api.graphql(`{ practices { code } }`, {}, { as: null }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.graphql(`{ kpis { code } }`, {}, { as: "noRole" }))).toBe("FORBIDDEN");
  });
});

describe("KPIs", () => {
  it("createKpi adds a KPI with a target and audits it; refuses a taken code and too many decimals", async () => {
    const created = dataOf(
      await api.graphql<Json>(CREATE_KPI, {
        input: {
          code: "saksbehandlingstid",
          name: "Saksbehandlingstid",
          unit: "dager",
          direction: "LOWER_IS_BETTER",
          target: 14.5,
          sortOrder: 1,
        },
      }),
    ).createKpi;
    expect(created.kpi).toMatchObject({
      code: "SAKSBEHANDLINGSTID",
      unit: "dager",
      direction: "LOWER_IS_BETTER",
      target: 14.5,
      description: null,
      sortOrder: 1,
      version: 1,
    });
    const audit = await api.db.auditEvent.findFirstOrThrow({ where: { action: "createKpi" } });
    expect(audit.after).toMatchObject({ code: "SAKSBEHANDLINGSTID", target: "14.5" });

    const taken = dataOf(
      await api.graphql<Json>(CREATE_KPI, {
        input: { code: "SAKSBEHANDLINGSTID", name: "X", unit: "x", direction: "HIGHER_IS_BETTER" },
      }),
    ).createKpi;
    expect(taken).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "code" }] });
    const decimals = dataOf(
      await api.graphql<Json>(CREATE_KPI, {
        input: { code: "X2", name: "X", unit: "x", direction: "HIGHER_IS_BETTER", target: 1.2345 },
      }),
    ).createKpi;
    expect(decimals).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "target", message: "Bruk høyst 3 desimaler." }],
    });
  });

  it("updateKpi changes and removes the target with optimistic locking", async () => {
    const kpi = await api.db.kpi.findUniqueOrThrow({ where: { code: "SAKSBEHANDLINGSTID" } });
    const id = gid("Kpi", kpi.id);
    const changed = dataOf(
      await api.graphql<Json>(UPDATE_KPI, { input: { id, version: 1, target: 12, description: "Snitt i dager" } }),
    ).updateKpi;
    expect(changed.kpi).toMatchObject({ target: 12, description: "Snitt i dager", version: 2, name: "Saksbehandlingstid" });
    const removed = dataOf(await api.graphql<Json>(UPDATE_KPI, { input: { id, version: 2, target: null } })).updateKpi;
    expect(removed.kpi).toMatchObject({ target: null, description: "Snitt i dager", version: 3 });
    const stale = dataOf(await api.graphql<Json>(UPDATE_KPI, { input: { id, version: 2, name: "Y" } })).updateKpi;
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: 3, changedFields: ["target"] });
    const missing = dataOf(await api.graphql<Json>(UPDATE_KPI, { input: { id: gid("Kpi", "x"), version: 1 } })).updateKpi;
    expect(missing).toMatchObject({ __typename: "NotFoundError", entityType: "Kpi" });
    const events = await api.db.auditEvent.findMany({
      where: { action: "updateKpi", entityId: kpi.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [(e.before as Json).target, (e.after as Json).target])).toEqual([
      ["14.5", "12"],
      ["12", null],
    ]);
  });

  it("lists KPIs in catalogue order", async () => {
    await api.graphql(CREATE_KPI, {
      input: { code: "BACKLOG", name: "Restanser", unit: "saker", direction: "LOWER_IS_BETTER", sortOrder: 0 },
    });
    const list = dataOf(await api.graphql<Json>(`{ kpis { code } }`, {}, { as: "viewer" })).kpis;
    expect(list.map((k: { code: string }) => k.code)).toEqual(["BACKLOG", "SAKSBEHANDLINGSTID"]);
  });
});
