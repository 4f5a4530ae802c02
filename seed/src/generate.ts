// Pure, deterministic generation of Samla's seed rows. No database access, no clock and
// no unseeded randomness: the same options always give the same rows, and the pilot
// rows are the same at both scales (national only adds rows), so seeding pilot and then
// national, or either one twice, converges on the same database.
//
// Every office draws from its own faker stream (seeded by its code), so adding or
// changing one office does not reshuffle the others. Ids are derived from natural keys
// (`seed-office-<code>`, `seed-team-<office>-<key>`, `seed-person-<office>-<n>`).
import { Faker, base, nb_NO } from "@faker-js/faker";
import type { Prisma } from "@samla/schema";
import { BEFORE_MODELLED_PERIOD, COUNTIES_2020, MUNICIPALITIES } from "./data/municipalities";
import { MERGERS, type MergerFact } from "./data/mergers";
import { NAV_OFFICES_OPENED, OFFICES, PLANNED_OFFICES, type OfficeFact } from "./data/offices";
import { ROLES } from "./data/roles";
import { SERVICES } from "./data/services";
import { HISTORIC_OFFICE_TEAMS, teamTemplateFor, type TeamTemplate } from "./data/teams";
import { generateMethodRows, methodIds, type MethodRows } from "./methods";
import { adoptionIds, emptyAdoptionRows, generateAdoptionRows, type AdoptionRows } from "./adoption";

export type Scale = "pilot" | "national";

export interface GenerateOptions {
  scale: Scale;
  /** The date the data set describes as "today" (ISO date or Date). Default 2026-11-01. */
  today?: Date | string;
}

export const DEFAULT_TODAY = "2026-11-01";
/** Base of every faker seed; change it to get a different (but still fixed) data set. */
export const SEED = 20200101;

/** The demo SSO users (seed/keycloak/samla-realm.json) that have a Person. */
export const DEMO_LEADER = {
  ssoSubject: "5a1f0c2e-0002-4000-8000-000000000002",
  name: "Liv Leder",
  email: "leader@samla.example",
  officeCode: "3030",
} as const;

/** The second demo office leader (realm user leader2): Nav-leder of Nav Drammen, for access checks between offices. */
export const DEMO_LEADER_2 = {
  ssoSubject: "5a1f0c2e-0007-4000-8000-000000000007",
  name: "Leif Leder",
  email: "leader2@samla.example",
  officeCode: "3005",
} as const;

const DEMO_LEADERS = [DEMO_LEADER, DEMO_LEADER_2] as const;

/** Generated offices at national scale get invented codes 9001, 9002, … (no real municipality uses 9xxx). */
export const GENERATED_OFFICE_COUNT = 200;
const GENERATED_CODE_BASE = 9000;
/** Marks invented municipalities and offices in their names. */
export const GENERATED_MARK = "(generert)";

export interface LinkRow {
  /** Prisma's implicit many-to-many tables have columns A and B (models in alphabetical order). */
  A: string;
  B: string;
}

export interface SeedRows extends MethodRows, AdoptionRows {
  municipalities: Prisma.MunicipalityCreateManyInput[];
  offices: Prisma.OfficeCreateManyInput[];
  /** _OfficeMunicipalities: A = municipality id, B = office id. */
  officeMunicipalities: LinkRow[];
  mergers: Prisma.MergerCreateManyInput[];
  /** _MergerSources: A = merger id, B = office id. */
  mergerSources: LinkRow[];
  services: Prisma.ServiceCreateManyInput[];
  roles: Prisma.RoleCreateManyInput[];
  /** Parents come before their children. */
  teams: Prisma.TeamCreateManyInput[];
  /** _TeamServices: A = service id, B = team id. */
  teamServices: LinkRow[];
  persons: Prisma.PersonCreateManyInput[];
  assignments: AssignmentRow[];
}

export interface AssignmentRow {
  id: string;
  personId: string;
  roleId: string;
  teamId: string;
  /** Decimal(3,2) as a string, e.g. "0.80". */
  fte: string;
  startDate: Date;
  endDate: Date | null;
  reportsToId: string | null;
}

export const ids = {
  municipality: (number: string) => `seed-municipality-${number}`,
  office: (code: string) => `seed-office-${code}`,
  merger: (targetCode: string) => `seed-merger-${targetCode}`,
  service: (code: string) => `seed-service-${code}`,
  role: (code: string) => `seed-role-${code}`,
  team: (officeCode: string, key: string) => `seed-team-${officeCode}-${key}`,
  person: (officeCode: string, n: number) => `seed-person-${officeCode}-${String(n).padStart(4, "0")}`,
  ...methodIds,
  ...adoptionIds,
};

// ---- dates as whole UTC days -------------------------------------------------------

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number): Date => new Date(day * DAY_MS);
const EARLIEST_HIRE = dayOf(NAV_OFFICES_OPENED);

/** The data set describes offices after the 2020 reform, so "today" must be later. */
const EARLIEST_TODAY = "2021-01-01";

function todayDay(today: Date | string | undefined): number {
  const day =
    today === undefined ? dayOf(DEFAULT_TODAY) : typeof today === "string" ? dayOf(today) : Math.floor(today.getTime() / DAY_MS);
  if (!Number.isFinite(day) || day < dayOf(EARLIEST_TODAY)) {
    throw new RangeError(`today must be a date from ${EARLIEST_TODAY} on, got ${String(today)}`);
  }
  return day;
}

// ---- names and emails ----------------------------------------------------------------

function emailLocalPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}

/** Hands out unique emails in generation order: the first "kari.hansen" gets no number. */
class EmailRegistry {
  private readonly used = new Map<string, number>();
  constructor(reserved: readonly string[]) {
    for (const email of reserved) this.used.set(email, 1);
  }
  take(name: string, domain: string): string {
    const local = emailLocalPart(name);
    for (let n = this.used.get(`${local}@${domain}`) ?? 0; ; n++) {
      const email = n === 0 ? `${local}@${domain}` : `${local}${n + 1}@${domain}`;
      if (!this.used.has(email)) {
        this.used.set(email, 1);
        this.used.set(`${local}@${domain}`, n + 1);
        return email;
      }
    }
  }
}

// ---- random helpers on a seeded faker ------------------------------------------------

function makeFaker(seed: number): Faker {
  const faker = new Faker({ locale: [nb_NO, base] });
  faker.seed([SEED, seed]);
  return faker;
}

function pickWeighted<T>(faker: Faker, options: readonly (readonly [T, number])[]): T {
  return faker.helpers.weightedArrayElement(options.map(([value, weight]) => ({ value, weight })));
}

const fteString = (fte: number) => fte.toFixed(2);

/** Splits `total` over `weights` by the largest remainder method (deterministic, sums to total). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

// ---- the generator -------------------------------------------------------------------

interface OfficePlan extends OfficeFact {
  validFrom: string;
  /** The COMPLETED merger that created this office, if any. */
  createdBy?: MergerFact;
}

interface StaffMember {
  personId: string;
  employer: "STATE" | "MUNICIPAL";
  hire: number;
  roleCode: string;
  teamKey: string;
  /** Total FTE across the person's current assignments. */
  fte: number;
  isLeader: boolean;
  isNavLeader: boolean;
}

class Generator {
  readonly rows: SeedRows = {
    municipalities: [],
    offices: [],
    officeMunicipalities: [],
    mergers: [],
    mergerSources: [],
    services: [],
    roles: [],
    teams: [],
    teamServices: [],
    persons: [],
    assignments: [],
    practices: [],
    practiceVersions: [],
    kpis: [],
    maturityAssessments: [],
    processFlows: [],
    processSteps: [],
    kpiMeasurements: [],
    userInsights: [],
    cultureAssessments: [],
    ...emptyAdoptionRows(),
  };
  private readonly emails = new EmailRegistry(DEMO_LEADERS.map((leader) => leader.email));
  private readonly officeFacts = new Map<string, OfficeFact>();

  constructor(private readonly today: number) {}

  run(scale: Scale): SeedRows {
    this.catalogues();
    this.realMunicipalities();
    this.realOffices();
    if (scale === "national") this.nationalOffices();
    this.workingMethods();
    this.rollout();
    return this.rows;
  }

  /** The methodology and the pilots' records (the same rows at both scales). */
  private workingMethods() {
    const validFrom = new Map(this.rows.offices.map((o) => [o.code, o.validFrom]));
    const methods = generateMethodRows({
      today: dateOf(this.today),
      ids,
      faker: makeFaker,
      officeValidFrom: (code) => new Date(validFrom.get(code) ?? dateOf(dayOf(NAV_OFFICES_OPENED))),
    });
    Object.assign(this.rows, methods);
  }

  /** Waves, reports and adoption (the same rows at both scales: generated offices are in no wave). */
  private rollout() {
    const validFrom = new Map(this.rows.offices.map((o) => [o.code, o.validFrom]));
    const adoption = generateAdoptionRows({
      today: dateOf(this.today),
      ids,
      faker: makeFaker,
      rows: this.rows,
      officeValidFrom: (code) => new Date(validFrom.get(code) ?? dateOf(dayOf(NAV_OFFICES_OPENED))),
    });
    Object.assign(this.rows, adoption);
  }

  private catalogues() {
    for (const s of SERVICES) {
      this.rows.services.push({
        id: ids.service(s.code),
        code: s.code,
        name: s.name,
        provider: s.provider,
        deadlineDays: s.deadlineDays ?? null,
        description: s.description,
      });
    }
    for (const r of ROLES) {
      this.rows.roles.push({ id: ids.role(r.code), code: r.code, name: r.name, category: r.category, description: r.description });
    }
  }

  private realMunicipalities() {
    // Merge targets first, so a municipality's mergedInto row already exists when written.
    const ordered = [...MUNICIPALITIES].sort((a, b) => Number(!!a.mergedInto) - Number(!!b.mergedInto));
    for (const m of ordered) {
      this.rows.municipalities.push({
        id: ids.municipality(m.number),
        number: m.number,
        name: m.name,
        county: m.county,
        validFrom: dateOf(dayOf(m.validFrom)),
        validTo: m.validTo ? dateOf(dayOf(m.validTo)) : null,
        mergedIntoId: m.mergedInto ? ids.municipality(m.mergedInto) : null,
      });
    }
  }

  private realOffices() {
    const completed = MERGERS.filter((m) => m.status === "COMPLETED");
    const createdBy = new Map(completed.map((m) => [m.targetOfficeCode, m]));
    const mergedBy = new Map(completed.flatMap((m) => m.sourceOfficeCodes.map((code) => [code, m] as const)));
    for (const o of OFFICES) this.officeFacts.set(o.code, o);

    for (const office of OFFICES) {
      const merger = mergedBy.get(office.code);
      const creator = createdBy.get(office.code);
      this.officeRow(office, {
        status: merger ? "MERGED" : "ACTIVE",
        validFrom: creator?.effectiveDate ?? NAV_OFFICES_OPENED,
        validTo: merger ? dateOf(dayOf(merger.effectiveDate) - 1) : null,
      });
    }
    for (const office of PLANNED_OFFICES) {
      this.officeFacts.set(office.code, office);
      this.officeRow(office, { status: "PLANNED", validFrom: office.validFrom, validTo: null });
    }
    for (const merger of MERGERS) {
      const id = ids.merger(merger.targetOfficeCode);
      this.rows.mergers.push({
        id,
        name: merger.name,
        targetOfficeId: ids.office(merger.targetOfficeCode),
        effectiveDate: dateOf(dayOf(merger.effectiveDate)),
        status: merger.status,
        description: merger.description,
      });
      for (const code of merger.sourceOfficeCodes) this.rows.mergerSources.push({ A: id, B: ids.office(code) });
    }

    // Staff: merged-away offices get their history while their successor is generated.
    for (const office of OFFICES) {
      if (mergedBy.has(office.code)) continue;
      const creator = createdBy.get(office.code);
      this.activeOffice({ ...office, validFrom: creator?.effectiveDate ?? NAV_OFFICES_OPENED, createdBy: creator });
    }
  }

  private officeRow(
    office: OfficeFact,
    state: { status: Prisma.OfficeCreateManyInput["status"]; validFrom: string; validTo: Date | null },
  ) {
    const id = ids.office(office.code);
    this.rows.offices.push({
      id,
      code: office.code,
      name: office.name,
      status: state.status,
      isPilot: office.isPilot ?? false,
      isSpearhead: office.isSpearhead ?? false,
      validFrom: dateOf(dayOf(state.validFrom)),
      validTo: state.validTo,
    });
    for (const number of office.municipalities) this.rows.officeMunicipalities.push({ A: ids.municipality(number), B: id });
  }

  /** National scale: invented municipalities 9001… each with its own invented Nav office. */
  private nationalOffices() {
    const faker = makeFaker(0);
    const taken = new Set(MUNICIPALITIES.map((m) => m.name));
    for (let i = 1; i <= GENERATED_OFFICE_COUNT; i++) {
      let place = faker.location.city();
      for (let attempt = 2; taken.has(place); attempt++) {
        place = attempt > 5 ? `${faker.location.city()} ${attempt}` : faker.location.city();
      }
      taken.add(place);
      const code = String(GENERATED_CODE_BASE + i);
      const size = faker.number.float();
      const staff =
        size < 0.25
          ? faker.number.int({ min: 10, max: 30 })
          : size < 0.65
            ? faker.number.int({ min: 31, max: 90 })
            : faker.number.int({ min: 91, max: 260 });
      this.rows.municipalities.push({
        id: ids.municipality(code),
        number: code,
        name: `${place} ${GENERATED_MARK}`,
        county: faker.helpers.arrayElement(COUNTIES_2020),
        validFrom: dateOf(dayOf(BEFORE_MODELLED_PERIOD)),
        validTo: null,
        mergedIntoId: null,
      });
      const office: OfficeFact = { code, name: `Nav ${place} ${GENERATED_MARK}`, municipalities: [code], staff };
      this.officeFacts.set(code, office);
      this.officeRow(office, { status: "ACTIVE", validFrom: NAV_OFFICES_OPENED, validTo: null });
      this.activeOffice({ ...office, validFrom: NAV_OFFICES_OPENED });
    }
  }

  private teamRows(officeCode: string, template: readonly TeamTemplate[]) {
    for (const t of template) {
      const id = ids.team(officeCode, t.key);
      this.rows.teams.push({
        id,
        officeId: ids.office(officeCode),
        parentId: t.parentKey ? ids.team(officeCode, t.parentKey) : null,
        name: t.name,
        purpose: t.purpose,
      });
      for (const code of t.services) this.rows.teamServices.push({ A: ids.service(code), B: id });
    }
  }

  private person(faker: Faker, id: string, employer: "STATE" | "MUNICIPAL") {
    const name = `${faker.person.firstName()} ${faker.person.lastName()}`;
    const email = this.emails.take(name, employer === "STATE" ? "nav.example" : "kommune.example");
    this.rows.persons.push({ id, name, email, employer, ssoSubject: null });
  }

  private assignment(
    personId: string,
    k: number,
    a: { role: string; team: string; fte: number; start: number; end: number | null; reportsTo: string | null },
  ) {
    this.rows.assignments.push({
      id: `${personId.replace("seed-person-", "seed-assignment-")}-${k}`,
      personId,
      roleId: ids.role(a.role),
      teamId: a.team,
      fte: fteString(a.fte),
      startDate: dateOf(a.start),
      endDate: a.end === null ? null : dateOf(a.end),
      reportsToId: a.reportsTo,
    });
  }

  /** An active office: teams, services, a leader per team and its staff, with history. */
  private activeOffice(office: OfficePlan) {
    const faker = makeFaker(Number(office.code));
    const template = teamTemplateFor(office.staff);
    this.teamRows(office.code, template);
    this.checkServiceCoverage(office.code, template);

    const officeStart = dayOf(office.validFrom);
    const mergerDay = office.createdBy ? dayOf(office.createdBy.effectiveDate) : null;
    const latestHire = this.today - 30;
    let n = 0;
    const staff: StaffMember[] = [];
    const leaderOf = new Map<string, string>();
    const hasChildren = new Set(template.map((t) => t.parentKey).filter((k): k is string => !!k));
    const municipalShareOf = (t: TeamTemplate): number =>
      t.staff?.municipalShare ??
      average(template.filter((c) => c.parentKey === t.key && c.staff).map((c) => c.staff?.municipalShare ?? 0)) ??
      0.3;

    const newMember = (roleCode: string, teamKey: string, municipalShare: number, leader: boolean, navLeader = false) => {
      const personId = ids.person(office.code, ++n);
      const employer = faker.datatype.boolean({ probability: municipalShare }) ? "MUNICIPAL" : "STATE";
      this.person(faker, personId, employer);
      // A merged office's Nav-leader led one of the old offices before the merger.
      const hireTo = navLeader && mergerDay !== null ? mergerDay - 365 : latestHire;
      const hire = faker.number.int({ min: EARLIEST_HIRE, max: hireTo });
      const member: StaffMember = { personId, employer, hire, roleCode, teamKey, fte: 1, isLeader: leader, isNavLeader: navLeader };
      staff.push(member);
      return member;
    };

    // Leaders: the Nav-leder in the management team, then one leader per other team.
    for (const t of template) {
      const role = t.isManagement ? "NAV_LEDER" : hasChildren.has(t.key) ? "AVDELINGSLEDER" : "TEAMLEDER";
      const leader = newMember(role, t.key, t.isManagement ? 0.3 : municipalShareOf(t), true, t.isManagement);
      leaderOf.set(t.key, leader.personId);
    }
    const navLeaderId = leaderOf.get(template.find((t) => t.isManagement)?.key ?? "") ?? null;
    const reportsToFor = (t: TeamTemplate, member: StaffMember): string | null => {
      if (!member.isLeader) return leaderOf.get(t.key) ?? null;
      if (t.isManagement) return null;
      return (t.parentKey ? leaderOf.get(t.parentKey) : navLeaderId) ?? null;
    };

    // Members, spread over the teams that have staff.
    const staffed = template.filter((t) => t.staff);
    const counts = apportion(
      Math.max(0, office.staff - template.length),
      staffed.map((t) => t.staff?.weight ?? 0),
    );
    staffed.forEach((t, i) => {
      const mix = t.staff;
      if (!mix) return;
      for (let c = 0; c < (counts[i] ?? 0); c++) newMember(pickWeighted(faker, mix.roles), t.key, mix.municipalShare, false);
    });

    const demoLeader = DEMO_LEADERS.find((leader) => leader.officeCode === office.code);
    if (demoLeader) this.linkDemoLeader(demoLeader, staff[0]);

    // Current assignments, with earlier ones inside the office (internal moves).
    const teamByKey = new Map(template.map((t) => [t.key, t]));
    for (const m of staff) {
      const team = teamByKey.get(m.teamKey);
      if (!team) continue;
      let k = 0;
      let start = Math.max(m.hire, officeStart);
      const reportsTo = reportsToFor(team, m);

      if (m.isLeader) {
        this.assignment(m.personId, ++k, { role: m.roleCode, team: ids.team(office.code, team.key), fte: 1, start, end: null, reportsTo });
        continue;
      }

      const shape = faker.number.float();
      const partTime = shape < 0.07 ? "two" : shape < 0.2 ? "one" : "full";
      const mainTenths = partTime === "two" ? faker.helpers.arrayElement([5, 6, 7, 8]) : partTime === "one" ? faker.helpers.arrayElement([5, 6, 8, 9]) : 10;
      const secondTenths = partTime === "two" ? faker.number.int({ min: 1, max: 10 - mainTenths }) : 0;
      m.fte = (mainTenths + secondTenths) / 10;

      // Some people moved here from another team of the same office.
      const others = staffed.filter((t) => t.key !== team.key && !t.isManagement);
      if (mergerDay === null && start < this.today - 730 && others.length > 0 && faker.datatype.boolean({ probability: 0.15 })) {
        const moved = faker.number.int({ min: start + 365, max: this.today - 60 });
        const before = faker.helpers.arrayElement(others);
        this.assignment(m.personId, ++k, {
          role: before.staff ? pickWeighted(faker, before.staff.roles) : m.roleCode,
          team: ids.team(office.code, before.key),
          fte: m.fte,
          start,
          end: moved - 1,
          reportsTo: leaderOf.get(before.key) ?? null,
        });
        start = moved;
      }

      this.assignment(m.personId, ++k, {
        role: m.roleCode,
        team: ids.team(office.code, team.key),
        fte: mainTenths / 10,
        start,
        end: null,
        reportsTo,
      });
      if (partTime === "two" && others.length > 0) {
        const second = faker.helpers.arrayElement(others);
        this.assignment(m.personId, ++k, {
          role: second.staff ? pickWeighted(faker, second.staff.roles) : m.roleCode,
          team: ids.team(office.code, second.key),
          fte: secondTenths / 10,
          start: faker.number.int({ min: start, max: Math.max(start, latestHire) }),
          end: null,
          reportsTo: leaderOf.get(second.key) ?? null,
        });
      }
    }

    if (office.createdBy && mergerDay !== null) this.mergerHistory(faker, office.code, office.createdBy, mergerDay, staff, n);
  }

  /**
   * History of the offices a merger replaced: their teams, their leaders, the earlier
   * assignments of everyone who moved to the new office (ending the day before the
   * merger), and a few people who left before it.
   */
  private mergerHistory(faker: Faker, targetCode: string, merger: MergerFact, mergerDay: number, staff: StaffMember[], lastN: number) {
    let n = lastN;
    const lastDay = mergerDay - 1;
    const sources = merger.sourceOfficeCodes.map((code) => this.officeFacts.get(code)).filter((o): o is OfficeFact => !!o);
    for (const s of sources) this.teamRows(s.code, HISTORIC_OFFICE_TEAMS);

    const moved = staff.filter((m) => m.hire < mergerDay);
    const navLeader = moved.find((m) => m.isNavLeader);
    const leaderPool = moved.filter((m) => m.isLeader && !m.isNavLeader);
    const used = new Set<string>();
    const leaver = (employer: "STATE" | "MUNICIPAL", hireTo: number) => {
      const personId = ids.person(targetCode, ++n);
      this.person(faker, personId, employer);
      return { personId, hire: faker.number.int({ min: EARLIEST_HIRE, max: hireTo }) };
    };

    // Each old office: its Nav-leder and a leader for each of its two teams.
    const historicLeaders = new Map<string, { navLeader: string; oppfolging: string; sosial: string }>();
    sources.forEach((s, i) => {
      const leaderFor = (role: string, teamKey: string, reportsTo: string | null, employer: "STATE" | "MUNICIPAL"): string => {
        // The first old office's Nav-leder leads the new office; other leaders of the new
        // office led the old offices' teams; where there are too few, the leader left.
        const fromNewOffice = i === 0 && role === "NAV_LEDER" ? navLeader : leaderPool.find((m) => !used.has(m.personId));
        const person = fromNewOffice ?? leaver(employer, mergerDay - 730);
        used.add(person.personId);
        // A person's assignments are numbered from 1 after the merger, so history is 0.
        this.assignment(person.personId, fromNewOffice ? 0 : 1, {
          role,
          team: ids.team(s.code, teamKey),
          fte: 1,
          start: person.hire,
          end: lastDay,
          reportsTo,
        });
        return person.personId;
      };
      const navLeaderId = leaderFor("NAV_LEDER", "ledelse", null, "STATE");
      historicLeaders.set(s.code, {
        navLeader: navLeaderId,
        oppfolging: leaderFor("TEAMLEDER", "oppfolging", navLeaderId, "STATE"),
        sosial: leaderFor("TEAMLEDER", "sosial", navLeaderId, "MUNICIPAL"),
      });
    });

    // Everyone else who worked here before the merger worked in one of the old offices.
    const weights = sources.map((s) => [s, s.staff] as const);
    for (const m of moved) {
      if (used.has(m.personId)) continue;
      const s = pickWeighted(faker, weights);
      const leaders = historicLeaders.get(s.code);
      const side = m.employer === "MUNICIPAL" ? "sosial" : "oppfolging";
      this.assignment(m.personId, 0, {
        // Leaders of the new office who did not lead before were promoted at the merger.
        role: m.isLeader ? "VEILEDER" : m.roleCode,
        team: ids.team(s.code, side),
        fte: m.fte,
        start: m.hire,
        end: lastDay,
        reportsTo: leaders?.[side] ?? null,
      });
    }

    // People who left an old office before it merged.
    for (const s of sources) {
      const leaders = historicLeaders.get(s.code);
      for (let i = 0; i < Math.max(1, Math.round(s.staff * 0.1)); i++) {
        const side = faker.datatype.boolean({ probability: 0.6 }) ? "oppfolging" : "sosial";
        const employer = faker.datatype.boolean({ probability: side === "sosial" ? 0.9 : 0.1 }) ? "MUNICIPAL" : "STATE";
        const person = leaver(employer, mergerDay - 400);
        const role =
          side === "sosial"
            ? pickWeighted(faker, [["SAKSBEHANDLER", 1], ["SOSIONOM", 1]] as const)
            : pickWeighted(faker, [["VEILEDER", 4], ["MARKEDSKONTAKT", 1]] as const);
        this.assignment(person.personId, 1, {
          role,
          team: ids.team(s.code, side),
          fte: faker.helpers.arrayElement([1, 1, 1, 0.8, 0.6]),
          start: person.hire,
          end: faker.number.int({ min: person.hire + 180, max: lastDay }),
          reportsTo: leaders?.[side] ?? null,
        });
      }
    }
  }

  private linkDemoLeader(leader: (typeof DEMO_LEADERS)[number], navLeader: StaffMember | undefined) {
    const row = this.rows.persons.find((p) => p.id === navLeader?.personId);
    if (!row || !navLeader) throw new Error(`No Nav-leder generated for office ${leader.officeCode}`);
    row.name = leader.name;
    row.email = leader.email;
    row.ssoSubject = leader.ssoSubject;
  }

  private checkServiceCoverage(officeCode: string, template: readonly TeamTemplate[]) {
    const delivered = new Set(template.flatMap((t) => t.services));
    const missing = SERVICES.filter((s) => !delivered.has(s.code)).map((s) => s.code);
    if (missing.length > 0) throw new Error(`Office ${officeCode}: no team delivers ${missing.join(", ")}`);
  }
}

function average(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}

/** All of Samla's seed rows for a scale. Pure and deterministic. */
export function generateSeed(options: GenerateOptions): SeedRows {
  return new Generator(todayDay(options.today)).run(options.scale);
}
