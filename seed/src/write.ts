// Batched, idempotent writes of generated seed rows: `createMany` with skipDuplicates
// (rows that exist, by id or by a unique key, are left as they are) and one INSERT …
// ON CONFLICT DO NOTHING per batch for Prisma's implicit many-to-many tables.
import { Prisma, type PrismaClient } from "@samla/schema";
import type { LinkRow, SeedRows } from "./generate";

export interface SeedProgress {
  phase: string;
  done: number;
  total: number;
}

export type ProgressListener = (progress: SeedProgress) => void;

/** Bind parameters per statement stay well under PostgreSQL's limit of 65,535. */
const MAX_PARAMETERS = 30_000;

function* batches<T>(rows: readonly T[], columns: number): Generator<T[]> {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function writePhase<T extends object>(
  phase: string,
  rows: readonly T[],
  write: (batch: T[]) => Promise<unknown>,
  onProgress?: ProgressListener,
) {
  const columns = rows[0] ? Object.keys(rows[0]).length : 1;
  let done = 0;
  onProgress?.({ phase, done, total: rows.length });
  for (const batch of batches(rows, columns)) {
    await write(batch);
    done += batch.length;
    onProgress?.({ phase, done, total: rows.length });
  }
}

/** The join tables Prisma keeps for the implicit many-to-many relations. */
type LinkTable = "_OfficeMunicipalities" | "_MergerSources" | "_TeamServices";

function insertLinks(db: PrismaClient, table: LinkTable, rows: LinkRow[]) {
  // Two array parameters per batch, whatever its size.
  const a = rows.map((r) => r.A);
  const b = rows.map((r) => r.B);
  return db.$executeRaw`
    INSERT INTO ${Prisma.raw(`"${table}"`)} ("A", "B")
    SELECT * FROM unnest(${a}::text[], ${b}::text[])
    ON CONFLICT DO NOTHING`;
}

/** Norwegian labels for the phases, for progress shown to people. */
export const PHASE_LABELS: Record<keyof SeedRows, string> = {
  roles: "Roller",
  services: "Tjenester",
  municipalities: "Kommuner",
  offices: "Nav-kontor",
  officeMunicipalities: "Kontor og kommuner",
  mergers: "Sammenslåinger",
  mergerSources: "Kildekontor",
  teams: "Team",
  teamServices: "Team og tjenester",
  persons: "Personer",
  assignments: "Tilsettinger",
  practices: "Praksiser",
  practiceVersions: "Praksisversjoner",
  kpis: "KPI-er",
  maturityAssessments: "Modenhetsvurderinger",
  processFlows: "Saksflyter",
  processSteps: "Prosessteg",
  kpiMeasurements: "KPI-verdier",
  userInsights: "Brukerinnsikt",
  cultureAssessments: "Kulturkartlegginger",
};

/**
 * Writes every row, in an order that satisfies the foreign keys. Safe to repeat.
 * Progress phases are named after the keys of SeedRows ("persons", "assignments", …).
 */
export async function writeSeed(db: PrismaClient, rows: SeedRows, onProgress?: ProgressListener): Promise<void> {
  const skipDuplicates = true;
  const phase = <T extends object>(name: keyof SeedRows, data: readonly T[], write: (batch: T[]) => Promise<unknown>) =>
    writePhase(name, data, write, onProgress);
  await phase("roles", rows.roles, (data) => db.role.createMany({ data, skipDuplicates }));
  await phase("services", rows.services, (data) => db.service.createMany({ data, skipDuplicates }));
  await phase("municipalities", rows.municipalities, (data) => db.municipality.createMany({ data, skipDuplicates }));
  await phase("offices", rows.offices, (data) => db.office.createMany({ data, skipDuplicates }));
  await phase("officeMunicipalities", rows.officeMunicipalities, (data) => insertLinks(db, "_OfficeMunicipalities", data));
  await phase("mergers", rows.mergers, (data) => db.merger.createMany({ data, skipDuplicates }));
  await phase("mergerSources", rows.mergerSources, (data) => insertLinks(db, "_MergerSources", data));
  await phase("teams", rows.teams, (data) => db.team.createMany({ data, skipDuplicates }));
  await phase("teamServices", rows.teamServices, (data) => insertLinks(db, "_TeamServices", data));
  await phase("persons", rows.persons, (data) => db.person.createMany({ data, skipDuplicates }));
  await phase("assignments", rows.assignments, (data) => db.assignment.createMany({ data, skipDuplicates }));
  await phase("practices", rows.practices, (data) => db.practice.createMany({ data, skipDuplicates }));
  await phase("practiceVersions", rows.practiceVersions, (data) => db.practiceVersion.createMany({ data, skipDuplicates }));
  await phase("kpis", rows.kpis, (data) => db.kpi.createMany({ data, skipDuplicates }));
  await phase("maturityAssessments", rows.maturityAssessments, (data) => db.maturityAssessment.createMany({ data, skipDuplicates }));
  await phase("processFlows", rows.processFlows, (data) => db.processFlow.createMany({ data, skipDuplicates }));
  await phase("processSteps", rows.processSteps, (data) => db.processStep.createMany({ data, skipDuplicates }));
  await phase("kpiMeasurements", rows.kpiMeasurements, (data) => db.kpiMeasurement.createMany({ data, skipDuplicates }));
  await phase("userInsights", rows.userInsights, (data) => db.userInsight.createMany({ data, skipDuplicates }));
  await phase("cultureAssessments", rows.cultureAssessments, (data) => db.cultureAssessment.createMany({ data, skipDuplicates }));
}
