import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, type Json, type TestApi } from "../../test/harness";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(() => api?.close());

describe("people", () => {
  const PEOPLE = `query($text: String, $first: Int) {
    people(text: $text, first: $first) { totalCount edges { node { id name email employer assignments { role { code } team { name office { name } } } } } }
  }`;

  it("lists people by name with their current assignments", async () => {
    const people = dataOf(await api.graphql<Json>(PEOPLE, {}, { as: "hr" })).people;
    expect(people.totalCount).toBe(3);
    expect(people.edges.map((e: Json) => e.node.name)).toEqual(["Kari Testesen", "Nora Eksempel", "Ola Prøvesen"]);
    const ola = people.edges[2].node;
    expect(ola).toMatchObject({ id: gid("Person", f.people.ola.id), employer: "MUNICIPAL" });
    expect(ola.assignments).toEqual([{ role: { code: "VEIL" }, team: { name: "Ungdomsteamet", office: { name: "Nav Lillestrøm" } } }]);
  });

  it("searches by part of the name or e-mail", async () => {
    const byName = dataOf(await api.graphql<Json>(PEOPLE, { text: "prøve" }, { as: "viewer" })).people;
    expect(byName.edges.map((e: Json) => e.node.name)).toEqual(["Ola Prøvesen"]);
    const byEmail = dataOf(await api.graphql<Json>(PEOPLE, { text: "NORA@" }, { as: "viewer" })).people;
    expect(byEmail.totalCount).toBe(1);
  });
});

describe("municipalities", () => {
  it("lists current municipalities by number, and historic ones on request", async () => {
    const current = dataOf(await api.graphql<Json>(`{ municipalities { number name offices { name } } }`, {}, { as: "viewer" })).municipalities;
    expect(current).toEqual([
      { number: "3005", name: "Drammen", offices: [{ name: "Nav Drammen" }] },
      { number: "3024", name: "Bærum", offices: [{ name: "Nav Bærum" }] },
      { number: "3030", name: "Lillestrøm", offices: [{ name: "Nav Lillestrøm" }] },
    ]);
    const all = dataOf(
      await api.graphql<Json>(`{ municipalities(includeHistoric: true, text: "skeds") { number validTo mergedInto { name } } }`, {}, { as: "viewer" }),
    ).municipalities;
    expect(all).toEqual([{ number: "0231", validTo: "2019-12-31", mergedInto: { name: "Lillestrøm" } }]);
  });
});
