// @samla/seed: Samla's deterministic seed data, written through the Prisma client.
// Migrations are the caller's job; seeding is idempotent (safe to run again, and
// running "pilot" then "national" adds the national part).
import type { PrismaClient } from "@samla/schema";
import { generateSeed, type Scale } from "./generate";
import { loadDemoUsers } from "../keycloak/demo-users";
import { writeSeed, type ProgressListener } from "./write";

export {
  DEFAULT_TODAY,
  DEMO_LEADER,
  DEMO_LEADER_2,
  GENERATED_MARK,
  GENERATED_OFFICE_COUNT,
  generateSeed,
  ids,
  type AssignmentRow,
  type GenerateOptions,
  type LinkRow,
  type Scale,
  type SeedRows,
} from "./generate";
export { PHASE_LABELS, writeSeed, type ProgressListener, type SeedProgress } from "./write";
export { PILOT_OFFICE_CODES, SPEARHEAD_OFFICE_CODE } from "./data/offices";
export { MUNICIPAL_MINIMUM_SERVICE_CODES } from "./data/services";
export { methodIds, type MethodRows } from "./methods";
export { adoptionIds, REPORTED_KPI_CODES, type AdoptionRows } from "./adoption";
export { KEY_PRACTICE, NEUTRAL_PRACTICE } from "./data/adoption";
export {
  CASE_FLOW_SERVICE_CODE,
  CULTURE_DIMENSIONS,
  INSIGHT_THEMES,
  KPI_CODES,
  METHOD_SEED_AUTHOR,
  PRACTICE_CODES,
  STAGE_KEYS,
  STAGE_NAMES,
  type StageKey,
} from "./data/methods";

export interface SeedOptions {
  scale: Scale;
  onProgress?: ProgressListener;
  /** The date the data describes as today (ISO date or Date). Default 2026-11-01. */
  today?: Date | string;
}

/** How many rows of each model exist after seeding (not only the seed's own). */
export interface SeedSummary {
  municipalities: number;
  offices: number;
  mergers: number;
  services: number;
  roles: number;
  teams: number;
  persons: number;
  assignments: number;
  practices: number;
  kpis: number;
  maturityAssessments: number;
  processFlows: number;
  kpiMeasurements: number;
  userInsights: number;
  cultureAssessments: number;
  rolloutWaves: number;
  officeRollouts: number;
  progressReports: number;
  progressReportSubmissions: number;
  adoptionStatuses: number;
}

export async function seedDatabase(db: PrismaClient, options: SeedOptions): Promise<SeedSummary> {
  const rows = generateSeed({ scale: options.scale, today: options.today });
  await writeSeed(db, rows, options.onProgress);
  await seedSsoUsers(db);
  return summarize(db);
}

/**
 * The realm's demo users as known SSO users, so HR can link a person to one before that
 * user first signs in. Existing rows (users the API has already seen) are left as they are.
 */
export async function seedSsoUsers(db: PrismaClient): Promise<number> {
  const users = loadDemoUsers();
  const { count } = await db.ssoUser.createMany({
    data: users.map((user) => ({ subject: user.id, username: user.username, email: user.email, name: user.name })),
    skipDuplicates: true,
  });
  return count;
}

export async function summarize(db: PrismaClient): Promise<SeedSummary> {
  const [
    municipalities,
    offices,
    mergers,
    services,
    roles,
    teams,
    persons,
    assignments,
    practices,
    kpis,
    maturityAssessments,
    processFlows,
    kpiMeasurements,
    userInsights,
    cultureAssessments,
    rolloutWaves,
    officeRollouts,
    progressReports,
    progressReportSubmissions,
    adoptionStatuses,
  ] = await Promise.all([
    db.municipality.count(),
    db.office.count(),
    db.merger.count(),
    db.service.count(),
    db.role.count(),
    db.team.count(),
    db.person.count(),
    db.assignment.count(),
    db.practice.count(),
    db.kpi.count(),
    db.maturityAssessment.count(),
    db.processFlow.count(),
    db.kpiMeasurement.count(),
    db.userInsight.count(),
    db.cultureAssessment.count(),
    db.rolloutWave.count(),
    db.officeRollout.count(),
    db.progressReport.count(),
    db.progressReportSubmission.count(),
    db.adoptionStatus.count(),
  ]);
  return {
    municipalities,
    offices,
    mergers,
    services,
    roles,
    teams,
    persons,
    assignments,
    practices,
    kpis,
    maturityAssessments,
    processFlows,
    kpiMeasurements,
    userInsights,
    cultureAssessments,
    rolloutWaves,
    officeRollouts,
    progressReports,
    progressReportSubmissions,
    adoptionStatuses,
  };
}
