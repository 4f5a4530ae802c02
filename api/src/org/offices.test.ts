import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, type TestApi, type Json } from "../../test/harness";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(() => api?.close());

interface OfficesData {
  offices: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; code: string; name: string; status: string; isPilot: boolean } }[];
  };
}

const OFFICES = /* GraphQL */ `
  query Offices($filter: OfficeFilter, $first: Int, $after: String) {
    offices(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id code name status isPilot } }
    }
  }
`;

describe("offices", () => {
  it("lists offices by name with a total count", async () => {
    const data = dataOf(await api.graphql<OfficesData>(OFFICES, {}, { as: "viewer" }));
    expect(data.offices.totalCount).toBe(5);
    expect(data.offices.edges.map((e) => e.node.name)).toEqual([
      "Nav Bærum",
      "Nav Drammen",
      "Nav Lillestrøm",
      "Nav Skedsmo",
      "Nav Vestlandet planlagt",
    ]);
    expect(data.offices.edges[2]!.node.id).toBe(gid("Office", f.offices.lillestrom.id));
  });

  it("pages with first/after", async () => {
    const first = dataOf(await api.graphql<OfficesData>(OFFICES, { first: 2 }, { as: "viewer" }));
    expect(first.offices.edges).toHaveLength(2);
    expect(first.offices.pageInfo.hasNextPage).toBe(true);
    const second = dataOf(
      await api.graphql<OfficesData>(OFFICES, { first: 2, after: first.offices.pageInfo.endCursor }, { as: "viewer" }),
    );
    expect(second.offices.edges.map((e) => e.node.name)).toEqual(["Nav Lillestrøm", "Nav Skedsmo"]);
    expect(second.offices.totalCount).toBe(5);
  });

  it("caps the page size at 100", async () => {
    const rows = Array.from({ length: 110 }, (_, i) => ({
      code: String(5000 + i),
      name: `Nav Side ${String(i).padStart(3, "0")}`,
      validFrom: new Date("2020-01-01"),
    }));
    await api.db.office.createMany({ data: rows });
    try {
      const data = dataOf(await api.graphql<OfficesData>(OFFICES, { first: 500 }, { as: "viewer" }));
      expect(data.offices.edges).toHaveLength(100);
      expect(data.offices.pageInfo.hasNextPage).toBe(true);
    } finally {
      await api.db.office.deleteMany({ where: { code: { in: rows.map((r) => r.code) } } });
    }
  });

  it("filters by status, pilot, municipality and text", async () => {
    const names = async (filter: Record<string, unknown>) =>
      dataOf(await api.graphql<OfficesData>(OFFICES, { filter }, { as: "viewer" })).offices.edges.map((e) => e.node.name);
    expect(await names({ status: ["MERGED", "PLANNED"] })).toEqual(["Nav Skedsmo", "Nav Vestlandet planlagt"]);
    expect(await names({ isPilot: true })).toEqual(["Nav Drammen", "Nav Lillestrøm"]);
    expect(await names({ municipalityNumber: "3024" })).toEqual(["Nav Bærum"]);
    expect(await names({ text: "lilleSTRØM" })).toEqual(["Nav Lillestrøm"]);
    expect(await names({ text: "060" })).toEqual(["Nav Drammen"]);
    expect(await names({ isPilot: true, text: "drammen" })).toEqual(["Nav Drammen"]);
    // A municipality the office serves, by number (Nav Bærum's own code is 0219).
    expect(await names({ text: "3024" })).toEqual(["Nav Bærum"]);
  });
});

describe("office", () => {
  const OFFICE = /* GraphQL */ `
    query Office($id: ID!, $includeEnded: Boolean) {
      office(id: $id) {
        id code name isSpearhead version validFrom validTo
        municipalities { number name }
        teams(rootsOnly: true) { name parent { name } children { name parent { name } } }
        services { code name provider }
        people(includeEnded: $includeEnded) { totalCount edges { node { name employer } } }
        assignments(includeEnded: $includeEnded) {
          totalCount
          edges { node { fte startDate endDate isCurrent role { code } team { name } person { name } reportsTo { name } } }
        }
      }
    }
  `;

  it("returns municipalities, the team tree, services, people and current assignments", async () => {
    const { office } = dataOf(
      await api.graphql<{ office: Json }>(OFFICE, { id: gid("Office", f.offices.lillestrom.id) }, { as: "viewer" }),
    );
    expect(office).toMatchObject({
      code: "0230",
      name: "Nav Lillestrøm",
      isSpearhead: true,
      version: 1,
      validFrom: "2020-01-01",
      validTo: null,
      municipalities: [{ number: "3030", name: "Lillestrøm" }],
    });
    expect(office.teams).toEqual([
      { name: "Mottak", parent: null, children: [] },
      { name: "Oppfølging", parent: null, children: [{ name: "Ungdomsteamet", parent: { name: "Oppfølging" } }] },
    ]);
    expect(office.services.map((s: { code: string }) => s.code)).toEqual(["ARBOPP", "DAGP", "OKSOS"]);
    expect(office.people.totalCount).toBe(2);
    expect(office.people.edges.map((e: Json) => e.node.name)).toEqual(["Kari Testesen", "Ola Prøvesen"]);
    expect(office.assignments.totalCount).toBe(2);
    expect(office.assignments.edges.map((e: Json) => e.node)).toEqual([
      {
        fte: 0.6,
        startDate: "2021-03-01",
        endDate: null,
        isCurrent: true,
        role: { code: "VEIL" },
        team: { name: "Ungdomsteamet" },
        person: { name: "Ola Prøvesen" },
        reportsTo: { name: "Kari Testesen" },
      },
      {
        fte: 1,
        startDate: "2020-01-01",
        endDate: null,
        isCurrent: true,
        role: { code: "LEDER" },
        team: { name: "Oppfølging" },
        person: { name: "Kari Testesen" },
        reportsTo: null,
      },
    ]);
  });

  it("includes ended assignments when asked", async () => {
    const { office } = dataOf(
      await api.graphql<{ office: Json }>(
        OFFICE,
        { id: gid("Office", f.offices.lillestrom.id), includeEnded: true },
        { as: "viewer" },
      ),
    );
    expect(office.assignments.totalCount).toBe(3);
    const ended = office.assignments.edges.map((e: Json) => e.node).find((a: Json) => a.endDate);
    expect(ended).toMatchObject({ endDate: "2020-12-31", isCurrent: false, role: { code: "SAKSB" }, fte: 0.4 });
  });

  it("is null for an unknown id and refuses an id of another type", async () => {
    const missing = await api.graphql<{ office: unknown }>(OFFICE, { id: gid("Office", "nope") }, { as: "viewer" });
    expect(dataOf(missing).office).toBeNull();
    const wrongType = await api.graphql(OFFICE, { id: gid("Team", f.teams.mottak.id) }, { as: "viewer" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.errors?.[0]).toMatchObject({ message: expect.stringMatching(/ikke en gyldig id for kontor/), extensions: { code: "BAD_USER_INPUT" } });
  });

  it("finds an office by its code", async () => {
    const query = `query($code: String!) { officeByCode(code: $code) { name } }`;
    expect(dataOf(await api.graphql<Json>(query, { code: "0602" }, { as: "viewer" })).officeByCode).toEqual({ name: "Nav Drammen" });
    expect(dataOf(await api.graphql<Json>(query, { code: "9999" }, { as: "viewer" })).officeByCode).toBeNull();
  });

  it("loads an office through node(id)", async () => {
    const query = `query($id: ID!) { node(id: $id) { __typename id ... on Office { name } } }`;
    const id = gid("Office", f.offices.drammen.id);
    expect(dataOf(await api.graphql<Json>(query, { id }, { as: "viewer" })).node).toEqual({
      __typename: "Office",
      id,
      name: "Nav Drammen",
    });
  });
});

describe("currentStaffCount", () => {
  const query = `{ currentStaffCount }`;

  it("counts each person with an assignment running today once", async () => {
    // Kari and Nora, and Ola (one current and one ended assignment) count once.
    expect(dataOf(await api.graphql<{ currentStaffCount: number }>(query, {}, { as: "viewer" })).currentStaffCount).toBe(3);
  });

  it("leaves out people whose assignments have ended or not started yet", async () => {
    const db = api.db;
    const [left, starting] = await Promise.all([
      db.person.create({ data: { name: "Per Sluttet", email: "per.sluttet@nav.test", employer: "STATE" } }),
      db.person.create({ data: { name: "Siri Ny", email: "siri.ny@nav.test", employer: "MUNICIPAL" } }),
    ]);
    const base = { roleId: f.roles.veileder.id, teamId: f.teams.mottak.id, fte: "1.00" };
    await db.assignment.create({
      data: { ...base, personId: left.id, startDate: new Date("2015-01-01"), endDate: new Date("2016-12-31") },
    });
    await db.assignment.create({ data: { ...base, personId: starting.id, startDate: new Date("2999-01-01") } });
    try {
      expect(dataOf(await api.graphql<{ currentStaffCount: number }>(query, {}, { as: "viewer" })).currentStaffCount).toBe(3);
    } finally {
      await db.assignment.deleteMany({ where: { personId: { in: [left.id, starting.id] } } });
      await db.person.deleteMany({ where: { id: { in: [left.id, starting.id] } } });
    }
  });

  it("needs a Samla role", async () => {
    const result = await api.graphql(query, {}, { as: null });
    expect(result.errors?.[0]).toBeDefined();
  });
});
