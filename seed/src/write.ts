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
  comparisonKpiMeasurements: "KPI-verdier for sammenligningskontor",
  rolloutWaves: "Innføringsbølger",
  officeRollouts: "Kontor i bølger",
  officeRolloutPractices: "Egne datoer per praksis",
  progressReports: "Statusrapporter",
  progressReportStages: "Rapporterte praksiser",
  progressReportKpiValues: "Rapporterte KPI-verdier",
  progressReportSubmissions: "Innsendinger",
  progressReportComments: "Kommentarer til rapporter",
  adoptionStatuses: "Innføringsstatus",
};

/**
 * Rows whose parent is in the database. A parent the seed skipped because a row made in
 * the app already holds its unique key (a wave's name, an office's current rollout, a
 * report's office and month) is not there, and its children would break the foreign key.
 */
async function withParent<T>(rows: readonly T[], parentId: (row: T) => string, existing: (ids: string[]) => Promise<{ id: string }[]>) {
  const wanted = [...new Set(rows.map(parentId))];
  const found = new Set<string>();
  for (let i = 0; i < wanted.length; i += 10_000) {
    for (const row of await existing(wanted.slice(i, i + 10_000))) found.add(row.id);
  }
  return rows.filter((row) => found.has(parentId(row)));
}

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

  await phase("comparisonKpiMeasurements", rows.comparisonKpiMeasurements, (data) => db.kpiMeasurement.createMany({ data, skipDuplicates }));

  const select = { id: true } as const;
  const waves = (ids: string[]) => db.rolloutWave.findMany({ where: { id: { in: ids } }, select });
  const rollouts = (ids: string[]) => db.officeRollout.findMany({ where: { id: { in: ids } }, select });
  const reports = (ids: string[]) => db.progressReport.findMany({ where: { id: { in: ids } }, select });
  await phase("rolloutWaves", rows.rolloutWaves, (data) => db.rolloutWave.createMany({ data, skipDuplicates }));
  const officeRollouts = await withParent(rows.officeRollouts, (r) => r.waveId, waves);
  await phase("officeRollouts", officeRollouts, (data) => db.officeRollout.createMany({ data, skipDuplicates }));
  const practicePlans = await withParent(rows.officeRolloutPractices, (r) => r.officeRolloutId, rollouts);
  await phase("officeRolloutPractices", practicePlans, (data) => db.officeRolloutPractice.createMany({ data, skipDuplicates }));
  await phase("progressReports", rows.progressReports, (data) => db.progressReport.createMany({ data, skipDuplicates }));
  // A report is absent when one made in the app holds its office and month: leave out its children.
  const seededReports = new Set((await withParent(rows.progressReports, (r) => r.id ?? "", reports)).map((r) => r.id));
  const inSeededReport = <T extends { reportId?: string | null }>(children: readonly T[]) =>
    children.filter((c) => c.reportId == null || seededReports.has(c.reportId));
  await phase("progressReportStages", inSeededReport(rows.progressReportStages), (data) =>
    db.progressReportStage.createMany({ data, skipDuplicates }),
  );
  await phase("progressReportKpiValues", inSeededReport(rows.progressReportKpiValues), (data) =>
    db.progressReportKpiValue.createMany({ data, skipDuplicates }),
  );
  await phase("progressReportSubmissions", inSeededReport(rows.progressReportSubmissions), (data) =>
    db.progressReportSubmission.createMany({ data, skipDuplicates }),
  );
  await phase("progressReportComments", inSeededReport(rows.progressReportComments), (data) =>
    db.progressReportComment.createMany({ data, skipDuplicates }),
  );
  await phase("adoptionStatuses", inSeededReport(rows.adoptionStatuses), (data) => db.adoptionStatus.createMany({ data, skipDuplicates }));
}
