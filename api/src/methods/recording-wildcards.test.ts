// Themes and dimensions keep the spelling already in use, matched ignoring case: `%`, `_`
// and `\` in what the user typed are letters, not LIKE wildcards (issue 13, finding 5).
// Its own file and database: the theme and dimension lists are global.
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

const RECORD_INSIGHT = `mutation($input: RecordUserInsightInput!) { recordUserInsight(input: $input) {
  __typename ... on Error { message } ... on RecordUserInsightPayload { userInsight { theme } } } }`;
const RECORD_CULTURE = `mutation($input: RecordCultureAssessmentInput!) { recordCultureAssessment(input: $input) {
  __typename ... on Error { message } ... on RecordCultureAssessmentPayload { cultureAssessments { dimension } } } }`;

async function recordTheme(theme: string): Promise<string> {
  const input = { officeId: gid("Office", f.offices.drammen.id), theme, kind: "QUOTE", text: "Sitat", interviewedOn: "2025-01-10" };
  const result = dataOf(await api.graphql<Json>(RECORD_INSIGHT, { input }, { as: "planner" })).recordUserInsight;
  expect(result.__typename, JSON.stringify(result)).toBe("RecordUserInsightPayload");
  return result.userInsight.theme;
}

async function recordDimension(dimension: string): Promise<string> {
  const input = {
    officeId: gid("Office", f.offices.drammen.id),
    assessedOn: "2025-01-10",
    dimensions: [{ dimension, currentScore: 2, targetScore: 4 }],
  };
  const result = dataOf(await api.graphql<Json>(RECORD_CULTURE, { input }, { as: "planner" })).recordCultureAssessment;
  expect(result.__typename, JSON.stringify(result)).toBe("RecordCultureAssessmentPayload");
  return result.cultureAssessments[0].dimension;
}

describe("LIKE wildcards in recorded names", () => {
  it("stores a theme of wildcards as typed, and still reuses the spelling of a theme in other case", async () => {
    expect(await recordTheme("Ventetid")).toBe("Ventetid");
    expect(await recordTheme("_%")).toBe("_%");
    expect(await recordTheme("Vente_id")).toBe("Vente_id");
    expect(await recordTheme("a\\")).toBe("a\\");
    expect(await recordTheme("VENTETID")).toBe("Ventetid");
    const themes = dataOf(await api.graphql<Json>(`{ userInsightThemes }`, {}, { as: "viewer" })).userInsightThemes;
    expect(themes).toEqual(expect.arrayContaining(["Ventetid", "_%", "Vente_id", "a\\"]));
  });

  it("stores a dimension of wildcards as typed, and filters by it exactly", async () => {
    expect(await recordDimension("Brukerorientering")).toBe("Brukerorientering");
    expect(await recordDimension("%")).toBe("%");
    expect(await recordDimension("brukerorientering")).toBe("Brukerorientering");
    const byDimension = async (dimension: string) =>
      dataOf(
        await api.graphql<Json>(
          `query($id: ID!, $dimension: String) { node(id: $id) { ... on Office { cultureAssessments(dimension: $dimension) { edges { node { dimension } } } } } }`,
          { id: gid("Office", f.offices.drammen.id), dimension },
          { as: "viewer" },
        ),
      ).node.cultureAssessments.edges.map((edge: Json) => edge.node.dimension);
    expect(await byDimension("%")).toEqual(["%"]);
    expect(await byDimension("BRUKERORIENTERING")).toEqual(["Brukerorientering", "Brukerorientering"]);
    // A trailing backslash is an invalid LIKE pattern unless escaped.
    expect(await byDimension("x\\")).toEqual([]);
  });
});
