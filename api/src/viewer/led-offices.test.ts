// Office leaders' scope from the org model (docs/decisions/003): viewer.ledOffices and the
// leader-scoped team mutations follow HR's assignments at once, with no new token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, USERS, type Json, type TestApi } from "../../test/harness";
import { addDays, formatDate, todayInNorway } from "../lib/dates";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(() => api?.close());

const LED = /* GraphQL */ `{ viewer { subject person { name } ledOffices { code name } } }`;

const CREATE_TEAM = /* GraphQL */ `
  mutation($input: CreateTeamInput!) {
    createTeam(input: $input) { __typename ... on CreateTeamPayload { team { name office { code } } } ... on Error { message code } }
  }
`;
const UPDATE_TEAM = /* GraphQL */ `
  mutation($input: UpdateTeamInput!) {
    updateTeam(input: $input) { __typename ... on UpdateTeamPayload { team { name version } } ... on Error { message code } }
  }
`;
const END = /* GraphQL */ `
  mutation($input: EndAssignmentInput!) { endAssignment(input: $input) { __typename ... on Error { message } } }
`;
const ASSIGN = /* GraphQL */ `
  mutation($input: AssignRoleInput!) {
    assignRole(input: $input) { __typename ... on AssignRolePayload { assignment { id } } ... on Error { message } }
  }
`;

/** Fixture user "officeLeader" (sub-leader) is linked to Kari, Nav-leder of Nav Lillestrøm since 2020. */
const leader = "officeLeader" as const;
/** Signed in with the office-leader role, linked to nobody. */
const unlinkedLeader = { sub: "sub-leader-2", username: "leder2", name: "Lars Leder", roles: ["office-leader"] };

const createTeam = (officeId: string, name: string, as: Json = leader) =>
  api.graphql<Json>(CREATE_TEAM, { input: { officeId: gid("Office", officeId), name } }, { as });

describe("viewer.ledOffices", () => {
  it("lists the offices where the linked person holds a LEADER role today", async () => {
    const viewer = dataOf(await api.graphql<Json>(LED, {}, { as: leader })).viewer;
    expect(viewer).toMatchObject({ subject: USERS.officeLeader.sub, person: { name: "Kari Testesen" } });
    expect(viewer.ledOffices).toEqual([{ code: "0230", name: "Nav Lillestrøm" }]);
  });

  it("is empty for an office leader with no linked person, and for other roles", async () => {
    expect(dataOf(await api.graphql<Json>(LED, {}, { as: unlinkedLeader })).viewer.ledOffices).toEqual([]);
    // Linked and leading, but without the office-leader realm role: no leader scope.
    const kariAsViewer = { ...USERS.officeLeader, roles: ["viewer"] };
    expect(dataOf(await api.graphql<Json>(LED, {}, { as: kariAsViewer })).viewer.ledOffices).toEqual([]);
  });

  it("does not count leader roles that start later or ended before today", async () => {
    const person = await api.db.person.create({
      data: { name: "Framtidig Leder", email: "framtid@nav.test", employer: "STATE", ssoSubject: "sub-future" },
    });
    const today = todayInNorway();
    await api.db.assignment.createMany({
      data: [
        { personId: person.id, roleId: f.roles.leder.id, teamId: f.teams.drammen.id, fte: "0.50", startDate: addDays(today, 1) },
        {
          personId: person.id,
          roleId: f.roles.leder.id,
          teamId: f.teams.oppfolging.id,
          fte: "0.50",
          startDate: addDays(today, -30),
          endDate: addDays(today, -1),
        },
        // A current role, but not a leader one.
        { personId: person.id, roleId: f.roles.veileder.id, teamId: f.teams.mottak.id, fte: "0.20", startDate: addDays(today, -30) },
      ],
    });
    const future = { sub: "sub-future", username: "framtid", name: "Framtidig Leder", roles: ["office-leader"] };
    expect(dataOf(await api.graphql<Json>(LED, {}, { as: future })).viewer.ledOffices).toEqual([]);
    // Ending on today still counts today.
    await api.db.assignment.create({
      data: { personId: person.id, roleId: f.roles.leder.id, teamId: f.teams.drammen.id, fte: "0.50", startDate: addDays(today, -5), endDate: today },
    });
    expect(dataOf(await api.graphql<Json>(LED, {}, { as: future })).viewer.ledOffices).toEqual([{ code: "0602", name: "Nav Drammen" }]);
  });
});

describe("leader-scoped team mutations", () => {
  it("lets the leader create and update teams in the office they lead", async () => {
    const created = dataOf(await createTeam(f.offices.lillestrom.id, "Lederens team")).createTeam;
    expect(created).toMatchObject({ __typename: "CreateTeamPayload", team: { name: "Lederens team", office: { code: "0230" } } });
    const updated = dataOf(
      await api.graphql<Json>(UPDATE_TEAM, { input: { id: gid("Team", f.teams.mottak.id), version: 1, name: "Mottak og veiledning" } }, { as: leader }),
    ).updateTeam;
    expect(updated).toMatchObject({ __typename: "UpdateTeamPayload", team: { name: "Mottak og veiledning", version: 2 } });
  });

  it("refuses teams of offices the leader does not lead, and leaders with no leader assignment", async () => {
    const other = await createTeam(f.offices.drammen.id, "Ikke mitt kontor");
    expect(errorCode(other)).toBe("FORBIDDEN");
    expect(other.errors?.[0]?.message).toMatch(/kontorleder for kontoret/);
    const update = await api.graphql<Json>(
      UPDATE_TEAM,
      { input: { id: gid("Team", f.teams.drammen.id), version: 1, name: "Ikke mitt team" } },
      { as: leader },
    );
    expect(errorCode(update)).toBe("FORBIDDEN");
    expect(errorCode(await createTeam(f.offices.lillestrom.id, "Uten kobling", unlinkedLeader))).toBe("FORBIDDEN");
    expect(await api.db.team.count({ where: { name: { in: ["Ikke mitt kontor", "Uten kobling"] } } })).toBe(0);
    expect((await api.db.team.findUniqueOrThrow({ where: { id: f.teams.drammen.id } })).name).toBe("Sosialtjenesten");
  });

  it("follows HR at once: ending the leader role removes access, assigning it again grants it", async () => {
    const yesterday = formatDate(addDays(todayInNorway(), -1));
    const ended = dataOf(
      await api.graphql<Json>(END, { input: { id: gid("Assignment", f.assignments.kariLeader.id), endDate: yesterday } }, { as: "hr" }),
    ).endAssignment;
    expect(ended.__typename).toBe("EndAssignmentPayload");
    // The same token as before: access comes from the org model, not from the token.
    const token = await api.tokens.token(leader);
    expect(dataOf(await api.graphql<Json>(LED, {}, { as: { token } })).viewer.ledOffices).toEqual([]);
    expect(errorCode(await createTeam(f.offices.lillestrom.id, "Etter avslutning", { token }))).toBe("FORBIDDEN");

    const assigned = dataOf(
      await api.graphql<Json>(
        ASSIGN,
        {
          input: {
            personId: gid("Person", f.people.kari.id),
            roleId: gid("Role", f.roles.leder.id),
            teamId: gid("Team", f.teams.drammen.id),
            fte: 1,
            startDate: formatDate(todayInNorway()),
          },
        },
        { as: "hr" },
      ),
    ).assignRole;
    expect(assigned.__typename).toBe("AssignRolePayload");
    expect(dataOf(await api.graphql<Json>(LED, {}, { as: { token } })).viewer.ledOffices).toEqual([{ code: "0602", name: "Nav Drammen" }]);
    expect(dataOf(await createTeam(f.offices.drammen.id, "Nytt kontor, nytt team", { token })).createTeam.__typename).toBe("CreateTeamPayload");
    expect(errorCode(await createTeam(f.offices.lillestrom.id, "Gammelt kontor", { token }))).toBe("FORBIDDEN");
  });
});
