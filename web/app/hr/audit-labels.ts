// Words for the audit log (issue 14): the API stores actions, entity types, snapshot fields and
// enum values as code (assignRole, Assignment, roleId, MERGED); HR reads them in bokmål or
// English. Anything not listed here is shown as it is stored, so a new mutation is never hidden.
import { getLocale, type Locale } from "../i18n";

type Words = Record<string, { nb: string; en: string }>;

export const AUDIT_ACTIONS: Words = {
  assignRole: { nb: "Tildelte rolle", en: "Assigned a role" },
  endAssignment: { nb: "Avsluttet tilsetting", en: "Ended an assignment" },
  changeAssignment: { nb: "Endret tilsetting", en: "Changed an assignment" },
  movePersonToTeam: { nb: "Flyttet person til annet team", en: "Moved a person to another team" },
  importAssignments: { nb: "Importerte tilsettinger", en: "Imported assignments" },
  linkPersonToSsoUser: { nb: "Koblet person til SSO-bruker", en: "Linked a person to an SSO user" },
  unlinkPersonFromSsoUser: { nb: "Fjernet kobling til SSO-bruker", en: "Unlinked a person from an SSO user" },
  createOffice: { nb: "Opprettet kontor", en: "Created an office" },
  updateOffice: { nb: "Endret kontor", en: "Changed an office" },
  createTeam: { nb: "Opprettet team", en: "Created a team" },
  updateTeam: { nb: "Endret team", en: "Changed a team" },
  createRole: { nb: "Opprettet rolle", en: "Created a role" },
  updateRole: { nb: "Endret rolle", en: "Changed a role" },
  createService: { nb: "Opprettet tjeneste", en: "Created a service" },
  updateService: { nb: "Endret tjeneste", en: "Changed a service" },
  proposeMerger: { nb: "Foreslo sammenslåing", en: "Proposed a merger" },
  updateMerger: { nb: "Endret sammenslåing", en: "Changed a merger" },
  createScenario: { nb: "Laget scenario", en: "Created a scenario" },
  updateScenario: { nb: "Endret scenario", en: "Changed a scenario" },
  submitScenario: { nb: "Sendte scenario til godkjenning", en: "Submitted a scenario for approval" },
  approveScenario: { nb: "Godkjente scenario", en: "Approved a scenario" },
  returnScenario: { nb: "Sendte scenario tilbake", en: "Returned a scenario" },
  archiveScenario: { nb: "Arkiverte scenario", en: "Archived a scenario" },
  addScenarioTeam: { nb: "La til team i scenario", en: "Added a team to a scenario" },
  updateScenarioTeam: { nb: "Endret team i scenario", en: "Changed a team in a scenario" },
  moveScenarioTeam: { nb: "Flyttet team i scenario", en: "Moved a team in a scenario" },
  splitScenarioTeam: { nb: "Delte team i scenario", en: "Split a team in a scenario" },
  mergeScenarioTeams: { nb: "Slo sammen team i scenario", en: "Merged teams in a scenario" },
  closeScenarioTeam: { nb: "La ned team i scenario", en: "Closed a team in a scenario" },
  setScenarioTeamServices: { nb: "Endret tjenester for team i scenario", en: "Changed a scenario team's services" },
  addScenarioPosition: { nb: "La til stilling i scenario", en: "Added a position to a scenario" },
  updateScenarioPosition: { nb: "Endret stilling i scenario", en: "Changed a position in a scenario" },
  closeScenarioPosition: { nb: "La ned stilling i scenario", en: "Closed a position in a scenario" },
  moveScenarioPerson: { nb: "Flyttet person i scenario", en: "Moved a person in a scenario" },
  undoScenarioChanges: { nb: "Angret endringer i scenario", en: "Undid scenario changes" },
  updateHealthCheckSettings: { nb: "Endret grenser for helsesjekker", en: "Changed health check thresholds" },
  createPractice: { nb: "Opprettet praksis", en: "Created a practice" },
  updatePractice: { nb: "Endret praksis", en: "Changed a practice" },
  retirePractice: { nb: "Faset ut praksis", en: "Retired a practice" },
  createKpi: { nb: "Opprettet nøkkeltall", en: "Created a key figure" },
  updateKpi: { nb: "Endret nøkkeltall", en: "Changed a key figure" },
  recordMaturityAssessment: { nb: "Registrerte modenhetsvurdering", en: "Recorded a maturity assessment" },
  recordKpiMeasurements: { nb: "Registrerte nøkkeltall", en: "Recorded key figures" },
  recordProcessFlow: { nb: "Registrerte saksflyt", en: "Recorded a case flow" },
  recordUserInsight: { nb: "Registrerte brukerinnsikt", en: "Recorded a user insight" },
  recordCultureAssessment: { nb: "Registrerte kulturvurdering", en: "Recorded a culture assessment" },
  createRolloutWave: { nb: "Opprettet bølge", en: "Created a wave" },
  updateRolloutWave: { nb: "Endret bølge", en: "Changed a wave" },
  addOfficesToWave: { nb: "La kontorer til bølge", en: "Added offices to a wave" },
  moveOfficeToWave: { nb: "Flyttet kontor til annen bølge", en: "Moved an office to another wave" },
  updateOfficeRollout: { nb: "Endret kontorets innføringsplan", en: "Changed an office's rollout plan" },
  openProgressReport: { nb: "Åpnet statusrapport", en: "Opened a progress report" },
  saveProgressReport: { nb: "Lagret statusrapport", en: "Saved a progress report" },
  submitProgressReport: { nb: "Sendte inn statusrapport", en: "Submitted a progress report" },
  acknowledgeProgressReport: { nb: "Kvitterte for statusrapport", en: "Acknowledged a progress report" },
  requestProgressReportChanges: { nb: "Ba om endringer i statusrapport", en: "Asked for changes to a progress report" },
};

export const AUDIT_ENTITY_TYPES: Words = {
  Assignment: { nb: "Tilsetting", en: "Assignment" },
  Person: { nb: "Person", en: "Person" },
  Office: { nb: "Kontor", en: "Office" },
  Team: { nb: "Team", en: "Team" },
  Role: { nb: "Rolle", en: "Role" },
  Service: { nb: "Tjeneste", en: "Service" },
  Merger: { nb: "Sammenslåing", en: "Merger" },
  Municipality: { nb: "Kommune", en: "Municipality" },
  Scenario: { nb: "Scenario", en: "Scenario" },
  ScenarioTeam: { nb: "Team i scenario", en: "Scenario team" },
  HealthCheckSettings: { nb: "Helsesjekker", en: "Health checks" },
  Practice: { nb: "Praksis", en: "Practice" },
  Kpi: { nb: "Nøkkeltall", en: "Key figure" },
  KpiMeasurement: { nb: "Måling av nøkkeltall", en: "Key figure measurement" },
  MaturityAssessment: { nb: "Modenhetsvurdering", en: "Maturity assessment" },
  ProcessFlow: { nb: "Saksflyt", en: "Case flow" },
  ProcessStep: { nb: "Steg i saksflyt", en: "Case flow step" },
  UserInsight: { nb: "Brukerinnsikt", en: "User insight" },
  CultureAssessment: { nb: "Kulturvurdering", en: "Culture assessment" },
  RolloutWave: { nb: "Bølge", en: "Wave" },
  OfficeRollout: { nb: "Kontorets innføring", en: "Office rollout" },
  ProgressReport: { nb: "Statusrapport", en: "Progress report" },
  SsoUser: { nb: "SSO-bruker", en: "SSO user" },
};

/** The entity types HR filters on most, in the filter's order. */
export const AUDIT_FILTER_TYPES = ["Assignment", "Person", "Office", "Team", "Role", "Service", "Merger", "Scenario"] as const;

export const AUDIT_FIELDS: Words = {
  personId: { nb: "Person", en: "Person" },
  roleId: { nb: "Rolle", en: "Role" },
  teamId: { nb: "Team", en: "Team" },
  fte: { nb: "Stillingsandel", en: "FTE" },
  startDate: { nb: "Startdato", en: "Start date" },
  endDate: { nb: "Sluttdato", en: "End date" },
  reportsToId: { nb: "Rapporterer til", en: "Reports to" },
  replaces: { nb: "Erstatter", en: "Replaces" },
  replacedBy: { nb: "Erstattet av", en: "Replaced by" },
  importFile: { nb: "Importfil", en: "Import file" },
  row: { nb: "Rad i filen", en: "Row in the file" },
  code: { nb: "Kode", en: "Code" },
  name: { nb: "Navn", en: "Name" },
  email: { nb: "E-post", en: "Email" },
  employer: { nb: "Arbeidsgiver", en: "Employer" },
  status: { nb: "Status", en: "Status" },
  isPilot: { nb: "Pilot", en: "Pilot" },
  isSpearhead: { nb: "Spydspiss", en: "Spearhead" },
  validFrom: { nb: "Gyldig fra", en: "Valid from" },
  validTo: { nb: "Gyldig til", en: "Valid to" },
  municipalities: { nb: "Kommuner", en: "Municipalities" },
  officeId: { nb: "Kontor", en: "Office" },
  parentId: { nb: "Ligger under", en: "Parent team" },
  purpose: { nb: "Formål", en: "Purpose" },
  services: { nb: "Tjenester", en: "Services" },
  category: { nb: "Kategori", en: "Category" },
  provider: { nb: "Ansvarlig", en: "Provider" },
  deadlineDays: { nb: "Frist (dager)", en: "Deadline (days)" },
  effectiveDate: { nb: "Virkningsdato", en: "Effective date" },
  description: { nb: "Beskrivelse", en: "Description" },
  targetOffice: { nb: "Nytt kontor", en: "New office" },
  sourceOffices: { nb: "Kontorer som slås sammen", en: "Offices merging" },
  ssoSubject: { nb: "SSO-bruker", en: "SSO user" },
  username: { nb: "Brukernavn", en: "Username" },
  summary: { nb: "Endring", en: "Change" },
  teams: { nb: "Team", en: "Teams" },
  positions: { nb: "Stillinger", en: "Positions" },
  offices: { nb: "Kontorer", en: "Offices" },
  waveId: { nb: "Bølge", en: "Wave" },
  ordinal: { nb: "Nummer", en: "Number" },
  plannedStart: { nb: "Planlagt start", en: "Planned start" },
  targetDate: { nb: "Måldato", en: "Target date" },
  reportingFrom: { nb: "Rapportering fra", en: "Reporting from" },
  leftAt: { nb: "Tatt ut av bølgen", en: "Left the wave" },
  leftReason: { nb: "Begrunnelse", en: "Reason" },
  reason: { nb: "Begrunnelse", en: "Reason" },
  practicePlans: { nb: "Plan per praksis", en: "Plan per practice" },
  practiceId: { nb: "Praksis", en: "Practice" },
  period: { nb: "Periode", en: "Period" },
  learning: { nb: "Læring", en: "Learning" },
  obstacles: { nb: "Hindringer", en: "Obstacles" },
  helpNeeded: { nb: "Behov for hjelp", en: "Help needed" },
  stages: { nb: "Innføringsstadier", en: "Adoption stages" },
  kpiValues: { nb: "Nøkkeltall", en: "Key figures" },
  kpiId: { nb: "Nøkkeltall", en: "Key figure" },
  value: { nb: "Verdi", en: "Value" },
  level: { nb: "Nivå", en: "Level" },
  evidence: { nb: "Dokumentasjon", en: "Evidence" },
  comment: { nb: "Kommentar", en: "Comment" },
};

export const AUDIT_CODES: Words = {
  ACTIVE: { nb: "Aktiv", en: "Active" },
  PLANNED: { nb: "Planlagt", en: "Planned" },
  MERGED: { nb: "Slått sammen", en: "Merged" },
  CLOSED: { nb: "Nedlagt", en: "Closed" },
  PROPOSED: { nb: "Foreslått", en: "Proposed" },
  APPROVED: { nb: "Godkjent", en: "Approved" },
  IN_PROGRESS: { nb: "Under gjennomføring", en: "In progress" },
  COMPLETED: { nb: "Gjennomført", en: "Completed" },
  CANCELLED: { nb: "Avbrutt", en: "Cancelled" },
  LEADER: { nb: "Leder", en: "Leader" },
  ADVISER: { nb: "Veileder", en: "Adviser" },
  CASEWORKER: { nb: "Saksbehandler", en: "Caseworker" },
  SPECIALIST: { nb: "Spesialist", en: "Specialist" },
  SUPPORT: { nb: "Støtte", en: "Support" },
  STATE: { nb: "Statlig", en: "State" },
  MUNICIPAL: { nb: "Kommunal", en: "Municipal" },
  PARTNERSHIP: { nb: "Partnerskap", en: "Partnership" },
  DRAFT: { nb: "Utkast", en: "Draft" },
  IN_REVIEW: { nb: "Til godkjenning", en: "In review" },
  ARCHIVED: { nb: "Arkivert", en: "Archived" },
  SUBMITTED: { nb: "Sendt inn", en: "Submitted" },
  CHANGES_REQUESTED: { nb: "Endringer etterspurt", en: "Changes requested" },
  ACKNOWLEDGED: { nb: "Kvittert", en: "Acknowledged" },
  NOT_STARTED: { nb: "Ikke startet", en: "Not started" },
  PREPARING: { nb: "Forberedes", en: "Preparing" },
  PILOTING: { nb: "Prøves ut", en: "Piloting" },
  ADOPTED: { nb: "Tatt i bruk", en: "Adopted" },
  EMBEDDED: { nb: "Forankret", en: "Embedded" },
  HIGHER_IS_BETTER: { nb: "Høyere er bedre", en: "Higher is better" },
  LOWER_IS_BETTER: { nb: "Lavere er bedre", en: "Lower is better" },
};

function word(words: Words, key: string, locale: Locale = getLocale()): string {
  return words[key]?.[locale] ?? key;
}

export const actionLabel = (action: string, locale?: Locale) => word(AUDIT_ACTIONS, action, locale);
export const entityTypeLabel = (type: string, locale?: Locale) => word(AUDIT_ENTITY_TYPES, type, locale);
export const fieldLabel = (field: string, locale?: Locale) => word(AUDIT_FIELDS, field, locale);

/** Enum values inside a readable text ("Brukerinnsikt: PILOTING") in the reader's language. */
export function translateCodes(text: string, locale: Locale = getLocale()): string {
  return text.replace(/\b[A-Z][A-Z0-9_]*[A-Z0-9]\b/g, (token) => (AUDIT_CODES[token] ? word(AUDIT_CODES, token, locale) : token));
}

export type AuditValueKind = "TEXT" | "NAME" | "DATE" | "INSTANT" | "BOOLEAN" | "NUMBER" | "CODE" | "LIST";

const INTL: Record<Locale, string> = { nb: "nb-NO", en: "en-GB" };

/** One readable value of a change, formatted for the reader: dates dd.mm.åååå, yes/no, codes in words. */
export function formatAuditValue(kind: AuditValueKind, value: string | null, locale: Locale = getLocale()): string | null {
  if (value === null) return null;
  switch (kind) {
    case "DATE": {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      return match ? new Intl.DateTimeFormat(INTL[locale], { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`)) : value;
    }
    case "INSTANT": {
      const time = Date.parse(value);
      return Number.isNaN(time)
        ? value
        : new Intl.DateTimeFormat(INTL[locale], { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Oslo" }).format(time);
    }
    case "BOOLEAN":
      return value === "true" ? (locale === "nb" ? "Ja" : "Yes") : value === "false" ? (locale === "nb" ? "Nei" : "No") : value;
    case "NUMBER": {
      const number = Number(value);
      return Number.isFinite(number) ? new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 4 }).format(number) : value;
    }
    case "CODE":
    case "LIST":
      return translateCodes(value, locale);
    default:
      return value;
  }
}
