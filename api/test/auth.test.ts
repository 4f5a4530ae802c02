// Sign-in and roles at the API boundary: bad tokens, no token, wrong role. Each refusal is a
// clear GraphQL error and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../src/schema";
import { createFixtures, date, gid, type Fixtures } from "./fixtures";
import { createTestApi, dataOf, errorCode, USERS, type TestApi, type UserName, type Json } from "./harness";

let api: TestApi;
let f: Fixtures;
/** A report of Nav Drammen, whose leader the fixture leader is not. */
let drammenReportId: string;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
  const wave = await api.db.rolloutWave.create({
    data: { name: "Pilot", ordinal: 1, isPilot: true, plannedStart: date("2026-01-01"), targetDate: date("2026-12-31") },
  });
  await api.db.officeRollout.create({
    data: { officeId: f.offices.drammen.id, waveId: wave.id, plannedStart: date("2026-01-01"), targetDate: date("2026-12-31") },
  });
  const report = await api.db.progressReport.create({
    data: { officeId: f.offices.drammen.id, period: date("2026-01-01"), createdBySubject: "s", createdByName: "Test" },
  });
  drammenReportId = gid("ProgressReport", report.id);
});
afterAll(() => api?.close());

/** Row counts of every table: a refused request must leave them all as they were. */
async function tableCounts() {
  const db = api.db;
  return {
    offices: await db.office.count(),
    teams: await db.team.count(),
    roles: await db.role.count(),
    services: await db.service.count(),
    people: await db.person.count(),
    assignments: await db.assignment.count(),
    mergers: await db.merger.count(),
    auditEvents: await db.auditEvent.count(),
    practices: await db.practice.count(),
    kpis: await db.kpi.count(),
    methodRecords: [
      await db.maturityAssessment.count(),
      await db.kpiMeasurement.count(),
      await db.processFlow.count(),
      await db.userInsight.count(),
      await db.cultureAssessment.count(),
    ].join(","),
    adoption: [
      await db.rolloutWave.count(),
      await db.officeRollout.count(),
      await db.officeRolloutPractice.count(),
      await db.adoptionStatus.count(),
      await db.progressReport.count(),
      await db.progressReportStage.count(),
      await db.progressReportKpiValue.count(),
      await db.progressReportComment.count(),
      await db.progressReportSubmission.count(),
    ].join(","),
    adoptionVersions: [
      ...(await db.rolloutWave.findMany({ select: { version: true }, orderBy: { id: "asc" } })),
      ...(await db.officeRollout.findMany({ select: { version: true }, orderBy: { id: "asc" } })),
      ...(await db.progressReport.findMany({ select: { version: true }, orderBy: { id: "asc" } })),
    ]
      .map((row) => row.version)
      .join(","),
    versions: (await db.office.findMany({ select: { version: true } })).map((o) => o.version).join(","),
    links: (await db.person.findMany({ select: { ssoSubject: true }, orderBy: { id: "asc" } })).map((p) => p.ssoSubject).join(","),
  };
}

const OFFICES = `{ offices { totalCount } }`;
const CREATE_OFFICE = `mutation($input: CreateOfficeInput!) {
  createOffice(input: $input) { __typename ... on Error { message } }
}`;

describe("tokens", () => {
  it("lets anyone call health, and nothing else without a token", async () => {
    expect(dataOf(await api.graphql<{ health: string }>(`{ health }`, {}, { as: null })).health).toBe("ok");
    const response = await api.graphql(OFFICES, {}, { as: null });
    expect(response.data).toBeNull();
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
    expect(response.errors?.[0]?.message).toBe("Du må logge inn for å bruke Samla.");
    expect(response.errors?.[0]?.extensions?.reason).toBeUndefined();

    const node = await api.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: gid("Office", f.offices.lillestrom.id) }, { as: null });
    expect(errorCode(node)).toBe("UNAUTHENTICATED");
    expect(node.data).toEqual({ node: null });
  });

  const badTokens: [string, () => Promise<string>, string][] = [
    ["expired", () => api.tokens.token("planner", { expiresIn: -120 }), "EXPIRED"],
    ["signed by another key", () => api.tokens.token("planner", { foreignKey: true }), "INVALID"],
    ["for another audience", () => api.tokens.token("planner", { audience: "account" }), "WRONG_AUDIENCE"],
    ["for another client (azp)", () => api.tokens.token("planner", { azp: "other-app" }), "WRONG_AUDIENCE"],
    ["from another issuer", () => api.tokens.token("planner", { issuer: "http://evil.test/realms/samla" }), "WRONG_ISSUER"],
    ["not a JWT", async () => "not-a-jwt", "INVALID"],
  ];

  it.each(badTokens)("refuses a token %s with the reason, and changes nothing", async (_label, makeToken, reason) => {
    const token = await makeToken();
    const before = await tableCounts();

    const read = await api.graphql(OFFICES, {}, { as: { token } });
    expect(errorCode(read)).toBe("UNAUTHENTICATED");
    expect(read.errors?.[0]?.extensions?.reason).toBe(reason);
    expect(read.errors?.[0]?.message).toMatch(/Innlogging/);

    const write = await api.graphql(
      CREATE_OFFICE,
      { input: { code: "0998", name: "Nav Ulovlig", validFrom: "2024-01-01" } },
      { as: { token } },
    );
    expect(write.data).toBeNull();
    expect(errorCode(write)).toBe("UNAUTHENTICATED");
    expect(write.errors?.[0]?.extensions?.reason).toBe(reason);
    expect(await tableCounts()).toEqual(before);
  });

  it("explains an Authorization header that is not a bearer token", async () => {
    const response = await api.graphql(OFFICES, {}, { as: null, headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
    expect(response.errors?.[0]?.extensions?.reason).toBe("MALFORMED_HEADER");
  });

  it("tells a signed-in user without a Samla role that they lack one, but shows who they are", async () => {
    const viewer = dataOf(await api.graphql<Json>(`{ viewer { username roles } }`, {}, { as: "noRole" })).viewer;
    expect(viewer).toEqual({ username: "uten-rolle", roles: [] });
    const response = await api.graphql(OFFICES, {}, { as: "noRole" });
    expect(errorCode(response)).toBe("FORBIDDEN");
    expect(response.errors?.[0]?.message).toMatch(/ingen rolle i Samla/);
  });
});

describe("viewer", () => {
  it("returns the token's identity, roles and linked person", async () => {
    const viewer = dataOf(
      await api.graphql<Json>(`{ viewer { subject username name email roles person { name } } }`, {}, { as: "officeLeader" }),
    ).viewer;
    expect(viewer).toEqual({
      subject: USERS.officeLeader.sub,
      username: "leder",
      name: "Leif Leder",
      email: null,
      roles: ["OFFICE_LEADER"],
      person: { name: "Kari Testesen" },
    });
  });

  it("needs a token", async () => {
    expect(errorCode(await api.graphql(`{ viewer { username } }`, {}, { as: null }))).toBe("UNAUTHENTICATED");
  });
});

describe("mutation roles", () => {
  const ALL_USERS: UserName[] = ["planner", "hr", "admin", "viewer", "officeLeader", "noRole"];

  /** Every mutation: a type-correct input, and the roles that may call it. */
  const mutations: Record<
    string,
    {
      input: () => Record<string, unknown>;
      inputType: string;
      allowed: UserName[];
      /** The roles the refusal names, when a scope other than a plain role also grants access. */
      requiredRoles?: string[];
    }
  > = {
    createOffice: {
      inputType: "CreateOfficeInput",
      allowed: ["planner", "admin"],
      input: () => ({ code: "0997", name: "Nav Ny", validFrom: "2024-01-01" }),
    },
    updateOffice: {
      inputType: "UpdateOfficeInput",
      allowed: ["planner", "admin"],
      input: () => ({ id: gid("Office", f.offices.drammen.id), version: 1, name: "Nav Endret" }),
    },
    createTeam: {
      inputType: "CreateTeamInput",
      allowed: ["planner", "admin"],
      // Also the leader of that office (viewer.ledOffices); the fixture leader leads Lillestrøm, not Drammen.
      requiredRoles: ["planner", "admin", "office-leader"],
      input: () => ({ officeId: gid("Office", f.offices.drammen.id), name: "Nytt team" }),
    },
    updateTeam: {
      inputType: "UpdateTeamInput",
      allowed: ["planner", "admin"],
      requiredRoles: ["planner", "admin", "office-leader"],
      input: () => ({ id: gid("Team", f.teams.drammen.id), version: 1, name: "Endret team" }),
    },
    createRole: {
      inputType: "CreateRoleInput",
      allowed: ["admin"],
      input: () => ({ code: "NY", name: "Ny rolle", category: "SUPPORT" }),
    },
    updateRole: {
      inputType: "UpdateRoleInput",
      allowed: ["admin"],
      input: () => ({ id: gid("Role", f.roles.veileder.id), version: 1, name: "Endret" }),
    },
    createService: {
      inputType: "CreateServiceInput",
      allowed: ["admin"],
      input: () => ({ code: "NY", name: "Ny tjeneste", provider: "STATE" }),
    },
    updateService: {
      inputType: "UpdateServiceInput",
      allowed: ["admin"],
      input: () => ({ id: gid("Service", f.services.dagpenger.id), version: 1, name: "Endret" }),
    },
    assignRole: {
      inputType: "AssignRoleInput",
      allowed: ["hr", "admin"],
      input: () => ({
        personId: gid("Person", f.people.nora.id),
        roleId: gid("Role", f.roles.veileder.id),
        teamId: gid("Team", f.teams.mottak.id),
        fte: 0.2,
        startDate: "2024-01-01",
      }),
    },
    endAssignment: {
      inputType: "EndAssignmentInput",
      allowed: ["hr", "admin"],
      input: () => ({ id: gid("Assignment", f.assignments.noraDrammen.id), endDate: "2030-01-01" }),
    },
    changeAssignment: {
      inputType: "ChangeAssignmentInput",
      allowed: ["hr", "admin"],
      input: () => ({ assignmentId: gid("Assignment", f.assignments.noraDrammen.id), changeDate: "2029-01-01", fte: 0.4 }),
    },
    movePersonToTeam: {
      inputType: "MovePersonToTeamInput",
      allowed: ["hr", "admin"],
      input: () => ({ personId: gid("Person", f.people.nora.id), teamId: gid("Team", f.teams.mottak.id), moveDate: "2029-01-01" }),
    },
    importAssignments: {
      inputType: "ImportAssignmentsInput",
      allowed: ["hr", "admin"],
      input: () => ({
        fileName: "a.csv",
        dryRun: false,
        contentBase64: Buffer.from("e-post,rolle,kontor,team,fte,fra\nnora@nav.test,VEIL,0230,Mottak,0.1,2032-01-01\n").toString("base64"),
      }),
    },
    linkPersonToSsoUser: {
      inputType: "LinkPersonToSsoUserInput",
      allowed: ["hr", "admin"],
      input: () => ({ personId: gid("Person", f.people.nora.id), usernameOrEmail: "planlegger" }),
    },
    unlinkPersonFromSsoUser: {
      inputType: "UnlinkPersonFromSsoUserInput",
      allowed: ["hr", "admin"],
      input: () => ({ personId: gid("Person", f.people.kari.id) }),
    },
    proposeMerger: {
      inputType: "ProposeMergerInput",
      allowed: ["planner", "admin"],
      input: () => ({
        name: "Nye Nav",
        sourceOfficeIds: [gid("Office", f.offices.drammen.id), gid("Office", f.offices.baerum.id)],
        newTargetOffice: { code: "0996", name: "Nav Samlet" },
        effectiveDate: "2027-01-01",
      }),
    },
    updateMerger: {
      inputType: "UpdateMergerInput",
      allowed: ["planner", "admin"],
      input: () => ({ id: gid("Merger", "any"), version: 1, status: "APPROVED" }),
    },
    submitScenario: {
      inputType: "SubmitScenarioInput",
      allowed: ["planner", "admin"],
      input: () => ({ id: gid("Scenario", "any"), version: 1, comment: "Klar" }),
    },
    approveScenario: {
      inputType: "ApproveScenarioInput",
      allowed: ["planner", "admin"],
      input: () => ({ id: gid("Scenario", "any"), version: 1 }),
    },
    returnScenario: {
      inputType: "ReturnScenarioInput",
      allowed: ["planner", "admin"],
      input: () => ({ id: gid("Scenario", "any"), version: 1, comment: "Mangler leder" }),
    },
    archiveScenario: {
      inputType: "ArchiveScenarioInput",
      allowed: ["planner", "admin"],
      input: () => ({ id: gid("Scenario", "any"), version: 1 }),
    },
    createScenario: {
      inputType: "CreateScenarioInput",
      allowed: ["planner", "admin"],
      input: () => ({ name: "Scenario", officeIds: [gid("Office", "any")], base: "AS_IS" }),
    },
    updateScenario: {
      inputType: "UpdateScenarioInput",
      allowed: ["planner", "admin"],
      input: () => ({ id: gid("Scenario", "any"), version: 1, name: "Nytt navn" }),
    },
    addScenarioTeam: {
      inputType: "AddScenarioTeamInput",
      allowed: ["planner", "admin"],
      input: () => ({ scenarioId: gid("Scenario", "any"), version: 1, name: "Nytt team" }),
    },
    updateScenarioTeam: {
      inputType: "UpdateScenarioTeamInput",
      allowed: ["planner", "admin"],
      input: () => ({ scenarioId: gid("Scenario", "any"), version: 1, teamId: gid("ScenarioTeam", "any"), name: "X" }),
    },
    moveScenarioTeam: {
      inputType: "MoveScenarioTeamInput",
      allowed: ["planner", "admin"],
      input: () => ({ scenarioId: gid("Scenario", "any"), version: 1, teamId: gid("ScenarioTeam", "any") }),
    },
    splitScenarioTeam: {
      inputType: "SplitScenarioTeamInput",
      allowed: ["planner", "admin"],
      input: () => ({ scenarioId: gid("Scenario", "any"), version: 1, teamId: gid("ScenarioTeam", "any"), newTeamName: "X", positionIds: [gid("ScenarioPosition", "any")] }),
    },
    mergeScenarioTeams: {
      inputType: "MergeScenarioTeamsInput",
      allowed: ["planner", "admin"],
      input: () => ({ scenarioId: gid("Scenario", "any"), version: 1, teamIds: [gid("ScenarioTeam", "a")], intoTeamId: gid("ScenarioTeam", "b") }),
    },
    closeScenarioTeam: {
      inputType: "CloseScenarioTeamInput",
      allowed: ["planner", "admin"],
      input: () => ({ scenarioId: gid("Scenario", "any"), version: 1, teamId: gid("ScenarioTeam", "any") }),
    },
    setScenarioTeamServices: {
      inputType: "SetScenarioTeamServicesInput",
      allowed: ["planner", "admin"],
      input: () => ({ scenarioId: gid("Scenario", "any"), version: 1, teamId: gid("ScenarioTeam", "any"), serviceIds: [] }),
    },
    addScenarioPosition: {
      inputType: "AddScenarioPositionInput",
      allowed: ["planner", "admin"],
      input: () => ({ scenarioId: gid("Scenario", "any"), version: 1, teamId: gid("ScenarioTeam", "any"), roleId: gid("Role", "any"), fte: 1 }),
    },
    updateScenarioPosition: {
      inputType: "UpdateScenarioPositionInput",
      allowed: ["planner", "admin"],
      input: () => ({ scenarioId: gid("Scenario", "any"), version: 1, positionId: gid("ScenarioPosition", "any"), fte: 0.5 }),
    },
    closeScenarioPosition: {
      inputType: "CloseScenarioPositionInput",
      allowed: ["planner", "admin"],
      input: () => ({ scenarioId: gid("Scenario", "any"), version: 1, positionId: gid("ScenarioPosition", "any") }),
    },
    moveScenarioPerson: {
      inputType: "MoveScenarioPersonInput",
      allowed: ["planner", "admin"],
      input: () => ({ scenarioId: gid("Scenario", "any"), version: 1, personId: gid("Person", "any"), toPositionId: gid("ScenarioPosition", "any") }),
    },
    undoScenarioChanges: {
      inputType: "UndoScenarioChangesInput",
      allowed: ["planner", "admin"],
      input: () => ({ scenarioId: gid("Scenario", "any"), version: 1, count: 1 }),
    },
    updateHealthCheckSettings: {
      inputType: "UpdateHealthCheckSettingsInput",
      allowed: ["admin"],
      input: () => ({ version: 1, maxSpan: 10 }),
    },
    createPractice: {
      inputType: "CreatePracticeInput",
      allowed: ["admin"],
      input: () => ({ code: "NY", theme: "CULTURE", name: "Ny praksis", description: "D", levels: ["0", "1", "2", "3", "4"] }),
    },
    updatePractice: {
      inputType: "UpdatePracticeInput",
      allowed: ["admin"],
      input: () => ({ id: gid("Practice", "any"), version: 1, name: "Endret" }),
    },
    retirePractice: {
      inputType: "RetirePracticeInput",
      allowed: ["admin"],
      input: () => ({ id: gid("Practice", "any"), version: 1 }),
    },
    createKpi: {
      inputType: "CreateKpiInput",
      allowed: ["admin"],
      input: () => ({ code: "NY", name: "Ny KPI", unit: "dager", direction: "LOWER_IS_BETTER" }),
    },
    updateKpi: {
      inputType: "UpdateKpiInput",
      allowed: ["admin"],
      input: () => ({ id: gid("Kpi", "any"), version: 1, name: "Endret" }),
    },
    // Recording: also the leader of that office; the fixture leader leads Lillestrøm, not Drammen
    // (api/src/methods/recording.test.ts proves that the leader may record for Lillestrøm).
    recordMaturityAssessment: {
      inputType: "RecordMaturityAssessmentInput",
      allowed: ["planner", "admin"],
      requiredRoles: ["planner", "admin", "office-leader"],
      input: () => ({
        officeId: gid("Office", f.offices.drammen.id),
        practiceId: gid("Practice", "any"),
        level: 2,
        assessedOn: "2025-01-01",
        evidence: "E",
      }),
    },
    recordKpiMeasurements: {
      inputType: "RecordKpiMeasurementsInput",
      allowed: ["planner", "admin"],
      requiredRoles: ["planner", "admin", "office-leader"],
      input: () => ({ officeId: gid("Office", f.offices.drammen.id), period: "2025-01-01", values: [{ kpiId: gid("Kpi", "any"), value: 1 }] }),
    },
    recordProcessFlow: {
      inputType: "RecordProcessFlowInput",
      allowed: ["planner", "admin"],
      requiredRoles: ["planner", "admin", "office-leader"],
      input: () => ({
        officeId: gid("Office", f.offices.drammen.id),
        serviceId: gid("Service", f.services.sosialhjelp.id),
        recordedOn: "2025-01-01",
        steps: [{ stageKey: "MOTTAK", name: "Mottak", durationDays: 1, waitingDays: 0, handOffs: 1 }],
      }),
    },
    recordUserInsight: {
      inputType: "RecordUserInsightInput",
      allowed: ["planner", "admin"],
      requiredRoles: ["planner", "admin", "office-leader"],
      input: () => ({ officeId: gid("Office", f.offices.drammen.id), theme: "Ventetid", kind: "QUOTE", text: "T", interviewedOn: "2025-01-01" }),
    },
    recordCultureAssessment: {
      inputType: "RecordCultureAssessmentInput",
      allowed: ["planner", "admin"],
      requiredRoles: ["planner", "admin", "office-leader"],
      input: () => ({
        officeId: gid("Office", f.offices.drammen.id),
        assessedOn: "2025-01-01",
        dimensions: [{ dimension: "Tillit", currentScore: 3, targetScore: 4 }],
      }),
    },
    createRolloutWave: {
      inputType: "CreateRolloutWaveInput",
      allowed: ["planner", "admin"],
      input: () => ({ name: "Bølge 9", plannedStart: "2027-01-01", targetDate: "2027-12-31" }),
    },
    updateRolloutWave: {
      inputType: "UpdateRolloutWaveInput",
      allowed: ["planner", "admin"],
      input: () => ({ id: gid("RolloutWave", "any"), version: 1, name: "Endret" }),
    },
    addOfficesToWave: {
      inputType: "AddOfficesToWaveInput",
      allowed: ["planner", "admin"],
      input: () => ({ waveId: gid("RolloutWave", "any"), officeIds: [gid("Office", f.offices.baerum.id)] }),
    },
    moveOfficeToWave: {
      inputType: "MoveOfficeToWaveInput",
      allowed: ["planner", "admin"],
      input: () => ({ officeRolloutId: gid("OfficeRollout", "any"), version: 1, waveId: gid("RolloutWave", "any"), reason: "R" }),
    },
    updateOfficeRollout: {
      inputType: "UpdateOfficeRolloutInput",
      allowed: ["planner", "admin"],
      input: () => ({ id: gid("OfficeRollout", "any"), version: 1, plannedStart: "2027-01-01", targetDate: "2027-12-31", practicePlans: [] }),
    },
    // Reports: only the leader of the report's office today; the fixture leader leads Lillestrøm, not Drammen
    // (api/src/adoption/progress-reports.test.ts proves that the leader may write Lillestrøm's).
    openProgressReport: {
      inputType: "OpenProgressReportInput",
      allowed: [],
      requiredRoles: ["office-leader"],
      input: () => ({ officeId: gid("Office", f.offices.drammen.id), period: "2026-02-01" }),
    },
    saveProgressReport: {
      inputType: "SaveProgressReportInput",
      allowed: [],
      requiredRoles: ["office-leader"],
      input: () => ({ id: drammenReportId, version: 1, learning: "Lært" }),
    },
    submitProgressReport: {
      inputType: "SubmitProgressReportInput",
      allowed: [],
      requiredRoles: ["office-leader"],
      input: () => ({ id: drammenReportId, version: 1 }),
    },
    acknowledgeProgressReport: {
      inputType: "AcknowledgeProgressReportInput",
      allowed: ["planner", "admin"],
      input: () => ({ id: drammenReportId, version: 1 }),
    },
    requestProgressReportChanges: {
      inputType: "RequestProgressReportChangesInput",
      allowed: ["planner", "admin"],
      input: () => ({ id: drammenReportId, version: 1, comment: "Mer" }),
    },
  };

  it("covers every mutation in the schema, and every mutation names its roles", () => {
    const fields = schema.getMutationType()!.getFields();
    expect(Object.keys(fields).sort()).toEqual(Object.keys(mutations).sort());
    for (const [name, field] of Object.entries(fields)) {
      const options = field.extensions?.pothosOptions as { authScopes?: unknown } | undefined;
      expect(options?.authScopes, `${name} must declare authScopes`).toBeTruthy();
    }
  });

  for (const [name, { input, inputType, allowed, requiredRoles }] of Object.entries(mutations)) {
    const denied = ALL_USERS.filter((user) => !allowed.includes(user));
    it(`${name}: refuses no token and the roles ${denied.join(", ")}; changes nothing`, async () => {
      const document = `mutation($input: ${inputType}!) { ${name}(input: $input) { __typename } }`;
      const before = await tableCounts();

      const anonymous = await api.graphql(document, { input: input() }, { as: null });
      expect(anonymous.data).toBeNull();
      expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");

      for (const user of denied) {
        const response = await api.graphql(document, { input: input() }, { as: user });
        expect(response.data, user).toBeNull();
        expect(errorCode(response), user).toBe("FORBIDDEN");
        if (user !== "noRole") {
          const required = requiredRoles ?? allowed.map((u) => USERS[u].roles[0]);
          expect(response.errors?.[0]?.extensions?.requiredRoles, user).toEqual(required);
          expect(response.errors?.[0]?.message, user).toMatch(/Det krever rollen/);
        }
      }
      expect(await tableCounts()).toEqual(before);
    });
  }
});
