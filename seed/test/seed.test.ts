// Seeds the pilot data set into an in-memory PGlite and checks it against the domain
// facts and the database rules.
import { applyMigrations, createDb, openPGlite, type PrismaClient } from "@samla/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TODAY, DEMO_LEADER, DEMO_LEADER_2, MUNICIPAL_MINIMUM_SERVICE_CODES, seedDatabase, type SeedProgress, type SeedSummary } from "../src/index";

let db: PrismaClient;
let first: SeedSummary;
const progress: SeedProgress[] = [];

beforeAll(async () => {
  const pg = openPGlite("pglite:memory");
  await applyMigrations((sql) => pg.exec(sql));
  db = createDb("pglite:memory", { pglite: pg });
  first = await seedDatabase(db, { scale: "pilot", onProgress: (p) => progress.push(p) });
});

afterAll(async () => {
  await db?.$disconnect();
});

const today = new Date(`${DEFAULT_TODAY}T00:00:00Z`);

async function linkCounts() {
  const [row] = await db.$queryRaw<{ om: number; ms: number; ts: number }[]>`
    SELECT (SELECT count(*)::int FROM "_OfficeMunicipalities") AS om,
           (SELECT count(*)::int FROM "_MergerSources") AS ms,
           (SELECT count(*)::int FROM "_TeamServices") AS ts`;
  return row;
}

describe("pilot seed", () => {
  it("reports what exists afterwards", async () => {
    expect(first.offices).toBe(await db.office.count());
    expect(first.persons).toBe(await db.person.count());
    expect(first.assignments).toBeGreaterThan(first.persons);
    expect(first).toMatchObject({ mergers: 12, services: 11, roles: 10 });
  });

  it("knows every demo SSO user, so HR can link people before they sign in", async () => {
    const users = await db.ssoUser.findMany({ orderBy: { username: "asc" } });
    expect(users.map((u) => u.username)).toEqual(["admin", "hr", "leader", "leader2", "planner", "planner2", "viewer"]);
    const leader = users.find((u) => u.username === "leader")!;
    expect(leader).toMatchObject({ subject: DEMO_LEADER.ssoSubject, email: DEMO_LEADER.email, lastSeenAt: null });
    // Seeding again leaves them as they are.
    await seedDatabase(db, { scale: "pilot" });
    expect(await db.ssoUser.count()).toBe(users.length);
  });

  it("reports progress per phase, ending each phase complete", () => {
    const last = new Map(progress.map((p) => [p.phase, p]));
    expect([...last.keys()]).toEqual(expect.arrayContaining(["offices", "teams", "persons", "assignments"]));
    for (const p of last.values()) expect(p.done).toBe(p.total);
  });

  it("has Nav Lillestrøm as spearhead and four more pilots", async () => {
    const pilots = await db.office.findMany({ where: { isPilot: true }, orderBy: { code: "asc" } });
    expect(pilots.map((o) => o.name).sort()).toEqual(
      ["Nav Asker", "Nav Drammen", "Nav Indre Østfold", "Nav Kristiansand", "Nav Lillestrøm"].sort(),
    );
    expect(pilots.every((o) => o.status === "ACTIVE")).toBe(true);
    const spearheads = await db.office.findMany({ where: { isSpearhead: true } });
    expect(spearheads.map((o) => [o.name, o.code])).toEqual([["Nav Lillestrøm", "3030"]]);
  });

  it("has the 11 mergers of the reform, completed, with the right source offices", async () => {
    const mergers = await db.merger.findMany({
      where: { status: "COMPLETED" },
      include: { targetOffice: true, sourceOffices: { include: { municipalities: true } } },
    });
    const byTarget = Object.fromEntries(
      mergers.map((m) => [
        m.targetOffice.name,
        {
          sources: m.sourceOffices.flatMap((o) => o.municipalities.map((k) => k.name)).sort(),
          date: m.effectiveDate.toISOString().slice(0, 10),
        },
      ]),
    );
    const reform = "2020-01-01";
    expect(byTarget).toEqual({
      "Nav Lillestrøm": { sources: ["Fet", "Skedsmo", "Sørum"], date: reform },
      "Nav Drammen": { sources: ["Drammen", "Nedre Eiker", "Svelvik"], date: reform },
      "Nav Asker": { sources: ["Asker", "Hurum", "Røyken"], date: reform },
      "Nav Indre Østfold": { sources: ["Askim", "Eidsberg", "Hobøl", "Spydeberg", "Trøgstad"], date: reform },
      "Nav Kristiansand": { sources: ["Kristiansand", "Songdalen", "Søgne"], date: reform },
      "Nav Stavanger": { sources: ["Finnøy", "Rennesøy", "Stavanger"], date: reform },
      "Nav Nordre Follo": { sources: ["Oppegård", "Ski"], date: reform },
      "Nav Moss": { sources: ["Moss", "Rygge"], date: reform },
      "Nav Trondheim": { sources: ["Klæbu", "Trondheim"], date: reform },
      "Nav Sandefjord": { sources: ["Andebu", "Sandefjord", "Stokke"], date: "2017-01-01" },
      "Nav Færder": { sources: ["Nøtterøy", "Tjøme"], date: "2018-01-01" },
    });
    expect(mergers.find((m) => m.targetOffice.code === "3030")?.name).toBe("Sammenslåing Nav Lillestrøm");
  });

  it("closes every source office the day before its merger and opens the target on the day", async () => {
    const mergers = await db.merger.findMany({ where: { status: "COMPLETED" }, include: { targetOffice: true, sourceOffices: true } });
    for (const m of mergers) {
      const dayBefore = new Date(m.effectiveDate.getTime() - 86_400_000);
      expect(m.targetOffice.status).toBe("ACTIVE");
      expect(m.targetOffice.validFrom).toEqual(m.effectiveDate);
      for (const source of m.sourceOffices) {
        expect(source.status).toBe("MERGED");
        expect(source.validTo).toEqual(dayBefore);
      }
    }
  });

  it("gives every office dates that agree with its status on the seed's today (status is read from dates: docs/decisions/008)", async () => {
    const offices = await db.office.findMany();
    const disagreeing = offices.filter((o) => {
      const started = o.validFrom <= today;
      const ended = o.validTo !== null && o.validTo < today;
      if (o.status === "PLANNED") return started;
      if (o.status === "ACTIVE") return !started || ended;
      return !ended; // MERGED or CLOSED: over by today
    });
    expect(disagreeing.map((o) => `${o.code} ${o.status}`)).toEqual([]);
  });

  it("has one proposed future merger, labelled as a planning example", async () => {
    const proposed = await db.merger.findMany({ where: { status: "PROPOSED" }, include: { targetOffice: true, sourceOffices: true } });
    expect(proposed).toHaveLength(1);
    expect(proposed[0]?.name).toContain("planleggingseksempel");
    expect(proposed[0]?.effectiveDate.getTime()).toBeGreaterThan(today.getTime());
    expect(proposed[0]?.targetOffice.status).toBe("PLANNED");
    expect(proposed[0]?.sourceOffices.every((o) => o.status === "ACTIVE")).toBe(true);
    expect(proposed[0]?.name).toBe("Sammenslåing Nav Gjøvik og Toten (planleggingseksempel)");
    expect(proposed[0]?.description).toMatch(/^Oppdiktet/);
    expect(proposed[0]?.effectiveDate).toEqual(new Date("2028-01-01T00:00:00Z"));
    expect(proposed[0]?.sourceOffices.map((o) => `${o.code} ${o.name}`).sort()).toEqual([
      "3407 Nav Gjøvik",
      "3442 Nav Østre Toten",
      "3443 Nav Vestre Toten",
    ]);
    const target = await db.office.findUniqueOrThrow({ where: { code: "3490" }, include: { municipalities: true } });
    expect(target.name).toBe("Nav Gjøvik og Toten (planleggingseksempel)");
    expect(target.municipalities.map((m) => m.number).sort()).toEqual(["3407", "3442", "3443"]);
  });

  it("records the municipalities merged into the new ones, with real numbers", async () => {
    const skedsmo = await db.municipality.findUnique({ where: { number: "0231" }, include: { mergedInto: true } });
    expect(skedsmo).toMatchObject({ name: "Skedsmo", validTo: new Date("2019-12-31T00:00:00Z") });
    expect(skedsmo?.mergedInto).toMatchObject({ number: "3030", name: "Lillestrøm", validFrom: new Date("2020-01-01T00:00:00Z") });
    const notMerged = await db.municipality.findMany({ where: { number: { in: ["3024", "3443"] } }, orderBy: { number: "asc" } });
    expect(notMerged.map((m) => [m.name, m.validTo, m.mergedIntoId])).toEqual([
      ["Bærum", null, null],
      ["Vestre Toten", null, null],
    ]);
    const bareumOffice = await db.office.findMany({ where: { name: { in: ["Nav Bærum", "Nav Vestre Toten"] } } });
    expect(bareumOffice.map((o) => o.status)).toEqual(["ACTIVE", "ACTIVE"]);
  });

  it("has every active office deliver every municipal minimum service (and every other service)", async () => {
    const rows = await db.$queryRaw<{ code: string; municipal: number; all: number }[]>`
      SELECT o.code,
             count(DISTINCT s.id) FILTER (WHERE s.code = ANY(${[...MUNICIPAL_MINIMUM_SERVICE_CODES]}::text[]))::int AS municipal,
             count(DISTINCT s.id)::int AS all
      FROM "Office" o
      LEFT JOIN "Team" t ON t."officeId" = o.id
      LEFT JOIN "_TeamServices" ts ON ts."B" = t.id
      LEFT JOIN "Service" s ON s.id = ts."A"
      WHERE o.status = 'ACTIVE'
      GROUP BY o.code`;
    expect(rows.length).toBe(await db.office.count({ where: { status: "ACTIVE" } }));
    const services = await db.service.count();
    for (const row of rows) expect(row, row.code).toMatchObject({ municipal: 4, all: services });
  });

  it("puts nobody above 1.0 FTE today", async () => {
    const over = await db.$queryRaw<{ personId: string; total: string }[]>`
      SELECT "personId", sum(fte)::text AS total FROM "Assignment"
      WHERE "startDate" <= ${today}::date AND ("endDate" IS NULL OR "endDate" >= ${today}::date)
      GROUP BY "personId" HAVING sum(fte) > 1`;
    expect(over).toEqual([]);
    const [partTime] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT "personId" FROM "Assignment"
        WHERE "startDate" <= ${today}::date AND ("endDate" IS NULL OR "endDate" >= ${today}::date)
        GROUP BY "personId" HAVING count(*) > 1) two`;
    expect(partTime?.n).toBeGreaterThan(0);
  });

  it("puts nobody above 1.0 FTE on any day", async () => {
    // A person's total FTE peaks on the first day of one of their assignments.
    const over = await db.$queryRaw<{ personId: string }[]>`
      SELECT a."personId" FROM "Assignment" a
      JOIN "Assignment" b ON b."personId" = a."personId"
        AND b."startDate" <= a."startDate" AND (b."endDate" IS NULL OR b."endDate" >= a."startDate")
      GROUP BY a.id, a."personId" HAVING sum(b.fte) > 1`;
    expect(over).toEqual([]);
  });

  it("never overlaps assignments of the same person, role and team", async () => {
    const overlaps = await db.$queryRaw<{ id: string }[]>`
      SELECT a.id FROM "Assignment" a JOIN "Assignment" b
        ON a."personId" = b."personId" AND a."roleId" = b."roleId" AND a."teamId" = b."teamId" AND a.id < b.id
       AND daterange(a."startDate", a."endDate", '[]') && daterange(b."startDate", b."endDate", '[]')`;
    expect(overlaps).toEqual([]);
  });

  it("keeps history: assignments in merged offices ended by the day before the merger", async () => {
    const [row] = await db.$queryRaw<{ total: number; open: number }[]>`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE a."endDate" IS NULL OR a."endDate" > o."validTo")::int AS open
      FROM "Assignment" a JOIN "Team" t ON t.id = a."teamId" JOIN "Office" o ON o.id = t."officeId"
      WHERE o.status = 'MERGED'`;
    expect(row?.total).toBeGreaterThan(100);
    expect(row?.open).toBe(0);
  });

  it("gives every active office one Nav-leder today and every team a leader, and staff report to leaders", async () => {
    const leaders = await db.$queryRaw<{ code: string; n: number }[]>`
      SELECT o.code, count(*)::int AS n FROM "Assignment" a
      JOIN "Role" r ON r.id = a."roleId" JOIN "Team" t ON t.id = a."teamId" JOIN "Office" o ON o.id = t."officeId"
      WHERE r.code = 'NAV_LEDER' AND o.status = 'ACTIVE' AND a."endDate" IS NULL
      GROUP BY o.code`;
    expect(leaders.length).toBe(await db.office.count({ where: { status: "ACTIVE" } }));
    expect(leaders.every((l) => l.n === 1)).toBe(true);

    const leaderless = await db.$queryRaw<{ id: string }[]>`
      SELECT t.id FROM "Team" t JOIN "Office" o ON o.id = t."officeId"
      WHERE o.status = 'ACTIVE' AND NOT EXISTS (
        SELECT 1 FROM "Assignment" a JOIN "Role" r ON r.id = a."roleId"
        WHERE a."teamId" = t.id AND r.category = 'LEADER' AND a."endDate" IS NULL)`;
    expect(leaderless).toEqual([]);

    const [unmanaged] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Assignment" a JOIN "Role" r ON r.id = a."roleId"
      WHERE r.code <> 'NAV_LEDER' AND a."reportsToId" IS NULL`;
    expect(unmanaged?.n).toBe(0);
  });

  it("sizes offices by their staff: Lillestrøm about 120, small offices 10-30", async () => {
    const staff = await db.$queryRaw<{ code: string; n: number }[]>`
      SELECT o.code, count(DISTINCT a."personId")::int AS n FROM "Assignment" a
      JOIN "Team" t ON t.id = a."teamId" JOIN "Office" o ON o.id = t."officeId"
      WHERE o.status = 'ACTIVE' AND a."endDate" IS NULL GROUP BY o.code`;
    const byCode = Object.fromEntries(staff.map((s) => [s.code, s.n]));
    expect(byCode["3030"]).toBe(120);
    for (const code of ["3005", "3025", "3014", "4204"]) expect(byCode[code]).toBeGreaterThanOrEqual(60);
    expect(byCode["3443"]).toBeLessThanOrEqual(30);
  });

  it("mixes state and municipal staff, municipal mostly in social services", async () => {
    const rows = await db.$queryRaw<{ social: boolean; employer: string; n: number }[]>`
      SELECT (t.name ILIKE '%sosial%') AS social, p.employer::text AS employer, count(DISTINCT p.id)::int AS n
      FROM "Assignment" a JOIN "Person" p ON p.id = a."personId" JOIN "Team" t ON t.id = a."teamId"
      WHERE a."endDate" IS NULL GROUP BY 1, 2`;
    const n = (social: boolean, employer: string) => rows.find((r) => r.social === social && r.employer === employer)?.n ?? 0;
    expect(n(true, "MUNICIPAL")).toBeGreaterThan(n(true, "STATE") * 3);
    expect(n(false, "STATE")).toBeGreaterThan(n(false, "MUNICIPAL"));
    const persons = await db.person.findMany({ select: { email: true, employer: true, ssoSubject: true } });
    for (const p of persons.filter((x) => !x.ssoSubject)) {
      expect(p.email).toMatch(p.employer === "STATE" ? /@nav\.example$/ : /@kommune\.example$/);
    }
  });

  it("links the demo leader to the Nav-leder of Nav Lillestrøm", async () => {
    const leader = await db.person.findUnique({
      where: { ssoSubject: DEMO_LEADER.ssoSubject },
      include: { assignments: { include: { role: true, team: { include: { office: true } } } } },
    });
    expect(leader).toMatchObject({ name: "Liv Leder", email: "leader@samla.example" });
    const current = leader?.assignments.filter((a) => a.endDate === null);
    expect(current?.map((a) => [a.role.code, a.team.office.name, a.team.office.status])).toEqual([
      ["NAV_LEDER", "Nav Lillestrøm", "ACTIVE"],
    ]);
  });

  it("changes nothing when run again", async () => {
    const links = await linkCounts();
    const again = await seedDatabase(db, { scale: "pilot" });
    expect(again).toEqual(first);
    expect(await linkCounts()).toEqual(links);
  });
});

describe("pilot seed: working methods", () => {
  it("loads the methodology and the pilots' records", async () => {
    expect(first).toMatchObject({
      practices: 12,
      kpis: 6,
      maturityAssessments: 5 * 12 * 8,
      processFlows: 10,
      // The pilots' and, since issue 7, the 14 offices of waves 2 and 3.
      kpiMeasurements: (5 + 14) * 6 * 24,
      cultureAssessments: 72,
    });
    expect(first.userInsights).toBe(await db.userInsight.count());
    expect(await db.practiceVersion.count()).toBe(14);
    const inWaves = await db.officeRollout.findMany({ where: { leftAt: null }, select: { officeId: true } });
    const recorded = await db.kpiMeasurement.groupBy({ by: ["officeId"], _count: true });
    expect(recorded.map((r) => r.officeId).sort()).toEqual(inWaves.map((p) => p.officeId).sort());
    expect(recorded.every((r) => r._count === 6 * 24)).toBe(true);
  });

  it("stores KPI periods on the first of the month and levels 0-4 against versions of the same practice", async () => {
    const [row] = await db.$queryRaw<{ notFirst: number; badLevel: number; wrongVersion: number }[]>`
      SELECT (SELECT count(*)::int FROM "KpiMeasurement" WHERE EXTRACT(DAY FROM period) <> 1) AS "notFirst",
             (SELECT count(*)::int FROM "MaturityAssessment" WHERE level NOT BETWEEN 0 AND 4) AS "badLevel",
             (SELECT count(*)::int FROM "MaturityAssessment" a JOIN "PracticeVersion" v ON v.id = a."practiceVersionId"
               WHERE v."practiceId" <> a."practiceId") AS "wrongVersion"`;
    expect(row).toEqual({ notFirst: 0, badLevel: 0, wrongVersion: 0 });
  });

  it("gives Nav Drammen a shorter financial social assistance flow than Nav Lillestrøm today", async () => {
    const rows = await db.$queryRaw<{ code: string; lead: number }[]>`
      SELECT DISTINCT ON (o.code) o.code, (SELECT sum(s."durationDays" + s."waitingDays")::float8 FROM "ProcessStep" s WHERE s."flowId" = f.id) AS lead
      FROM "ProcessFlow" f JOIN "Office" o ON o.id = f."officeId" JOIN "Service" sv ON sv.id = f."serviceId"
      WHERE sv.code = 'OKSOS' AND f."recordedOn" <= ${today}::date
      ORDER BY o.code, f."recordedOn" DESC`;
    const lead = Object.fromEntries(rows.map((r) => [r.code, r.lead]));
    expect(lead).toMatchObject({ "3005": 11.5, "3030": 18.5 });
    expect(Math.min(...Object.values(lead))).toBe(lead["3005"]);
  });
});

describe("pilot seed: rollout and adoption", () => {
  it("loads the waves, the reports and the adoption they recorded", () => {
    expect(first).toMatchObject({ rolloutWaves: 3, officeRollouts: 20, progressReports: 228, progressReportSubmissions: 228 });
    expect(first.adoptionStatuses).toBe(12 * 227);
  });

  it("keeps one current rollout per office", async () => {
    const rows = await db.$queryRaw<{ officeId: string }[]>`
      SELECT "officeId" FROM "OfficeRollout" WHERE "leftAt" IS NULL GROUP BY "officeId" HAVING count(*) > 1`;
    expect(rows).toEqual([]);
  });

  it("links the second demo leader to Nav Drammen's Nav-leder", async () => {
    const leader = await db.person.findUnique({
      where: { ssoSubject: DEMO_LEADER_2.ssoSubject },
      include: { assignments: { where: { endDate: null }, include: { role: true, team: { include: { office: true } } } } },
    });
    expect(leader).toMatchObject({ name: "Leif Leder", email: "leader2@samla.example" });
    expect(leader?.assignments.map((a) => [a.role.code, a.role.category, a.team.office.code])).toEqual([["NAV_LEDER", "LEADER", "3005"]]);
  });

  it("stores report KPI values equal to the measurements, and adoption rows for every submitted stage", async () => {
    const [row] = await db.$queryRaw<{ mismatched: number; checked: number; missingStatus: number; strayStatus: number }[]>`
      SELECT
        (SELECT count(*)::int FROM "ProgressReportKpiValue" v JOIN "ProgressReport" r ON r.id = v."reportId"
          LEFT JOIN "KpiMeasurement" m ON m."officeId" = r."officeId" AND m."kpiId" = v."kpiId" AND m.period = r.period
          WHERE r.status <> 'DRAFT' AND (m.value IS NULL OR m.value <> v.value)) AS mismatched,
        (SELECT count(*)::int FROM "ProgressReportKpiValue" v JOIN "ProgressReport" r ON r.id = v."reportId" WHERE r.status <> 'DRAFT') AS checked,
        (SELECT count(*)::int FROM "ProgressReportStage" s JOIN "ProgressReport" r ON r.id = s."reportId"
          LEFT JOIN "AdoptionStatus" a ON a."reportId" = r.id AND a."practiceId" = s."practiceId" AND a.period = r.period AND a."officeId" = r."officeId"
          WHERE r.status IN ('SUBMITTED', 'ACKNOWLEDGED') AND (a.id IS NULL OR a.stage <> s.stage)) AS "missingStatus",
        (SELECT count(*)::int FROM "AdoptionStatus" a JOIN "ProgressReport" r ON r.id = a."reportId" WHERE r.status = 'DRAFT') AS "strayStatus"`;
    expect(row).toEqual({ mismatched: 0, checked: 227 * 3, missingStatus: 0, strayStatus: 0 });
  });
});
