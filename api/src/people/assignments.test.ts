import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, date, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, type TestApi, type Json } from "../../test/harness";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(() => api?.close());

const ASSIGN = /* GraphQL */ `
  mutation($input: AssignRoleInput!) {
    assignRole(input: $input) {
      __typename
      ... on AssignRolePayload { assignment { id fte startDate endDate person { name } role { code } team { name } reportsTo { name } } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { entityType entityId }
      ... on AssignmentOverlapError { overlappingAssignmentId }
      ... on FteLimitError { date existingFte requestedFte limit }
    }
  }
`;

const END = /* GraphQL */ `
  mutation($input: EndAssignmentInput!) {
    endAssignment(input: $input) {
      __typename
      ... on EndAssignmentPayload { assignment { id startDate endDate } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on ConflictError { currentVersion }
    }
  }
`;

/** A fresh person, so each test starts from a known FTE. */
async function newPerson(name: string) {
  return api.db.person.create({ data: { name, email: `${name.replace(/\W/g, "").toLowerCase()}@nav.test`, employer: "STATE" } });
}

function assignInput(personId: string, overrides: Record<string, unknown> = {}) {
  return {
    personId: gid("Person", personId),
    roleId: gid("Role", f.roles.veileder.id),
    teamId: gid("Team", f.teams.mottak.id),
    fte: 0.5,
    startDate: "2024-01-01",
    ...overrides,
  };
}

async function assign(input: Record<string, unknown>, as: "hr" | "admin" = "hr") {
  return dataOf(await api.graphql<Json>(ASSIGN, { input }, { as })).assignRole;
}

describe("assignRole", () => {
  it("assigns a role with FTE, dates and reports-to, audited in the same transaction", async () => {
    const person = await newPerson("Siri Suksess");
    const result = await assign(
      assignInput(person.id, { fte: 0.8, endDate: "2024-12-31", reportsToId: gid("Person", f.people.kari.id) }),
    );
    expect(result.__typename).toBe("AssignRolePayload");
    expect(result.assignment).toMatchObject({
      fte: 0.8,
      startDate: "2024-01-01",
      endDate: "2024-12-31",
      person: { name: "Siri Suksess" },
      role: { code: "VEIL" },
      team: { name: "Mottak" },
      reportsTo: { name: "Kari Testesen" },
    });
    const stored = await api.db.assignment.findFirstOrThrow({ where: { personId: person.id } });
    const event = await api.db.auditEvent.findFirstOrThrow({ where: { entityType: "Assignment", entityId: stored.id } });
    expect(event).toMatchObject({ action: "assignRole", actorSubject: "sub-hr", actorName: "Hans HR" });
    expect(event.after).toMatchObject({ fte: "0.80", startDate: "2024-01-01", endDate: "2024-12-31", personId: person.id });
  });

  it("refuses an overlapping assignment of the same person to the same role and team", async () => {
    const person = await newPerson("Otto Overlapp");
    const first = await assign(assignInput(person.id, { fte: 0.2, startDate: "2024-01-01", endDate: "2024-06-30" }));
    const overlapping = await assign(assignInput(person.id, { fte: 0.2, startDate: "2024-06-30" }));
    expect(overlapping).toMatchObject({
      __typename: "AssignmentOverlapError",
      code: "ASSIGNMENT_OVERLAP",
      overlappingAssignmentId: first.assignment.id,
    });
    expect(overlapping.message).toMatch(/Veileder i Mottak.*01\.01\.2024–30\.06\.2024/);
    // The day after the first one ends is fine, as is another role in the same period.
    expect((await assign(assignInput(person.id, { fte: 0.2, startDate: "2024-07-01" }))).__typename).toBe("AssignRolePayload");
    const otherRole = await assign(
      assignInput(person.id, { fte: 0.2, startDate: "2024-03-01", roleId: gid("Role", f.roles.saksbehandler.id) }),
    );
    expect(otherRole.__typename).toBe("AssignRolePayload");
  });

  it("refuses when the total FTE on any day of the new period would pass 1.0, computed exactly", async () => {
    const person = await newPerson("Frida Fulltid");
    const team = (id: string) => gid("Team", id);
    // Sums are exact decimals: in floats 0.3 + 0.4 + 0.3 is not 1.0.
    expect((await assign(assignInput(person.id, { fte: 0.3, teamId: team(f.teams.mottak.id) }))).__typename).toBe("AssignRolePayload");
    expect((await assign(assignInput(person.id, { fte: 0.4, teamId: team(f.teams.oppfolging.id) }))).__typename).toBe(
      "AssignRolePayload",
    );
    // A later, short assignment: 0.3 more only from 2025-03-01 to 2025-03-31.
    expect(
      (await assign(assignInput(person.id, { fte: 0.3, teamId: team(f.teams.ungdom.id), startDate: "2025-03-01", endDate: "2025-03-31" })))
        .__typename,
    ).toBe("AssignRolePayload");
    // 0.3 more from 2024-06-01 is fine until 2025-03-01, when the total would be 1.3.
    const over = await assign(
      assignInput(person.id, { fte: 0.3, teamId: team(f.teams.drammen.id), roleId: gid("Role", f.roles.saksbehandler.id), startDate: "2024-06-01" }),
    );
    expect(over).toMatchObject({
      __typename: "FteLimitError",
      code: "FTE_LIMIT_EXCEEDED",
      date: "2025-03-01",
      existingFte: 1,
      requestedFte: 0.3,
      limit: 1,
    });
    expect(over.message).toMatch(/1,00 årsverk 01\.03\.2025/);
    // Ending the day before fits: 0.3 + 0.4 + 0.3 = 1.0 exactly.
    const fits = await assign(
      assignInput(person.id, {
        fte: 0.3,
        teamId: team(f.teams.drammen.id),
        roleId: gid("Role", f.roles.saksbehandler.id),
        startDate: "2024-06-01",
        endDate: "2025-02-28",
      }),
    );
    expect(fits.__typename).toBe("AssignRolePayload");
    expect(await api.db.assignment.count({ where: { personId: person.id } })).toBe(4);
  });

  it("allows a new assignment once an earlier one has ended", async () => {
    const person = await newPerson("Emil Etterpå");
    await assign(assignInput(person.id, { fte: 1, endDate: "2024-03-31" }));
    const after = await assign(assignInput(person.id, { fte: 1, startDate: "2024-04-01", teamId: gid("Team", f.teams.oppfolging.id) }));
    expect(after.__typename).toBe("AssignRolePayload");
    const during = await assign(assignInput(person.id, { fte: 0.01, startDate: "2024-03-31", teamId: gid("Team", f.teams.ungdom.id) }));
    expect(during).toMatchObject({ __typename: "FteLimitError", date: "2024-03-31" });
  });

  it("validates: end before start, FTE range and decimals, reporting to oneself", async () => {
    const person = await newPerson("Vera Validering");
    const endBeforeStart = await assign(assignInput(person.id, { startDate: "2024-05-01", endDate: "2024-04-30" }));
    expect(endBeforeStart).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "endDate", message: "Sluttdato kan ikke være før startdato." }],
    });
    for (const fte of [0, -0.5, 1.01, 0.555]) {
      const result = await assign(assignInput(person.id, { fte }));
      expect(result, String(fte)).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "fte" }] });
    }
    const self = await assign(assignInput(person.id, { reportsToId: gid("Person", person.id) }));
    expect(self).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "reportsToId" }] });
    expect(await api.db.assignment.count({ where: { personId: person.id } })).toBe(0);
  });

  it("refuses teams in merged or closed offices", async () => {
    const person = await newPerson("Mina Merged");
    const result = await assign(assignInput(person.id, { teamId: gid("Team", f.teams.skedsmo.id) }));
    expect(result).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "teamId" }] });
    expect(result.message).toMatch(/Nav Skedsmo er slått sammen/);
  });

  it("gives NotFoundError for an unknown person, role, team or manager", async () => {
    const person = await newPerson("Nils Nowhere");
    for (const [field, type] of [
      ["personId", "Person"],
      ["roleId", "Role"],
      ["teamId", "Team"],
      ["reportsToId", "Person"],
    ] as const) {
      const missing = gid(type, "missing");
      const result = await assign(assignInput(person.id, { [field]: missing }));
      expect(result, field).toMatchObject({ __typename: "NotFoundError", entityType: type, entityId: missing });
    }
  });

  it("lets only one of two concurrent assignments pass the FTE limit (person row locked)", async () => {
    const person = await newPerson("Samtidig Samuelsen");
    const results = await Promise.all([
      assign(assignInput(person.id, { fte: 0.6, teamId: gid("Team", f.teams.mottak.id) })),
      assign(assignInput(person.id, { fte: 0.6, teamId: gid("Team", f.teams.oppfolging.id) }), "admin"),
    ]);
    expect(results.map((r) => r.__typename).sort()).toEqual(["AssignRolePayload", "FteLimitError"]);
    expect(await api.db.assignment.count({ where: { personId: person.id } })).toBe(1);
  });
});

describe("endAssignment", () => {
  it("ends an assignment, keeps it as history, and audits before and after", async () => {
    const person = await newPerson("Edel Ende");
    const created = await assign(assignInput(person.id, { startDate: "2024-01-01" }));
    const result = dataOf(await api.graphql<Json>(END, { input: { id: created.assignment.id, endDate: "2024-08-31" } }, { as: "hr" }))
      .endAssignment;
    expect(result.assignment).toEqual({ id: created.assignment.id, startDate: "2024-01-01", endDate: "2024-08-31" });
    const event = await api.db.auditEvent.findFirstOrThrow({ where: { action: "endAssignment" } });
    expect(event.before).toMatchObject({ endDate: null, version: 1 });
    expect(event.after).toMatchObject({ endDate: "2024-08-31", version: 2 });
    // Ended assignments are hidden by default, and shown with includeEnded.
    const person2 = dataOf(
      await api.graphql<Json>(
        `query($id: ID!) { node(id: $id) { ... on Person { current: assignments { id } all: assignments(includeEnded: true) { id } } } }`,
        { id: gid("Person", person.id) },
      ),
    ).node;
    expect(person2).toEqual({ current: [], all: [{ id: created.assignment.id }] });
  });

  it("refuses an end before the start", async () => {
    const result = dataOf(
      await api.graphql<Json>(END, { input: { id: gid("Assignment", f.assignments.noraDrammen.id), endDate: "2021-12-31" } }),
    ).endAssignment;
    expect(result).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "endDate" }] });
    expect(result.message).toMatch(/01\.01\.2022/);
  });

  it("refuses an assignment that has already ended on or before that day", async () => {
    const auditBefore = await api.db.auditEvent.count();
    const result = dataOf(
      await api.graphql<Json>(END, { input: { id: gid("Assignment", f.assignments.olaEnded.id), endDate: "2021-06-30" } }),
    ).endAssignment;
    expect(result).toMatchObject({ __typename: "ConflictError", message: "Tilsettingen er allerede avsluttet 31.12.2020." });
    expect(await api.db.auditEvent.count()).toBe(auditBefore);
    const stored = await api.db.assignment.findUniqueOrThrow({ where: { id: f.assignments.olaEnded.id } });
    expect(stored.endDate).toEqual(date("2020-12-31"));
  });

  it("brings a planned end forward", async () => {
    const person = await newPerson("Fremtidig Fredrik");
    const created = await assign(assignInput(person.id, { startDate: "2024-01-01", endDate: "2030-12-31" }));
    const result = dataOf(await api.graphql<Json>(END, { input: { id: created.assignment.id, endDate: "2025-06-30" } })).endAssignment;
    expect(result.assignment.endDate).toBe("2025-06-30");
  });

  it("gives NotFoundError for an unknown assignment", async () => {
    const result = dataOf(await api.graphql<Json>(END, { input: { id: gid("Assignment", "x"), endDate: "2025-01-01" } })).endAssignment;
    expect(result).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
  });
});

describe("assignments within the office's lifetime", () => {
  const CHANGE = /* GraphQL */ `
    mutation($input: ChangeAssignmentInput!) {
      changeAssignment(input: $input) { __typename ... on ValidationError { message fieldErrors { path message } } }
    }
  `;

  /** An office that exists 2020-2030, open today, with one team. */
  async function officeFrom2020To2030(code: string) {
    const office = await api.db.office.create({
      data: { code, name: `Nav Tidsbegrenset ${code}`, validFrom: date("2020-01-01"), validTo: date("2030-12-31") },
    });
    return api.db.team.create({ data: { officeId: office.id, name: "Mottak" } });
  }

  it("refuses a start before the office exists (1985 in an office from 2020), writing nothing", async () => {
    const person = await newPerson("Åse Åttifem");
    const auditBefore = await api.db.auditEvent.count();
    const result = await assign(assignInput(person.id, { startDate: "1985-06-01" }));
    expect(result).toEqual({
      __typename: "ValidationError",
      message: "Nav Lillestrøm finnes fra 01.01.2020; tilsettingen kan ikke starte før det.",
      code: "VALIDATION_FAILED",
      fieldErrors: [{ path: "startDate", message: "Nav Lillestrøm finnes fra 01.01.2020; tilsettingen kan ikke starte før det." }],
    });
    expect(await api.db.assignment.count({ where: { personId: person.id } })).toBe(0);
    expect(await api.db.auditEvent.count()).toBe(auditBefore);
  });

  it("accepts the office's first and last day, and refuses a start or end after its last day", async () => {
    const team = await officeFrom2020To2030("7101");
    const person = await newPerson("Tore Tidsrom");
    const inside = await assign(
      assignInput(person.id, { teamId: gid("Team", team.id), startDate: "2020-01-01", endDate: "2030-12-31" }),
    );
    expect(inside.__typename).toBe("AssignRolePayload");

    const other = await newPerson("Tina Tidsrom");
    const lateStart = await assign(assignInput(other.id, { teamId: gid("Team", team.id), startDate: "2031-01-01" }));
    expect(lateStart).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "startDate" }] });
    expect(lateStart.message).toMatch(/finnes bare til 31\.12\.2030; tilsettingen kan ikke starte etter det/);
    const lateEnd = await assign(
      assignInput(other.id, { teamId: gid("Team", team.id), startDate: "2025-01-01", endDate: "2031-01-01" }),
    );
    expect(lateEnd).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "endDate" }] });
    expect(await api.db.assignment.count({ where: { personId: other.id } })).toBe(0);
  });

  it("refuses changing into a team of an office that does not exist yet on the change date", async () => {
    const person = await newPerson("Bjørn Bytter");
    // Nav Bærum exists from 2000, Nav Lillestrøm (Mottak) from 2020.
    const baerum = await api.db.team.create({ data: { officeId: f.offices.baerum.id, name: "Byttesenteret" } });
    const start = await assign(assignInput(person.id, { teamId: gid("Team", baerum.id), startDate: "2010-01-01" }));
    expect(start.__typename).toBe("AssignRolePayload");
    const change = dataOf(
      await api.graphql<Json>(
        CHANGE,
        { input: { assignmentId: start.assignment.id, changeDate: "2015-01-01", teamId: gid("Team", f.teams.mottak.id) } },
        { as: "hr" },
      ),
    ).changeAssignment;
    expect(change).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "changeDate" }] });
    const rows = await api.db.assignment.findMany({ where: { personId: person.id } });
    expect(rows.map((row) => [row.teamId, row.endDate])).toEqual([[baerum.id, null]]);
  });
});
