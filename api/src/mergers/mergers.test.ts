import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFixtures, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, type TestApi, type Json } from "../../test/harness";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  // Today is fixed before the effective dates below (2027 and later): completing schedules.
  vi.setSystemTime(new Date("2026-11-15T11:00:00Z"));
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(async () => {
  vi.useRealTimers();
  await api?.close();
});

const PROPOSE = /* GraphQL */ `
  mutation($input: ProposeMergerInput!) {
    proposeMerger(input: $input) {
      __typename
      ... on ProposeMergerPayload {
        merger { id name status effectiveDate version targetOffice { code name status validFrom } sourceOffices { name } }
      }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { entityType entityId }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation($input: UpdateMergerInput!) {
    updateMerger(input: $input) {
      __typename
      ... on UpdateMergerPayload { merger { id status name version targetOffice { status } sourceOffices { status validTo } } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on ConflictError { currentVersion changedFields }
      ... on InvalidStatusTransitionError { from to allowed }
    }
  }
`;

const office = (key: keyof Fixtures["offices"]) => gid("Office", f.offices[key].id);

const CREATE_SCENARIO = /* GraphQL */ `
  mutation($input: CreateScenarioInput!) {
    createScenario(input: $input) { __typename ... on CreateScenarioPayload { scenario { id version } } ... on Error { message } }
  }
`;

async function createScenario(mergerId: string): Promise<{ id: string; version: number }> {
  const result = dataOf(await api.graphql<Json>(CREATE_SCENARIO, { input: { name: "Som i dag", mergerId, base: "AS_IS" } }, { as: "planner" }));
  expect(result.createScenario.__typename).toBe("CreateScenarioPayload");
  return result.createScenario.scenario;
}

async function review(mutation: "submitScenario" | "approveScenario", input: Record<string, unknown>, as: "planner" | "admin") {
  const type = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}`;
  const result = dataOf(
    await api.graphql<Json>(
      `mutation($input: ${type}Input!) { ${mutation}(input: $input) { __typename ... on ${type}Payload { scenario { status version } } ... on Error { message } } }`,
      { input },
      { as },
    ),
  )[mutation];
  expect(result.__typename, result.message).toBe(`${type}Payload`);
  return result.scenario;
}

async function propose(input: Record<string, unknown>) {
  return dataOf(await api.graphql<Json>(PROPOSE, { input }, { as: "planner" })).proposeMerger;
}

async function update(input: Record<string, unknown>) {
  return dataOf(await api.graphql<Json>(UPDATE, { input }, { as: "planner" })).updateMerger;
}

describe("proposeMerger", () => {
  it("validates: at least two distinct sources, exactly one target, target not a source", async () => {
    const one = await propose({ name: "X", sourceOfficeIds: [office("drammen")], targetOfficeId: office("planned"), effectiveDate: "2030-01-01" });
    expect(one).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "sourceOfficeIds", message: "Velg minst to kontorer som skal slås sammen." }] });
    const twice = await propose({
      name: "X",
      sourceOfficeIds: [office("drammen"), office("drammen")],
      targetOfficeId: office("planned"),
      effectiveDate: "2030-01-01",
    });
    expect(twice.fieldErrors[0].path).toBe("sourceOfficeIds");
    const noTarget = await propose({ name: "X", sourceOfficeIds: [office("drammen"), office("baerum")], effectiveDate: "2030-01-01" });
    expect(noTarget).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "targetOfficeId" }] });
  });

  it("refuses a target that is not a planned office, and sources that are not active", async () => {
    const activeTarget = await propose({
      name: "X",
      sourceOfficeIds: [office("drammen"), office("baerum")],
      targetOfficeId: office("lillestrom"),
      effectiveDate: "2030-01-01",
    });
    expect(activeTarget).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "targetOfficeId" }] });
    const mergedSource = await propose({
      name: "X",
      sourceOfficeIds: [office("drammen"), office("skedsmo")],
      targetOfficeId: office("planned"),
      effectiveDate: "2030-01-01",
    });
    expect(mergedSource).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "sourceOfficeIds.1", message: "Nav Skedsmo er ikke et aktivt kontor." }],
    });
    const unknown = await propose({
      name: "X",
      sourceOfficeIds: [office("drammen"), gid("Office", "nope")],
      targetOfficeId: office("planned"),
      effectiveDate: "2030-01-01",
    });
    expect(unknown).toMatchObject({ __typename: "NotFoundError", entityType: "Office", entityId: gid("Office", "nope") });
    expect(await api.db.merger.count()).toBe(0);
  });

  it("proposes a merger into a new planned office, auditing both", async () => {
    const result = await propose({
      name: "Nav Vestre Viken",
      sourceOfficeIds: [office("drammen"), office("baerum")],
      newTargetOffice: { code: "0625", name: "Nav Vestre Viken" },
      effectiveDate: "2027-01-01",
    });
    expect(result.merger).toMatchObject({
      name: "Nav Vestre Viken",
      status: "PROPOSED",
      effectiveDate: "2027-01-01",
      version: 1,
      targetOffice: { code: "0625", name: "Nav Vestre Viken", status: "PLANNED", validFrom: "2027-01-01" },
      sourceOffices: [{ name: "Nav Bærum" }, { name: "Nav Drammen" }],
    });
    const events = await api.db.auditEvent.findMany({ where: { action: "proposeMerger" }, orderBy: { entityType: "asc" } });
    expect(events.map((e) => e.entityType)).toEqual(["Merger", "Office"]);
  });

  it("refuses offices already in an open merger (ConflictError)", async () => {
    const result = await propose({
      name: "Dobbel",
      sourceOfficeIds: [office("lillestrom"), office("drammen")],
      targetOfficeId: office("planned"),
      effectiveDate: "2028-01-01",
    });
    expect(result).toMatchObject({ __typename: "ConflictError", message: "Nav Drammen er allerede med i sammenslåingen Nav Vestre Viken." });
  });

  it("refuses a new target office whose code is taken (database constraint)", async () => {
    const lillestromTeamsOffice = await api.db.office.create({ data: { code: "0700", name: "Nav Ekstra", validFrom: new Date("2020-01-01") } });
    const result = await propose({
      name: "Kodekollisjon",
      sourceOfficeIds: [office("lillestrom"), gid("Office", lillestromTeamsOffice.id)],
      newTargetOffice: { code: "0230", name: "Nav Kopi" },
      effectiveDate: "2028-01-01",
    });
    expect(result).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "code" }] });
    expect(await api.db.merger.count()).toBe(1);
  });
});

describe("updateMerger", () => {
  async function theMerger() {
    return api.db.merger.findFirstOrThrow({ where: { name: "Nav Vestre Viken" } });
  }

  it("refuses a transition the lifecycle does not allow", async () => {
    const merger = await theMerger();
    const result = await update({ id: gid("Merger", merger.id), version: merger.version, status: "COMPLETED" });
    expect(result).toMatchObject({
      __typename: "InvalidStatusTransitionError",
      code: "INVALID_STATUS_TRANSITION",
      from: "PROPOSED",
      to: "COMPLETED",
      allowed: ["APPROVED", "CANCELLED"],
    });
    expect(result.message).toMatch(/foreslått.*fullført/);
  });

  it("moves PROPOSED → APPROVED → IN_PROGRESS; completing needs an approved scenario (ValidationError)", async () => {
    let merger = await theMerger();
    for (const status of ["APPROVED", "IN_PROGRESS"]) {
      const result = await update({ id: gid("Merger", merger.id), version: merger.version, status });
      expect(result.merger.status).toBe(status);
      merger = await theMerger();
    }
    const refused = await update({ id: gid("Merger", merger.id), version: merger.version, status: "COMPLETED" });
    expect(refused).toMatchObject({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      fieldErrors: [{ path: "status" }],
    });
    expect(refused.message).toMatch(/^Sammenslåingen kan ikke fullføres før et scenario for den er godkjent/);
    expect(await theMerger()).toMatchObject({ status: "IN_PROGRESS", version: 3 });
    const offices = await api.db.office.findMany({ where: { code: { in: ["0219", "0602", "0625"] } }, orderBy: { code: "asc" } });
    expect(offices.map((o) => o.status)).toEqual(["ACTIVE", "ACTIVE", "PLANNED"]);

    // A scenario in review is not enough either.
    const scenario = await createScenario(gid("Merger", merger.id));
    const submitted = await review("submitScenario", { id: scenario.id, version: scenario.version }, "planner");
    const stillRefused = await update({ id: gid("Merger", merger.id), version: merger.version, status: "COMPLETED" });
    expect(stillRefused.__typename).toBe("ValidationError");
    await review("approveScenario", { id: scenario.id, version: submitted.version }, "admin");
  });

  it("completes with the approved scenario: offices merged, the design in effect, all audited", async () => {
    const merger = await theMerger();
    const done = await update({ id: gid("Merger", merger.id), version: merger.version, status: "COMPLETED" });
    // Completed ahead of its effective date: the offices keep today's status until then.
    expect(done.merger).toMatchObject({
      status: "COMPLETED",
      version: 4,
      targetOffice: { status: "PLANNED" },
      sourceOffices: [
        { status: "ACTIVE", validTo: "2026-12-31" },
        { status: "ACTIVE", validTo: "2026-12-31" },
      ],
    });
    const stored = await api.db.office.findMany({ where: { code: { in: ["0219", "0602", "0625"] } }, orderBy: { code: "asc" } });
    expect(stored.map((o) => o.status)).toEqual(["MERGED", "MERGED", "ACTIVE"]);
    // Nora's team and assignment move to the new office from the effective date; the old ones stay.
    const target = await api.db.office.findUniqueOrThrow({ where: { code: "0625" }, include: { teams: { include: { assignments: true } } } });
    expect(target.teams.map((t) => t.name)).toEqual(["Sosialtjenesten"]);
    expect(target.teams[0]!.assignments).toMatchObject([
      { personId: f.people.nora.id, roleId: f.roles.saksbehandler.id, startDate: new Date("2027-01-01T00:00:00Z"), endDate: null },
    ]);
    expect(target.teams[0]!.assignments[0]!.fte.toFixed(2)).toBe("0.50");
    const old = await api.db.assignment.findUniqueOrThrow({ where: { id: f.assignments.noraDrammen.id } });
    expect(old.endDate).toEqual(new Date("2026-12-31T00:00:00Z"));
    expect(await api.db.team.count({ where: { id: f.teams.drammen.id } })).toBe(1);

    const audited = await api.db.auditEvent.findMany({ where: { action: "updateMerger" }, select: { entityType: true } });
    const byType = audited.reduce<Record<string, number>>((counts, e) => ({ ...counts, [e.entityType]: (counts[e.entityType] ?? 0) + 1 }), {});
    // Three merger changes; two sources and the target office; the new team; one assignment
    // ended and one started; the scenario marked as applied.
    expect(byType).toEqual({ Merger: 3, Office: 3, Team: 1, Assignment: 2, Scenario: 1 });
  });

  it("refuses changes to a completed merger", async () => {
    const merger = await theMerger();
    const result = await update({ id: gid("Merger", merger.id), version: merger.version, name: "Nytt navn" });
    expect(result).toMatchObject({ __typename: "ConflictError", message: "Sammenslåingen er fullført og kan ikke endres." });
  });

  it("cancels an open merger, and gives ConflictError on a stale version", async () => {
    const created = await propose({
      name: "Avbrytes",
      sourceOfficeIds: [office("lillestrom"), gid("Office", (await api.db.office.findUniqueOrThrow({ where: { code: "0700" } })).id)],
      targetOfficeId: office("planned"),
      effectiveDate: "2029-01-01",
    });
    const id = created.merger.id;
    const renamed = await update({ id, version: 1, name: "Avbrytes snart", effectiveDate: "2029-06-01" });
    expect(renamed.merger).toMatchObject({ name: "Avbrytes snart", version: 2 });
    const blank = await update({ id, version: 2, name: "  " });
    expect(blank).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "name", message: "Må fylles ut." }] });
    const stale = await update({ id, version: 1, status: "CANCELLED" });
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: 2, changedFields: ["effectiveDate", "name"] });
    const cancelled = await update({ id, version: 2, status: "CANCELLED" });
    expect(cancelled.merger.status).toBe("CANCELLED");
    const missing = await update({ id: gid("Merger", "x"), version: 1, status: "APPROVED" });
    expect(missing).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
  });
});

describe("mergers and merger queries", () => {
  it("lists mergers with a total count and filters by status", async () => {
    const all = dataOf(
      await api.graphql<Json>(`{ mergers { totalCount edges { node { name status effectiveDate } } } }`, {}, { as: "viewer" }),
    ).mergers;
    expect(all.totalCount).toBe(2);
    expect(all.edges.map((e: Json) => e.node.name)).toEqual(["Avbrytes snart", "Nav Vestre Viken"]);
    const open = dataOf(
      await api.graphql<Json>(`{ mergers(filter: { status: [COMPLETED] }) { totalCount edges { node { name } } } }`, {}, { as: "viewer" }),
    ).mergers;
    expect(open).toEqual({ totalCount: 1, edges: [{ node: { name: "Nav Vestre Viken" } }] });
  });

  it("reads one merger by id with its offices", async () => {
    const merger = await api.db.merger.findFirstOrThrow({ where: { name: "Nav Vestre Viken" } });
    const result = dataOf(
      await api.graphql<Json>(
        `query($id: ID!) { merger(id: $id) { name targetOffice { name mergersAsTarget { name } } sourceOffices { code mergersAsSource { name } } } }`,
        { id: gid("Merger", merger.id) },
        { as: "viewer" },
      ),
    ).merger;
    expect(result).toEqual({
      name: "Nav Vestre Viken",
      targetOffice: { name: "Nav Vestre Viken", mergersAsTarget: [{ name: "Nav Vestre Viken" }] },
      sourceOffices: [
        { code: "0219", mergersAsSource: [{ name: "Nav Vestre Viken" }] },
        { code: "0602", mergersAsSource: [{ name: "Nav Vestre Viken" }] },
      ],
    });
  });
});
