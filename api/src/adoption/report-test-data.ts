// Test data for the rollout and report tests: practices (one retired), KPIs, a pilot wave with
// Nav Lillestrøm and Nav Drammen started three months ago, and the leaders: the fixtures' leader
// (Nav Lillestrøm), a second leader (Nav Drammen and Nav Bærum) and a former leader of Drammen.
import type { Db } from "@samla/schema";
import { date, gid, type Fixtures } from "../../test/fixtures";
import type { TestUser } from "../../test/harness";
import { firstOfMonth, formatDate, todayInNorway } from "../lib/dates";

/** Leads Nav Drammen and Nav Bærum today. */
export const secondLeader: TestUser = { sub: "sub-dina", username: "dina", name: "Dina Drammen", roles: ["office-leader"] };
/** Led Nav Lillestrøm until the end of 2024: no longer a leader there. */
export const formerLeader: TestUser = { sub: "sub-former", username: "tidligere", name: "Tore Tidligere", roles: ["office-leader"] };

const LEVELS = ["0", "1", "2", "3", "4"];

/** `yyyy-mm-dd` of the first day of the month `monthsLater` months from today's. */
export function month(monthsLater: number): string {
  return formatDate(firstOfMonth(todayInNorway(), monthsLater));
}

export async function createAdoptionData(db: Db, f: Fixtures) {
  const practice = (code: string, name: string, sortOrder: number, retired = false) =>
    db.practice.create({
      data: {
        code,
        theme: "USER_INSIGHT",
        sortOrder,
        retiredAt: retired ? new Date("2024-01-01T00:00:00Z") : null,
        versions: { create: { number: 1, name, description: "D", levels: LEVELS, createdBy: "Test" } },
      },
    });
  const interviews = await practice("INTERVJU", "Brukerintervjuer", 1);
  const standups = await practice("TAVLE", "Tavlemøter", 2);
  const retired = await practice("GAMMEL", "Gammel praksis", 3, true);
  const days = await db.kpi.create({
    data: { code: "TID", name: "Saksbehandlingstid", unit: "dager", direction: "LOWER_IS_BETTER", sortOrder: 1 },
  });
  const share = await db.kpi.create({
    data: { code: "ANDEL", name: "Andel innen frist", unit: "%", direction: "HIGHER_IS_BETTER", sortOrder: 2 },
  });

  const dina = await db.person.create({ data: { name: "Dina Drammen", email: "dina@nav.test", employer: "STATE", ssoSubject: secondLeader.sub } });
  const tore = await db.person.create({ data: { name: "Tore Tidligere", email: "tore@nav.test", employer: "STATE", ssoSubject: formerLeader.sub } });
  const baerumTeam = await db.team.create({ data: { officeId: f.offices.baerum.id, name: "Ledelse" } });
  await db.assignment.createMany({
    data: [
      { personId: dina.id, roleId: f.roles.leder.id, teamId: f.teams.drammen.id, fte: "0.50", startDate: date("2021-01-01") },
      { personId: dina.id, roleId: f.roles.leder.id, teamId: baerumTeam.id, fte: "0.50", startDate: date("2021-01-01") },
      {
        personId: tore.id,
        roleId: f.roles.leder.id,
        teamId: f.teams.mottak.id,
        fte: "1.00",
        startDate: date("2019-01-01"),
        endDate: date("2024-12-31"),
      },
    ],
  });

  const start = firstOfMonth(todayInNorway(), -3);
  const pilot = await db.rolloutWave.create({
    data: { name: "Pilot", ordinal: 1, isPilot: true, plannedStart: start, targetDate: firstOfMonth(start, 12) },
  });
  const lillestromRollout = await db.officeRollout.create({
    data: { officeId: f.offices.lillestrom.id, waveId: pilot.id, plannedStart: start, targetDate: firstOfMonth(start, 12) },
  });
  const drammenRollout = await db.officeRollout.create({
    data: { officeId: f.offices.drammen.id, waveId: pilot.id, plannedStart: start, targetDate: firstOfMonth(start, 12) },
  });

  return {
    practices: { interviews, standups, retired },
    kpis: { days, share },
    waves: { pilot },
    rollouts: { lillestrom: lillestromRollout, drammen: drammenRollout },
    ids: {
      interviews: gid("Practice", interviews.id),
      standups: gid("Practice", standups.id),
      retired: gid("Practice", retired.id),
      days: gid("Kpi", days.id),
      share: gid("Kpi", share.id),
      lillestrom: gid("Office", f.offices.lillestrom.id),
      drammen: gid("Office", f.offices.drammen.id),
      baerum: gid("Office", f.offices.baerum.id),
      pilot: gid("RolloutWave", pilot.id),
    },
  };
}

export type AdoptionData = Awaited<ReturnType<typeof createAdoptionData>>;

export const ERRORS = `
  __typename
  ... on Error { message code }
  ... on ValidationError { fieldErrors { path message } }
  ... on NotFoundError { entityType entityId }
  ... on ConflictError { currentVersion changedFields }
`;

const TRANSITION_ERRORS = `... on InvalidStatusTransitionError { from to allowed }`;

export const REPORT_FIELDS = `id period dueDate status version learning obstacles helpNeeded
  office { name }
  stages { practice { code } stage note }
  kpiValues { kpi { code } value }
  createdByName submittedAt submittedByName acknowledgedAt acknowledgedByName
  comments { kind body authorName }
  submissions { number submittedByName content }
  viewerCanEdit viewerCanReview`;

const mutationDocument = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { ${ERRORS} ${name === "openProgressReport" ? "" : TRANSITION_ERRORS}
    ... on ${name.charAt(0).toUpperCase()}${name.slice(1)}Payload { progressReport { ${REPORT_FIELDS} } } } }`;

export const OPEN_REPORT = mutationDocument("openProgressReport", "OpenProgressReportInput");
export const SAVE_REPORT = mutationDocument("saveProgressReport", "SaveProgressReportInput");
export const SUBMIT_REPORT = mutationDocument("submitProgressReport", "SubmitProgressReportInput");
export const ACKNOWLEDGE_REPORT = mutationDocument("acknowledgeProgressReport", "AcknowledgeProgressReportInput");
export const REQUEST_CHANGES = mutationDocument("requestProgressReportChanges", "RequestProgressReportChangesInput");
