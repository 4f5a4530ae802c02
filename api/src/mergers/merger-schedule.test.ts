// Completing a merger ahead of its effective date (issue 14, item 2; docs/decisions/008): it is
// scheduled. Until the date the source offices stay active and the target planned; on the date
// the world changes by itself. "Today" is fixed with vitest's clock (the API reads the date
// through todayInNorway(), which uses Date).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { date, gid } from "../../test/fixtures";
import { createTestApi, dataOf, type Json, type TestApi } from "../../test/harness";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api?.close());

/** Noon in Norway on `day`. */
const setToday = (day: string) => vi.setSystemTime(new Date(`${day}T11:00:00Z`));
beforeEach(() => setToday("2026-11-15"));
afterEach(() => vi.useRealTimers());

const gql = async (query: string, variables: Record<string, unknown> = {}, as: "planner" | "admin" | "hr" | "viewer" = "planner") =>
  dataOf(await api.graphql<Json>(query, variables, { as }));

let serial = 0;

/** Two active offices (one with a person in a team), merged into a new office on `effectiveDate`; IN_PROGRESS with an approved design. */
async function mergerReadyToComplete(effectiveDate: string) {
  serial += 1;
  const code = (n: number) => String(5000 + serial * 10 + n);
  const [east, west] = await Promise.all(
    [1, 2].map((n) => api.db.office.create({ data: { code: code(n), name: `Nav Test ${code(n)}`, validFrom: date("2020-01-01") } })),
  );
  const role = await api.db.role.create({ data: { code: `R${code(0)}`, name: `Veileder ${code(0)}`, category: "ADVISER" } });
  const team = await api.db.team.create({ data: { officeId: east!.id, name: "Oppfølging" } });
  const person = await api.db.person.create({ data: { name: `Per ${code(0)}`, email: `per${code(0)}@nav.test`, employer: "STATE" } });
  const assignment = await api.db.assignment.create({
    data: { personId: person.id, roleId: role.id, teamId: team.id, fte: "1.00", startDate: date("2021-01-01") },
  });

  const proposed = (
    await gql(
      `mutation($input: ProposeMergerInput!) { proposeMerger(input: $input) {
        __typename ... on ProposeMergerPayload { merger { id targetOffice { id } } } ... on Error { message } } }`,
      {
        input: {
          name: `Sammenslåing ${code(0)}`,
          sourceOfficeIds: [gid("Office", east!.id), gid("Office", west!.id)],
          newTargetOffice: { code: code(9), name: `Nav Ny ${code(9)}` },
          effectiveDate,
        },
      },
    )
  ).proposeMerger;
  expect(proposed.__typename, proposed.message).toBe("ProposeMergerPayload");
  const mergerId: string = proposed.merger.id;

  const created = (
    await gql(
      `mutation($input: CreateScenarioInput!) { createScenario(input: $input) {
        __typename ... on CreateScenarioPayload { scenario { id version } } ... on Error { message } } }`,
      { input: { name: "Som i dag", mergerId, base: "AS_IS" } },
    )
  ).createScenario;
  expect(created.__typename, created.message).toBe("CreateScenarioPayload");
  const submitted = (
    await gql(
      `mutation($input: SubmitScenarioInput!) { submitScenario(input: $input) { ... on SubmitScenarioPayload { scenario { version } } } }`,
      { input: { id: created.scenario.id, version: created.scenario.version } },
    )
  ).submitScenario;
  const approved = (
    await gql(
      `mutation($input: ApproveScenarioInput!) { approveScenario(input: $input) { __typename ... on Error { message } } }`,
      { input: { id: created.scenario.id, version: submitted.scenario.version } },
      "admin",
    )
  ).approveScenario;
  expect(approved.__typename, approved.message).toBe("ApproveScenarioPayload");

  let version = 1;
  for (const status of ["APPROVED", "IN_PROGRESS"]) {
    const moved = await updateMerger({ id: mergerId, version, status });
    expect(moved.__typename, moved.message).toBe("UpdateMergerPayload");
    version = moved.merger.version;
  }
  return { mergerId, version, east: east!, west: west!, targetId: proposed.merger.targetOffice.id as string, person, assignment, team };
}

async function updateMerger(input: Record<string, unknown>) {
  return (
    await gql(
      `mutation($input: UpdateMergerInput!) { updateMerger(input: $input) {
        __typename
        ... on UpdateMergerPayload { merger { id status version inEffect } }
        ... on Error { message }
      } }`,
      { input },
    )
  ).updateMerger;
}

const MERGER_VIEW = `query($id: ID!) { merger(id: $id) {
  status inEffect
  targetOffice { status validFrom }
  sourceOffices { code status validTo }
} }`;

async function mergerView(id: string) {
  return (await gql(MERGER_VIEW, { id }, "viewer")).merger;
}

async function officeCount(status: string): Promise<number> {
  return (await gql(`query($s: [OfficeStatus!]) { offices(filter: { status: $s }) { totalCount } }`, { s: [status] }, "viewer")).offices
    .totalCount;
}

describe("completing a merger before its effective date", () => {
  it("schedules it: today's offices are unchanged until the date, and change on it by themselves", async () => {
    const m = await mergerReadyToComplete("2028-01-01");
    const [activeBefore, plannedBefore] = [await officeCount("ACTIVE"), await officeCount("PLANNED")];

    const done = await updateMerger({ id: m.mergerId, version: m.version, status: "COMPLETED" });
    expect(done).toMatchObject({ __typename: "UpdateMergerPayload", merger: { status: "COMPLETED", inEffect: false } });

    // Today: the as-is stands; the to-be is visible as planned, with its dates.
    expect(await mergerView(m.mergerId)).toEqual({
      status: "COMPLETED",
      inEffect: false,
      targetOffice: { status: "PLANNED", validFrom: "2028-01-01" },
      sourceOffices: [
        { code: m.east.code, status: "ACTIVE", validTo: "2027-12-31" },
        { code: m.west.code, status: "ACTIVE", validTo: "2027-12-31" },
      ],
    });
    expect([await officeCount("ACTIVE"), await officeCount("PLANNED")]).toEqual([activeBefore, plannedBefore]);
    // The person still works in the old office today; their new assignment starts on the date.
    const people = await gql(
      `query($id: ID!) { office(id: $id) { people { totalCount } } }`,
      { id: gid("Office", m.east.id) },
      "viewer",
    );
    expect(people.office.people.totalCount).toBe(1);

    // The last day before: still the same.
    setToday("2027-12-31");
    expect((await mergerView(m.mergerId)).sourceOffices.map((o: Json) => o.status)).toEqual(["ACTIVE", "ACTIVE"]);
    expect(await officeCount("ACTIVE")).toBe(activeBefore);

    // On the effective date the new office is active and the old ones merged: nothing was written.
    setToday("2028-01-01");
    expect(await mergerView(m.mergerId)).toMatchObject({
      inEffect: true,
      targetOffice: { status: "ACTIVE" },
      sourceOffices: [{ status: "MERGED" }, { status: "MERGED" }],
    });
    expect(await officeCount("ACTIVE")).toBe(activeBefore - 1);
  });

  it("shows today's status in the org graph too", async () => {
    const m = await mergerReadyToComplete("2028-01-01");
    await updateMerger({ id: m.mergerId, version: m.version, status: "COMPLETED" });
    const graph = await gql(
      `query($scope: OrgGraphScope!) { orgGraph(scope: $scope) { nodes { id type status } } }`,
      { scope: { mergerId: m.mergerId } },
      "viewer",
    );
    const offices = graph.orgGraph.nodes.filter((n: Json) => n.type === "OFFICE");
    const statusOf = (id: string) => offices.find((n: Json) => n.id === id)?.status;
    expect([statusOf(gid("Office", m.east.id)), statusOf(gid("Office", m.west.id)), statusOf(m.targetId)]).toEqual([
      "ACTIVE",
      "ACTIVE",
      "PLANNED",
    ]);
  });

  it("completed after its effective date, it is in effect at once", async () => {
    const m = await mergerReadyToComplete("2026-11-01");
    const activeBefore = await officeCount("ACTIVE");
    const done = await updateMerger({ id: m.mergerId, version: m.version, status: "COMPLETED" });
    expect(done.merger).toMatchObject({ status: "COMPLETED", inEffect: true });
    expect(await mergerView(m.mergerId)).toMatchObject({
      targetOffice: { status: "ACTIVE", validFrom: "2026-11-01" },
      sourceOffices: [{ status: "MERGED", validTo: "2026-10-31" }, { status: "MERGED", validTo: "2026-10-31" }],
    });
    expect(await officeCount("ACTIVE")).toBe(activeBefore - 1);
  });

  it("keeps a source office open for work until the date, but not past it", async () => {
    const m = await mergerReadyToComplete("2028-01-01");
    await updateMerger({ id: m.mergerId, version: m.version, status: "COMPLETED" });
    const assign = async (endDate: string | null) =>
      (
        await gql(
          `mutation($input: AssignRoleInput!) { assignRole(input: $input) {
            __typename ... on Error { message } ... on ValidationError { fieldErrors { path message } } } }`,
          {
            input: {
              personId: gid("Person", m.person.id),
              roleId: gid("Role", m.assignment.roleId),
              teamId: gid("Team", m.team.id),
              fte: 0.2,
              startDate: "2027-03-01",
              endDate,
            },
          },
          "hr",
        )
      ).assignRole;
    // Open-ended: the office's end is settled, so the assignment must end by then.
    const open = await assign(null);
    expect(open).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "endDate" }] });
    expect(open.fieldErrors[0].message).toBe(`${m.east.name} finnes bare til 31.12.2027; tilsettingen kan ikke vare lenger.`);

    // A team can still be added to the office before the date.
    const team = (
      await gql(
        `mutation($input: CreateTeamInput!) { createTeam(input: $input) { __typename ... on Error { message } } }`,
        { input: { officeId: gid("Office", m.east.id), name: "Overgangsteam" } },
      )
    ).createTeam;
    expect(team.__typename, team.message).toBe("CreateTeamPayload");

    setToday("2028-01-02");
    const late = (
      await gql(
        `mutation($input: CreateTeamInput!) { createTeam(input: $input) { __typename ... on Error { message } } }`,
        { input: { officeId: gid("Office", m.east.id), name: "For sent" } },
      )
    ).createTeam;
    expect(late).toMatchObject({ __typename: "ValidationError", message: `${m.east.name} er slått sammen eller nedlagt; teamene kan ikke endres.` });
  });

  it("refuses to propose an office that a completed merger ends later into another merger", async () => {
    const m = await mergerReadyToComplete("2028-01-01");
    await updateMerger({ id: m.mergerId, version: m.version, status: "COMPLETED" });
    const other = await api.db.office.create({ data: { code: "5999", name: "Nav Annen", validFrom: date("2020-01-01") } });
    const refused = (
      await gql(
        `mutation($input: ProposeMergerInput!) { proposeMerger(input: $input) {
          __typename ... on ValidationError { message fieldErrors { path message } } } }`,
        {
          input: {
            name: "Enda en",
            sourceOfficeIds: [gid("Office", other.id), gid("Office", m.west.id)],
            newTargetOffice: { code: "5998", name: "Nav Enda Nyere" },
            effectiveDate: "2029-01-01",
          },
        },
      )
    ).proposeMerger;
    expect(refused).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "sourceOfficeIds.1", message: `${m.west.name} er allerede slått sammen fra 01.01.2028.` }],
    });
    expect(await api.db.office.count({ where: { code: "5998" } })).toBe(0);
  });
});
