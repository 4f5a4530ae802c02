// HR's mutations and reads: who may call them (hr, admin) and who is refused, and the
// typed errors of changeAssignment, movePersonToTeam and the SSO link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type RequestOptions, type TestApi } from "../../test/harness";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
  await api.db.ssoUser.createMany({
    data: [
      { subject: "sso-kari2", username: "kari2", email: "kari2@nav.test", name: "Kari To" },
      { subject: "sso-ola", username: "ola", email: "ola.sso@nav.test", name: "Ola SSO" },
      { subject: "sub-leader", username: "leder", email: "kari@nav.test", name: "Kari Testesen" },
    ],
  });
});
afterAll(() => api?.close());

const csv = (text: string) => Buffer.from(text, "utf8").toString("base64");

/** Every HR mutation with a valid input (built lazily: it needs the fixtures). */
const HR_MUTATIONS: Record<string, { document: string; input: () => Record<string, unknown> }> = {
  assignRole: {
    document: `mutation($input: AssignRoleInput!) { assignRole(input: $input) { __typename } }`,
    input: () => ({
      personId: gid("Person", f.people.nora.id),
      roleId: gid("Role", f.roles.veileder.id),
      teamId: gid("Team", f.teams.mottak.id),
      fte: 0.1,
      startDate: "2030-01-01",
    }),
  },
  endAssignment: {
    document: `mutation($input: EndAssignmentInput!) { endAssignment(input: $input) { __typename } }`,
    input: () => ({ id: gid("Assignment", f.assignments.noraDrammen.id), endDate: "2031-01-01" }),
  },
  changeAssignment: {
    document: `mutation($input: ChangeAssignmentInput!) { changeAssignment(input: $input) { __typename } }`,
    input: () => ({ assignmentId: gid("Assignment", f.assignments.noraDrammen.id), changeDate: "2029-01-01", fte: 0.4 }),
  },
  movePersonToTeam: {
    document: `mutation($input: MovePersonToTeamInput!) { movePersonToTeam(input: $input) { __typename } }`,
    input: () => ({ personId: gid("Person", f.people.nora.id), teamId: gid("Team", f.teams.mottak.id), moveDate: "2029-06-01" }),
  },
  importAssignments: {
    document: `mutation($input: ImportAssignmentsInput!) { importAssignments(input: $input) { imported errors { message } } }`,
    input: () => ({
      fileName: "a.csv",
      dryRun: false,
      contentBase64: csv("e-post,rolle,kontor,team,stillingsprosent,fra\nnora@nav.test,SAKSB,0230,Mottak,10,2032-01-01\n"),
    }),
  },
  linkPersonToSsoUser: {
    document: `mutation($input: LinkPersonToSsoUserInput!) { linkPersonToSsoUser(input: $input) { __typename } }`,
    input: () => ({ personId: gid("Person", f.people.nora.id), usernameOrEmail: "kari2" }),
  },
  unlinkPersonFromSsoUser: {
    document: `mutation($input: UnlinkPersonFromSsoUserInput!) { unlinkPersonFromSsoUser(input: $input) { __typename } }`,
    input: () => ({ personId: gid("Person", f.people.kari.id) }),
  },
};

const REFUSED: [string, RequestOptions["as"], string][] = [
  ["planner", "planner", "FORBIDDEN"],
  ["office leader", "officeLeader", "FORBIDDEN"],
  ["viewer", "viewer", "FORBIDDEN"],
  ["unauthenticated", null, "UNAUTHENTICATED"],
];

async function snapshot() {
  const [assignments, events, links] = await Promise.all([
    api.db.assignment.findMany({ orderBy: { id: "asc" } }),
    api.db.auditEvent.count(),
    api.db.person.findMany({ select: { id: true, ssoSubject: true }, orderBy: { id: "asc" } }),
  ]);
  return { assignments, events, links };
}

describe("HR mutations: refused for every role but hr and admin", () => {
  for (const [mutation, { document, input }] of Object.entries(HR_MUTATIONS)) {
    for (const [label, as, code] of REFUSED) {
      it(`${mutation} refuses ${label} and changes nothing`, async () => {
        const before = await snapshot();
        const response = await api.graphql<Json>(document, { input: input() }, { as });
        expect(errorCode(response)).toBe(code);
        expect(response.data?.[mutation] ?? null).toBeNull();
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  it("allows hr to call each of them (in an order where each succeeds)", async () => {
    for (const mutation of ["assignRole", "endAssignment", "changeAssignment", "movePersonToTeam", "importAssignments", "linkPersonToSsoUser", "unlinkPersonFromSsoUser"]) {
      const { document, input } = HR_MUTATIONS[mutation]!;
      const result = dataOf(await api.graphql<Json>(document, { input: input() }, { as: "hr" }))[mutation];
      if (mutation === "importAssignments") expect(result).toEqual({ imported: 1, errors: [] });
      else expect(result.__typename, `${mutation}: ${JSON.stringify(result)}`).toBe(`${mutation[0]!.toUpperCase()}${mutation.slice(1)}Payload`);
    }
    const actions = (await api.db.auditEvent.findMany({ where: { actorSubject: "sub-hr" }, select: { action: true } })).map((e) => e.action);
    expect(new Set(actions)).toEqual(new Set(Object.keys(HR_MUTATIONS)));
  });
});

describe("HR reads: refused for every role but hr and admin", () => {
  const READS: Record<string, string> = {
    personFte: `query($id: ID!) { personFte(personId: $id, date: "2024-01-01") }`,
    ssoUsers: `{ ssoUsers(text: "kari") { totalCount } }`,
    auditEvents: `{ auditEvents(first: 1) { totalCount } }`,
    auditEventsExport: `{ auditEventsExport(format: CSV) { fileName } }`,
  };
  for (const [field, document] of Object.entries(READS)) {
    for (const [label, as, code] of REFUSED) {
      it(`${field} refuses ${label}`, async () => {
        const response = await api.graphql<Json>(document, { id: gid("Person", f.people.ola.id) }, { as });
        expect(errorCode(response)).toBe(code);
      });
    }
    it(`${field} answers hr`, async () => {
      expect(dataOf(await api.graphql<Json>(document, { id: gid("Person", f.people.ola.id) }, { as: "hr" }))[field]).not.toBeNull();
    });
  }
});

const CHANGE = /* GraphQL */ `
  mutation($input: ChangeAssignmentInput!) {
    changeAssignment(input: $input) {
      __typename
      ... on ChangeAssignmentPayload { assignment { id fte startDate endDate role { code } team { name } reportsTo { name } person { assignments(includeEnded: true) { id startDate endDate fte team { name } } } } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { entityType }
      ... on AssignmentOverlapError { overlappingAssignmentId }
      ... on FteLimitError { date existingFte requestedFte }
    }
  }
`;

const MOVE = /* GraphQL */ `
  mutation($input: MovePersonToTeamInput!) {
    movePersonToTeam(input: $input) {
      __typename
      ... on MovePersonToTeamPayload { person { assignments(includeEnded: true) { startDate endDate role { code } team { name } } } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { entityType }
      ... on AssignmentOverlapError { overlappingAssignmentId }
    }
  }
`;

async function newPerson(name: string) {
  return api.db.person.create({ data: { name, email: `${name.replace(/\W/g, "").toLowerCase()}@nav.test`, employer: "STATE" } });
}

async function assignDirect(personId: string, teamId: string, fte: string, startDate: string, roleId = f.roles.veileder.id) {
  return api.db.assignment.create({ data: { personId, roleId, teamId, fte, startDate: new Date(`${startDate}T00:00:00Z`) } });
}

const change = async (input: Record<string, unknown>) => dataOf(await api.graphql<Json>(CHANGE, { input }, { as: "hr" })).changeAssignment;

describe("changeAssignment", () => {
  it("ends the old assignment the day before and starts the changed one, keeping history, in one audited step", async () => {
    const person = await newPerson("Endre Endresen");
    const old = await assignDirect(person.id, f.teams.mottak.id, "0.50", "2024-01-01");
    const result = await change({
      assignmentId: gid("Assignment", old.id),
      changeDate: "2025-03-01",
      fte: 0.8,
      teamId: gid("Team", f.teams.oppfolging.id),
      reportsToId: gid("Person", f.people.kari.id),
    });
    expect(result.__typename).toBe("ChangeAssignmentPayload");
    expect(result.assignment).toMatchObject({ fte: 0.8, startDate: "2025-03-01", endDate: null, team: { name: "Oppfølging" }, reportsTo: { name: "Kari Testesen" } });
    expect(result.assignment.person.assignments).toEqual([
      { id: gid("Assignment", old.id), startDate: "2024-01-01", endDate: "2025-02-28", fte: 0.5, team: { name: "Mottak" } },
      { id: result.assignment.id, startDate: "2025-03-01", endDate: null, fte: 0.8, team: { name: "Oppfølging" } },
    ]);
    const events = await api.db.auditEvent.findMany({ where: { action: "changeAssignment", entityId: { in: [old.id] } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ before: { endDate: null }, after: { endDate: "2025-02-28" } });
  });

  it("refuses a change that would exceed 1.0 FTE and leaves the old assignment untouched", async () => {
    const person = await newPerson("Full Stilling");
    const old = await assignDirect(person.id, f.teams.mottak.id, "0.50", "2024-01-01");
    await assignDirect(person.id, f.teams.oppfolging.id, "0.50", "2024-01-01", f.roles.saksbehandler.id);
    const result = await change({ assignmentId: gid("Assignment", old.id), changeDate: "2025-01-01", fte: 0.6 });
    expect(result).toMatchObject({ __typename: "FteLimitError", code: "FTE_LIMIT_EXCEEDED", date: "2025-01-01", existingFte: 0.5, requestedFte: 0.6 });
    expect((await api.db.assignment.findUniqueOrThrow({ where: { id: old.id } })).endDate).toBeNull();
    expect(await api.db.assignment.count({ where: { personId: person.id } })).toBe(2);
  });

  it("refuses an overlap with the same role in the same team", async () => {
    const person = await newPerson("Dobbel Rolle");
    const old = await assignDirect(person.id, f.teams.mottak.id, "0.30", "2024-01-01");
    const other = await assignDirect(person.id, f.teams.oppfolging.id, "0.30", "2024-01-01");
    const result = await change({ assignmentId: gid("Assignment", old.id), changeDate: "2025-01-01", teamId: gid("Team", f.teams.oppfolging.id) });
    expect(result).toMatchObject({ __typename: "AssignmentOverlapError", code: "ASSIGNMENT_OVERLAP", overlappingAssignmentId: gid("Assignment", other.id) });
  });

  it("gives typed errors for dates, unknown ids, closed offices and no change", async () => {
    const person = await newPerson("Feil Feilesen");
    const old = await assignDirect(person.id, f.teams.mottak.id, "0.30", "2024-01-01");
    const id = gid("Assignment", old.id);
    expect(await change({ assignmentId: id, changeDate: "2023-12-31", fte: 0.4 })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "changeDate" }],
    });
    expect(await change({ assignmentId: id, changeDate: "2025-01-01" })).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "assignmentId" }] });
    expect(await change({ assignmentId: gid("Assignment", "missing"), changeDate: "2025-01-01", fte: 0.4 })).toMatchObject({
      __typename: "NotFoundError",
      entityType: "Assignment",
    });
    expect(await change({ assignmentId: id, changeDate: "2025-01-01", roleId: gid("Role", "missing") })).toMatchObject({ __typename: "NotFoundError", entityType: "Role" });
    expect(await change({ assignmentId: id, changeDate: "2025-01-01", teamId: gid("Team", f.teams.skedsmo.id) })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "teamId" }],
    });
    expect(await change({ assignmentId: id, changeDate: "2025-01-01", reportsToId: gid("Person", person.id) })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "reportsToId" }],
    });
    expect(await change({ assignmentId: gid("Team", f.teams.mottak.id), changeDate: "2025-01-01" })).toMatchObject({ __typename: "ValidationError" });
    // Nothing of that was written.
    expect(await api.db.assignment.findMany({ where: { personId: person.id } })).toEqual([old]);
  });

  it("changes an assignment in place when it starts on the change date (keeping its id)", async () => {
    const person = await newPerson("Samme Dag");
    const old = await assignDirect(person.id, f.teams.mottak.id, "0.30", "2026-02-01");
    const result = await change({ assignmentId: gid("Assignment", old.id), changeDate: "2026-02-01", fte: 0.4 });
    expect(result.assignment).toMatchObject({ id: gid("Assignment", old.id), fte: 0.4, startDate: "2026-02-01" });
    expect(await api.db.assignment.count({ where: { personId: person.id } })).toBe(1);
  });
});

describe("movePersonToTeam", () => {
  it("moves every current assignment to the team from the date, keeping history", async () => {
    const person = await newPerson("Flytte Flyttesen");
    await assignDirect(person.id, f.teams.mottak.id, "0.50", "2024-01-01");
    await assignDirect(person.id, f.teams.ungdom.id, "0.30", "2024-01-01", f.roles.saksbehandler.id);
    const eventsBefore = await api.db.auditEvent.count({ where: { action: "movePersonToTeam" } });
    const result = dataOf(
      await api.graphql<Json>(
        MOVE,
        { input: { personId: gid("Person", person.id), teamId: gid("Team", f.teams.drammen.id), moveDate: "2025-06-01" } },
        { as: "hr" },
      ),
    ).movePersonToTeam;
    expect(result.__typename).toBe("MovePersonToTeamPayload");
    const rows = result.person.assignments.map((a: Json) => `${a.role.code} ${a.team.name} ${a.startDate}–${a.endDate ?? ""}`).sort();
    expect(rows).toEqual([
      "SAKSB Sosialtjenesten 2025-06-01–",
      "SAKSB Ungdomsteamet 2024-01-01–2025-05-31",
      "VEIL Mottak 2024-01-01–2025-05-31",
      "VEIL Sosialtjenesten 2025-06-01–",
    ]);
    expect(await api.db.auditEvent.count({ where: { action: "movePersonToTeam" } })).toBe(eventsBefore + 4);
  });

  it("gives typed errors: nothing to move, unknown team, closed office", async () => {
    const person = await newPerson("Ingen Tilsetting");
    const move = async (input: Record<string, unknown>) => dataOf(await api.graphql<Json>(MOVE, { input }, { as: "hr" })).movePersonToTeam;
    expect(await move({ personId: gid("Person", person.id), teamId: gid("Team", f.teams.mottak.id), moveDate: "2025-01-01" })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "personId" }],
    });
    await assignDirect(person.id, f.teams.mottak.id, "0.50", "2024-01-01");
    expect(await move({ personId: gid("Person", person.id), teamId: gid("Team", "missing"), moveDate: "2025-01-01" })).toMatchObject({
      __typename: "NotFoundError",
      entityType: "Team",
    });
    expect(await move({ personId: gid("Person", person.id), teamId: gid("Team", f.teams.skedsmo.id), moveDate: "2025-01-01" })).toMatchObject({
      __typename: "ValidationError",
    });
    expect(await move({ personId: gid("Person", "missing"), teamId: gid("Team", f.teams.mottak.id), moveDate: "2025-01-01" })).toMatchObject({
      __typename: "NotFoundError",
      entityType: "Person",
    });
    expect(await api.db.assignment.count({ where: { personId: person.id } })).toBe(1);
  });
});

const LINK = /* GraphQL */ `
  mutation($input: LinkPersonToSsoUserInput!) {
    linkPersonToSsoUser(input: $input) {
      __typename
      ... on LinkPersonToSsoUserPayload { person { name ssoSubject ssoUser { username } } }
      ... on Error { message code }
      ... on NotFoundError { entityType }
    }
  }
`;
const UNLINK = /* GraphQL */ `
  mutation($input: UnlinkPersonFromSsoUserInput!) {
    unlinkPersonFromSsoUser(input: $input) { __typename ... on Error { message code } ... on ValidationError { fieldErrors { path } } }
  }
`;

describe("linking a person to an SSO user", () => {
  it("links by username or e-mail (any case), and the user then sees the person as theirs", async () => {
    const person = await newPerson("Olav Kobling");
    const byEmail = dataOf(await api.graphql<Json>(LINK, { input: { personId: gid("Person", person.id), usernameOrEmail: "OLA.SSO@nav.test" } }, { as: "hr" }));
    expect(byEmail.linkPersonToSsoUser).toMatchObject({ person: { ssoSubject: "sso-ola", ssoUser: { username: "ola" } } });
    const me = dataOf(await api.graphql<Json>(`{ viewer { person { name } } }`, {}, { as: { sub: "sso-ola", username: "ola", name: "Ola SSO", roles: ["viewer"] } }));
    expect(me.viewer.person).toEqual({ name: "Olav Kobling" });
    const event = await api.db.auditEvent.findFirstOrThrow({ where: { action: "linkPersonToSsoUser", entityId: person.id } });
    expect(event).toMatchObject({ before: { ssoSubject: null }, after: { ssoSubject: "sso-ola" } });
  });

  it("refuses a user linked to another person (ConflictError) and an unknown user (NotFoundError)", async () => {
    await api.db.person.create({ data: { name: "Har Koblingen", email: "har@nav.test", employer: "STATE", ssoSubject: "sso-taken" } });
    await api.db.ssoUser.create({ data: { subject: "sso-taken", username: "opptatt", email: "opptatt@nav.test", name: "Opptatt" } });
    const person = await newPerson("Konflikt Person");
    const conflict = dataOf(await api.graphql<Json>(LINK, { input: { personId: gid("Person", person.id), usernameOrEmail: "opptatt" } }, { as: "hr" }));
    expect(conflict.linkPersonToSsoUser).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    expect(conflict.linkPersonToSsoUser.message).toContain("Har Koblingen");
    const unknown = dataOf(await api.graphql<Json>(LINK, { input: { personId: gid("Person", person.id), usernameOrEmail: "ingen" } }, { as: "hr" }));
    expect(unknown.linkPersonToSsoUser).toMatchObject({ __typename: "NotFoundError", entityType: "SsoUser" });
    const noPerson = dataOf(await api.graphql<Json>(LINK, { input: { personId: gid("Person", "missing"), usernameOrEmail: "ola" } }, { as: "hr" }));
    expect(noPerson.linkPersonToSsoUser).toMatchObject({ __typename: "NotFoundError", entityType: "Person" });
    expect((await api.db.person.findUniqueOrThrow({ where: { id: person.id } })).ssoSubject).toBeNull();
  });

  it("unlinks, and refuses to unlink a person who is not linked", async () => {
    const person = await api.db.person.create({ data: { name: "Koblet Vekk", email: "vekk@nav.test", employer: "STATE", ssoSubject: "sso-vekk" } });
    expect(dataOf(await api.graphql<Json>(UNLINK, { input: { personId: gid("Person", person.id) } }, { as: "hr" })).unlinkPersonFromSsoUser.__typename).toBe(
      "UnlinkPersonFromSsoUserPayload",
    );
    expect((await api.db.person.findUniqueOrThrow({ where: { id: person.id } })).ssoSubject).toBeNull();
    expect(dataOf(await api.graphql<Json>(UNLINK, { input: { personId: gid("Person", person.id) } }, { as: "hr" })).unlinkPersonFromSsoUser).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "personId" }],
    });
  });

  it("remembers SSO users from their requests, and HR finds them with ssoUsers", async () => {
    const newcomer = { sub: "sso-new", username: "nykommer", name: "Ny Kommer", email: "ny@nav.test", roles: ["viewer"] };
    await api.graphql<Json>(`{ viewer { subject } }`, {}, { as: newcomer });
    const stored = await api.db.ssoUser.findUniqueOrThrow({ where: { subject: "sso-new" } });
    expect(stored).toMatchObject({ username: "nykommer", email: "ny@nav.test", name: "Ny Kommer" });
    expect(stored.lastSeenAt).toBeInstanceOf(Date);
    const found = dataOf(await api.graphql<Json>(`{ ssoUsers(text: "NYKOM") { totalCount edges { node { subject username person { name } } } } }`, {}, { as: "hr" }));
    expect(found.ssoUsers).toEqual({ totalCount: 1, edges: [{ node: { subject: "sso-new", username: "nykommer", person: null } }] });
  });
});

describe("HR reads", () => {
  const PEOPLE = /* GraphQL */ `
    query($filter: PeopleFilter, $text: String) { people(filter: $filter, text: $text, first: 50) { totalCount edges { node { name } } } }
  `;
  const names = async (filter: Record<string, unknown>, text?: string) =>
    dataOf(await api.graphql<Json>(PEOPLE, { filter, text }, { as: "hr" })).people.edges.map((e: Json) => e.node.name);

  it("filters people by office, team, role, employer and date", async () => {
    expect(await names({ officeId: gid("Office", f.offices.drammen.id), activeOn: "2023-01-01" })).toEqual(["Nora Eksempel"]);
    expect(await names({ teamId: gid("Team", f.teams.ungdom.id), activeOn: "2023-01-01" })).toEqual(["Ola Prøvesen"]);
    // Ola was a caseworker in Mottak in 2020 only.
    expect(await names({ roleId: gid("Role", f.roles.saksbehandler.id), teamId: gid("Team", f.teams.mottak.id), activeOn: "2020-06-01" })).toEqual(["Ola Prøvesen"]);
    expect(await names({ roleId: gid("Role", f.roles.saksbehandler.id), teamId: gid("Team", f.teams.mottak.id), activeOn: "2023-06-01" })).toEqual([]);
    expect(await names({ employer: "MUNICIPAL", text: "prøve" })).toEqual(["Ola Prøvesen"]);
    // The older `text` argument still works, alone or with a filter.
    expect(await names({}, "nora")).toEqual(["Nora Eksempel"]);
    expect(await names({ officeId: gid("Office", "not-an-office") })).toEqual([]);
  });

  it("reads a person with current and past assignments, and their FTE on a date", async () => {
    const result = dataOf(
      await api.graphql<Json>(
        `query($id: ID!) { person(id: $id) { name fteOn(date: "2020-06-01") assignments(includeEnded: true) { startDate endDate isCurrent } } personFte(personId: $id, date: "2022-01-01") }`,
        { id: gid("Person", f.people.ola.id) },
        { as: "hr" },
      ),
    );
    expect(result.person).toMatchObject({ name: "Ola Prøvesen", fteOn: 0.4 });
    expect(result.person.assignments.map((a: Json) => [a.startDate, a.endDate, a.isCurrent])).toEqual([
      ["2019-01-01", "2020-12-31", false],
      ["2021-03-01", null, true],
    ]);
    expect(result.personFte).toBe(0.6);
    expect(dataOf(await api.graphql<Json>(`{ person(id: "bad") { name } }`, {}, { as: "hr" })).person).toBeNull();
  });
});
