// What the scenario analysis (impact, health checks, graph) reads: the scenario's as-is
// (core-as-is.ts) and its design (scenario-store.ts), plus the people, roles, services and
// offices they name. A fixed number of queries in three round trips whatever the size, and
// loaded once per request even when impact, health checks and graph are all asked for.
import { Prisma, type HealthCheckSettings, type Office, type Person, type Role, type Service } from "@samla/schema";
import type { SamlaContext } from "../context";
import { formatDate } from "../lib/dates";
import { loadAsIs, type AsIs } from "./core-as-is";
import { loadDesign, type Design } from "./scenario-store";

export interface AnalysisScenario {
  id: string;
  mergerId: string | null;
  /** For a merger scenario, the office every open to-be team belongs to. */
  targetOfficeId: string | null;
  /** The as-is offices (Scenario.offices). */
  officeIds: string[];
  asOfDate: Date;
  effectiveDate: Date;
}

/** Everything the pure computations need, as plain rows; the Prisma rows double as GraphQL objects. */
export interface AnalysisData {
  scenario: AnalysisScenario;
  asIs: AsIs;
  design: Design;
  /** Everyone in the as-is or the design, and the as-is managers. */
  people: ReadonlyMap<string, Person>;
  roles: ReadonlyMap<string, Role>;
  services: ReadonlyMap<string, Service>;
  /** The as-is offices, the to-be offices and the merger's target. */
  offices: ReadonlyMap<string, Office>;
  settings: HealthCheckSettings;
}

type Reader = SamlaContext["db"];

/** The migration's defaults, for a database whose row was removed (reading never writes it back). */
export function defaultHealthCheckSettings(): HealthCheckSettings {
  return {
    id: "default",
    maxSpan: 12,
    minSpan: 2,
    maxLayers: 5,
    minTeamSize: 3,
    maxFte: new Prisma.Decimal("1.00"),
    version: 0,
    updatedAt: new Date(0),
  };
}

/** The thresholds (row "default"). */
export async function loadHealthCheckSettings(db: Reader): Promise<HealthCheckSettings> {
  return (await db.healthCheckSettings.findUnique({ where: { id: "default" } })) ?? defaultHealthCheckSettings();
}

/**
 * Everyone in the as-is (and their managers) or in the design, in one statement that does
 * not wait for the as-is: a thousand ids as bind parameters cost more than the subqueries.
 */
function loadPeople(db: Reader, scenarioId: string, officeIds: string[], asOfDate: Date): Promise<Person[]> {
  const day = formatDate(asOfDate);
  // Prisma.join needs at least one value; no office id is the empty string.
  const offices = Prisma.join(officeIds.length ? officeIds : [""]);
  return db.$queryRaw<Person[]>`
    WITH "asIs" AS (
      SELECT a."personId", a."reportsToId"
      FROM "Assignment" a
      JOIN "Team" t ON t."id" = a."teamId"
      WHERE t."officeId" IN (${offices})
        AND a."startDate" <= ${day}::date
        AND (a."endDate" IS NULL OR a."endDate" >= ${day}::date)
    )
    SELECT p."id", p."name", p."email", p."employer"::text AS "employer", p."ssoSubject", p."createdAt"
    FROM "Person" p
    WHERE p."id" IN (
      SELECT "personId" FROM "asIs"
      UNION SELECT "reportsToId" FROM "asIs"
      UNION SELECT "personId" FROM "ScenarioPosition" WHERE "scenarioId" = ${scenarioId}
    )`;
}

/** The analysis input of one scenario, or null when there is no such scenario. */
export async function loadAnalysisData(db: Reader, scenarioId: string): Promise<AnalysisData | null> {
  const scenario = await db.scenario.findUnique({
    where: { id: scenarioId },
    select: {
      id: true,
      mergerId: true,
      asOfDate: true,
      effectiveDate: true,
      merger: { select: { targetOfficeId: true } },
      offices: { select: { id: true } },
    },
  });
  if (!scenario) return null;
  const officeIds = scenario.offices.map((office) => office.id);
  const targetOfficeId = scenario.merger?.targetOfficeId ?? null;
  const [asIs, design, roles, services, settings, people, offices] = await Promise.all([
    loadAsIs(db, officeIds, scenario.asOfDate),
    loadDesign(db, scenario.id),
    db.role.findMany(),
    db.service.findMany(),
    loadHealthCheckSettings(db),
    loadPeople(db, scenario.id, officeIds, scenario.asOfDate),
    db.office.findMany({
      where: {
        OR: [
          { id: { in: targetOfficeId ? [...officeIds, targetOfficeId] : officeIds } },
          { scenarioTeams: { some: { scenarioId: scenario.id } } },
        ],
      },
    }),
  ]);
  return {
    scenario: {
      id: scenario.id,
      mergerId: scenario.mergerId,
      targetOfficeId,
      officeIds,
      asOfDate: scenario.asOfDate,
      effectiveDate: scenario.effectiveDate,
    },
    asIs,
    design,
    people: new Map(people.map((person) => [person.id, person])),
    roles: new Map(roles.map((role) => [role.id, role])),
    services: new Map(services.map((service) => [service.id, service])),
    offices: new Map(offices.map((office) => [office.id, office])),
    settings,
  };
}
