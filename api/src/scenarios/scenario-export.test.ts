import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, date, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi } from "../../test/harness";

let api: TestApi;
let f: Fixtures;
let scenarioId: string;

async function mutate(mutation: string, input: Record<string, unknown>, returns = "") {
  const type = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}`;
  const result = dataOf(
    await api.graphql<Json>(
      `mutation($input: ${type}Input!) { ${mutation}(input: $input) {
        __typename ... on ${type}Payload { scenario { id version } ${returns} } ... on Error { message }
      } }`,
      { input },
      { as: "planner" },
    ),
  )[mutation];
  expect(result.__typename, result.message).toBe(`${type}Payload`);
  return result;
}

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
  const merger = await api.db.merger.create({
    data: {
      name: "Nav Romerike og Drammen",
      targetOfficeId: f.offices.planned.id,
      effectiveDate: date("2030-01-01"),
      sourceOffices: { connect: [{ id: f.offices.lillestrom.id }, { id: f.offices.drammen.id }] },
    },
  });
  const created = await mutate("createScenario", { name: "Alternativ Å", mergerId: gid("Merger", merger.id), base: "AS_IS" });
  scenarioId = created.scenario.id;
  const design = dataOf(
    await api.graphql<Json>(
      `query($id: ID!) { scenario(id: $id) { teams { id name } positions(first: 50) { edges { node { id person { name } } } } } }`,
      { id: scenarioId },
    ),
  ).scenario;
  const positionOf = (name: string) => design.positions.edges.find((e: Json) => e.node.person?.name === name).node.id;
  const team = (name: string) => design.teams.find((t: Json) => t.name === name).id;
  let version = created.scenario.version;
  // Ola's position closes (he is left without one); a new team gets a vacant position in wave 2.
  version = (await mutate("closeScenarioPosition", { scenarioId, version, positionId: positionOf("Ola Prøvesen") })).scenario.version;
  const marked = await mutate(
    "addScenarioTeam",
    { scenarioId, version, name: "Marked", parentId: team("Oppfølging"), serviceIds: [gid("Service", f.services.dagpenger.id)] },
    "team { id }",
  );
  version = marked.scenario.version;
  await mutate("addScenarioPosition", {
    scenarioId,
    version,
    teamId: marked.team.id,
    roleId: gid("Role", f.roles.veileder.id),
    fte: 0.8,
    reportsToId: positionOf("Kari Testesen"),
    wave: 2,
  });
});
afterAll(() => api?.close());

const EXPORT = /* GraphQL */ `
  query($id: ID!, $format: ExportFormat) { scenarioExport(id: $id, format: $format) { fileName contentType contentBase64 } }
`;

/** Every sheet of the workbook as rows of cell values (numbers stay numbers). */
async function workbook(base64: string): Promise<Map<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, "base64") as unknown as ExcelJS.Buffer);
  const sheets = new Map<string, unknown[][]>();
  for (const sheet of book.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      rows.push((row.values as unknown[]).slice(1).map((value) => value ?? null));
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

/** Rows padded to the header's width, so empty trailing cells compare as null. */
const padded = (rows: unknown[][], width: number) => rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));

describe("scenarioExport", () => {
  it("gives an XLSX workbook with the sheets Design, Endringer, Effekt and Helsesjekk", async () => {
    const file = dataOf(await api.graphql<Json>(EXPORT, { id: scenarioId }, { as: "viewer" })).scenarioExport;
    expect(file.fileName).toBe("scenario-alternativ-a.xlsx");
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const sheets = await workbook(file.contentBase64);
    expect([...sheets.keys()]).toEqual(["Design", "Endringer", "Effekt", "Helsesjekk"]);

    const [header, ...design] = sheets.get("Design")!;
    expect(header).toEqual([
      "Team",
      "Overordnet team",
      "Kontor",
      "Tjenester",
      "Teamets handling",
      "Rolle",
      "Person",
      "Stillingsandel",
      "Rapporterer til",
      "Stillingens handling",
      "Virkningsdato",
      "Bølge",
    ]);
    const planned = "Nav Vestlandet planlagt";
    expect(padded(design, header!.length).sort((a, b) => String(a).localeCompare(String(b)))).toEqual(
      [
        ["Marked", "Oppfølging", planned, "Veiledning om dagpenger", "Ny", "Veileder", "Ledig", 0.8, "Nav-leder (Kari Testesen)", "Ny", "2030-01-01", 2],
        ["Mottak", null, planned, "Økonomisk sosialhjelp", "Uendret", null, null, null, null, null, "2030-01-01", null],
        ["Oppfølging", null, planned, "Arbeidsrettet oppfølging, Veiledning om dagpenger", "Uendret", "Nav-leder", "Kari Testesen", 1, null, "Uendret", "2030-01-01", null],
        ["Sosialtjenesten", null, planned, null, "Uendret", "Saksbehandler", "Nora Eksempel", 0.5, null, "Uendret", "2030-01-01", null],
        ["Ungdomsteamet", "Oppfølging", planned, "Arbeidsrettet oppfølging", "Uendret", "Veileder", "Ola Prøvesen", 0.6, "Nav-leder (Kari Testesen)", "Avviklet", "2030-01-01", null],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );

    const [changesHeader, ...changes] = sheets.get("Endringer")!;
    expect(changesHeader).toEqual(["Versjon", "Tidspunkt", "Utført av", "Endring", "Type", "Angret"]);
    expect(changes.map((row) => [row[0], row[2], row[4], row[5]])).toEqual([
      [2, "Pia Planlegger", "closeScenarioPosition", "Nei"],
      [3, "Pia Planlegger", "addScenarioTeam", "Nei"],
      [4, "Pia Planlegger", "addScenarioPosition", "Nei"],
    ]);
    expect(changes.every((row) => typeof row[3] === "string" && (row[3] as string).length > 0)).toBe(true);

    const [impactHeader, ...impact] = sheets.get("Effekt")!;
    expect(impactHeader).toEqual(["Del", "Navn", "Mål", "Før", "Etter", "Endring", "Merknad"]);
    const measure = (section: string, name: string, what: string) =>
      impact.find((row) => row[0] === section && row[1] === name && row[2] === what)?.slice(3, 6);
    // Kari 1.0, Ola 0.6, Nora 0.5 before; Ola's position closes.
    expect(measure("Totalt", "Alle", "Personer")).toEqual([3, 2, -1]);
    expect(measure("Totalt", "Alle", "Årsverk")).toEqual([2.1, 1.5, -0.6]);
    expect(measure("Totalt", "Alle", "Ledige stillinger")).toEqual([0, 1, 1]);
    expect(measure("Per kontor", "Nav Lillestrøm", "Personer")).toEqual([2, 0, -2]);
    expect(measure("Per kontor", planned, "Personer")).toEqual([0, 2, 2]);
    expect(measure("Per arbeidsgiver", "Kommunalt ansatte", "Personer")).toEqual([1, 0, -1]);
    expect(measure("Kontrollspenn og nivåer", "Ledere med underordnede", "Ledere med underordnede")).toEqual([1, 1, 0]);
    expect(impact.filter((row) => row[0] === "Tjenestedekning").map((row) => [row[1], row[6]])).toEqual([
      ["Arbeidsrettet oppfølging", "Dekket"],
      ["Veiledning om dagpenger", "Dekket"],
      ["Økonomisk sosialhjelp", "Dekket"],
    ]);
    expect(impact.filter((row) => row[0] === "Ledige stillinger").map((row) => [row[1], row[4]])).toEqual([["Veileder i Marked", 0.8]]);
    expect(impact.filter((row) => row[0] === "Personer uten stilling").map((row) => row[1])).toEqual(["Ola Prøvesen"]);

    const [healthHeader, ...health] = sheets.get("Helsesjekk")!;
    expect(healthHeader).toEqual(["Sjekk", "Kode", "Alvorlighet", "Resultat", "Terskel", "Melding", "Element", "Type", "Verdi", "Merknad"]);
    expect([...new Set(health.map((row) => row[1]))].sort()).toEqual([
      "CHAIN_TOO_DEEP",
      "FTE_OVER_LIMIT",
      "LEADER_MISSING",
      "SERVICE_WITHOUT_TEAM",
      "SPAN_TOO_NARROW",
      "SPAN_TOO_WIDE",
      "TEAM_TOO_SMALL",
    ]);
    const coverage = health.find((row) => row[1] === "SERVICE_WITHOUT_TEAM")!;
    expect(coverage.slice(0, 4)).toEqual(["Tjeneste uten team", "SERVICE_WITHOUT_TEAM", "Feil", "OK"]);
    // Every team is below the default minimum size of 3: the check names them one row each.
    const small = health.filter((row) => row[1] === "TEAM_TOO_SMALL");
    expect(small.every((row) => row[2] === "Advarsel" && row[3] === "Advarsel" && row[4] === 3 && row[7] === "Team")).toBe(true);
    expect(small.map((row) => row[6])).toContain("Marked");
  });

  it("gives the Design sheet as CSV", async () => {
    const file = dataOf(await api.graphql<Json>(EXPORT, { id: scenarioId, format: "CSV" }, { as: "viewer" })).scenarioExport;
    expect(file).toMatchObject({ fileName: "scenario-alternativ-a.csv", contentType: "text/csv; charset=utf-8" });
    const lines = Buffer.from(file.contentBase64, "base64").toString("utf8").replace(/^\uFEFF/, "").trim().split(/\r\n/);
    expect(lines[0]).toBe(
      "Team,Overordnet team,Kontor,Tjenester,Teamets handling,Rolle,Person,Stillingsandel,Rapporterer til,Stillingens handling,Virkningsdato,Bølge",
    );
    expect(lines).toHaveLength(6);
    expect(lines).toContain("Marked,Oppfølging,Nav Vestlandet planlagt,Veiledning om dagpenger,Ny,Veileder,Ledig,0.8,Nav-leder (Kari Testesen),Ny,2030-01-01,2");
  });

  it("is null for a scenario that does not exist, and needs a Samla role", async () => {
    expect(dataOf(await api.graphql<Json>(EXPORT, { id: gid("Scenario", "finnes-ikke") }, { as: "viewer" })).scenarioExport).toBeNull();
    expect(errorCode(await api.graphql<Json>(EXPORT, { id: scenarioId }, { as: null }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.graphql<Json>(EXPORT, { id: scenarioId }, { as: "noRole" }))).toBe("FORBIDDEN");
  });
});

describe("scenarioExport escapes formulas (OWASP CSV injection)", () => {
  const HOSTILE = ['=HYPERLINK("http://angriper.test","Klikk")', "+1+2", "-2+3", "@SUM(A1:A2)"];

  /** A scenario of its own with a team per hostile name. */
  async function hostileScenario(): Promise<string> {
    const merger = await api.db.merger.create({
      data: {
        name: "Formelsammenslåing",
        targetOfficeId: f.offices.planned.id,
        effectiveDate: date("2031-01-01"),
        sourceOffices: { connect: [{ id: f.offices.drammen.id }] },
      },
    });
    const created = await mutate("createScenario", { name: "=1+1", mergerId: gid("Merger", merger.id), base: "AS_IS" });
    let version = created.scenario.version;
    for (const name of HOSTILE) {
      version = (await mutate("addScenarioTeam", { scenarioId: created.scenario.id, version, name }, "team { id }")).scenario.version;
    }
    return created.scenario.id;
  }

  it("prefixes formula-like text with a quote in CSV and XLSX, and keeps numbers (also negative ones) numeric", async () => {
    const id = await hostileScenario();
    const csvFile = dataOf(await api.graphql<Json>(EXPORT, { id, format: "CSV" }, { as: "viewer" })).scenarioExport;
    const csv = Buffer.from(csvFile.contentBase64, "base64").toString("utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://angriper.test"",""Klikk"")"`);
    expect(csv).toContain(`"'+1+2"`);
    expect(csv).toContain(`"'-2+3"`);
    expect(csv).toContain(`"'@SUM(A1:A2)"`);
    // No line of the file starts a cell with a bare formula character.
    for (const line of csv.replace(/^\uFEFF/, "").split(/\r\n/)) {
      expect(line.split(",").some((cell) => /^[=+\-@]/.test(cell)), line).toBe(false);
    }

    const xlsxFile = dataOf(await api.graphql<Json>(EXPORT, { id }, { as: "viewer" })).scenarioExport;
    const sheets = await workbook(xlsxFile.contentBase64);
    const teamNames = sheets.get("Design")!.slice(1).map((row) => row[0]);
    expect(teamNames).toEqual(expect.arrayContaining(HOSTILE.map((name) => `'${name}`)));
    const everyCell = [...sheets.values()].flat(2);
    expect(everyCell.filter((cell) => typeof cell === "string" && /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    // Formula objects never appear: each cell is plain text, a number, a date or empty.
    expect(everyCell.every((cell) => cell === null || ["string", "number"].includes(typeof cell) || cell instanceof Date)).toBe(true);
    const impact = sheets.get("Effekt")!;
    const negative = impact.flat().filter((cell) => typeof cell === "number" && cell < 0);
    expect(negative.length).toBeGreaterThan(0);
  });
});
