// Team templates: how an office of a given size is organised. Every template for an
// active office delivers every service in services.ts (the generator checks this).

export interface StaffMix {
  /** Relative share of the office's staff (leaders excluded) placed in this team. */
  weight: number;
  /** Role codes and their relative weights for the team's members. */
  roles: readonly (readonly [string, number])[];
  /** Probability that a member is employed by the municipality rather than the state. */
  municipalShare: number;
}

export interface TeamTemplate {
  key: string;
  name: string;
  purpose: string;
  parentKey?: string;
  services: readonly string[];
  /** Who works in the team besides its leader; a department without it holds only its leader. */
  staff?: StaffMix;
  /**
   * The management team holds the Nav-leder; other teams get an avdelingsleder (if they
   * have sub-teams) or a teamleder.
   */
  isManagement?: boolean;
}

const management: TeamTemplate = {
  key: "ledelse",
  name: "Ledelse",
  purpose: "Nav-leder og stab.",
  services: [],
  isManagement: true,
  staff: { weight: 0.03, roles: [["MERKANTIL", 1], ["RADGIVER", 1]], municipalShare: 0.4 },
};

const reception: TeamTemplate = {
  key: "mottak",
  name: "Mottak og veiledning",
  purpose: "Tar imot brukere i publikumsmottak og på telefon, og gir opplysning, råd og veiledning.",
  services: ["ORV", "DAGPENGER"],
  staff: { weight: 0.12, roles: [["VEILEDER", 4], ["MERKANTIL", 1]], municipalShare: 0.5 },
};

const market: TeamTemplate = {
  key: "marked",
  name: "Markedsteam",
  purpose: "Samarbeider med arbeidsgivere om rekruttering og inkludering.",
  services: ["MARKED"],
  staff: { weight: 0.08, roles: [["MARKEDSKONTAKT", 4], ["JOBBSPESIALIST", 1]], municipalShare: 0.1 },
};

const followUpDepartment: TeamTemplate = {
  key: "avd-oppfolging",
  name: "Avdeling for oppfølging",
  purpose: "Arbeidsrettet oppfølging av brukere.",
  services: [],
};

const socialDepartment: TeamTemplate = {
  key: "avd-sosial",
  name: "Avdeling for sosiale tjenester",
  purpose: "Kommunens sosiale tjenester i Nav-kontoret.",
  services: [],
};

/** Offices over 90 people: two departments with specialised sub-teams. */
export const LARGE_OFFICE_TEAMS: readonly TeamTemplate[] = [
  management,
  reception,
  followUpDepartment,
  {
    key: "ungdom",
    name: "Ungdomsteam",
    purpose: "Tett oppfølging av unge under 30 år.",
    parentKey: "avd-oppfolging",
    services: ["UNGINN", "ARBOPPF"],
    staff: { weight: 0.1, roles: [["VEILEDER", 4], ["JOBBSPESIALIST", 1]], municipalShare: 0.35 },
  },
  {
    key: "aap",
    name: "Team AAP",
    purpose: "Oppfølging av mottakere av arbeidsavklaringspenger.",
    parentKey: "avd-oppfolging",
    services: ["AAP"],
    staff: { weight: 0.12, roles: [["VEILEDER", 1]], municipalShare: 0.05 },
  },
  {
    key: "sykefravaer",
    name: "Team sykefravær",
    purpose: "Oppfølging av sykmeldte og deres arbeidsgivere.",
    parentKey: "avd-oppfolging",
    services: ["SYKEFRAVAER"],
    staff: { weight: 0.1, roles: [["VEILEDER", 1]], municipalShare: 0.05 },
  },
  {
    key: "arbeid",
    name: "Team arbeidsrettet oppfølging",
    purpose: "Oppfølging av arbeidssøkere, med jobbspesialister for IPS.",
    parentKey: "avd-oppfolging",
    services: ["ARBOPPF", "IPS"],
    staff: { weight: 0.14, roles: [["VEILEDER", 3], ["JOBBSPESIALIST", 1]], municipalShare: 0.15 },
  },
  socialDepartment,
  {
    key: "oksos",
    name: "Team økonomisk sosialhjelp",
    purpose: "Behandler søknader om økonomisk sosialhjelp.",
    parentKey: "avd-sosial",
    services: ["OKSOS"],
    staff: { weight: 0.14, roles: [["SAKSBEHANDLER", 3], ["SOSIONOM", 2]], municipalShare: 0.9 },
  },
  {
    key: "kvp",
    name: "Team kvalifiseringsprogrammet",
    purpose: "Følger opp deltakere i kvalifiseringsprogrammet.",
    parentKey: "avd-sosial",
    services: ["KVP"],
    staff: { weight: 0.07, roles: [["VEILEDER", 1], ["SOSIONOM", 1]], municipalShare: 0.9 },
  },
  {
    key: "bolig",
    name: "Team bolig og økonomisk rådgivning",
    purpose: "Midlertidig botilbud, boligsosialt arbeid og økonomisk rådgivning.",
    parentKey: "avd-sosial",
    services: ["MIDLBOLIG"],
    staff: { weight: 0.06, roles: [["RADGIVER", 1], ["SOSIONOM", 1]], municipalShare: 0.95 },
  },
  market,
];

/** Offices of 31-90 people: the same two departments with fewer sub-teams. */
export const MEDIUM_OFFICE_TEAMS: readonly TeamTemplate[] = [
  management,
  reception,
  followUpDepartment,
  {
    key: "ungdom",
    name: "Ungdomsteam",
    purpose: "Tett oppfølging av unge under 30 år, med jobbspesialister for IPS.",
    parentKey: "avd-oppfolging",
    services: ["UNGINN", "ARBOPPF", "IPS"],
    staff: { weight: 0.18, roles: [["VEILEDER", 4], ["JOBBSPESIALIST", 1]], municipalShare: 0.3 },
  },
  {
    key: "aap",
    name: "Team AAP",
    purpose: "Oppfølging av mottakere av arbeidsavklaringspenger og av sykmeldte.",
    parentKey: "avd-oppfolging",
    services: ["AAP", "SYKEFRAVAER", "ARBOPPF"],
    staff: { weight: 0.25, roles: [["VEILEDER", 1]], municipalShare: 0.05 },
  },
  socialDepartment,
  {
    key: "oksos",
    name: "Team økonomisk sosialhjelp",
    purpose: "Økonomisk sosialhjelp, kvalifiseringsprogrammet og midlertidig botilbud.",
    parentKey: "avd-sosial",
    services: ["OKSOS", "KVP", "MIDLBOLIG"],
    staff: { weight: 0.25, roles: [["SAKSBEHANDLER", 3], ["SOSIONOM", 2], ["RADGIVER", 1]], municipalShare: 0.9 },
  },
  market,
];

/** Offices of up to 30 people: flat, four teams. */
export const SMALL_OFFICE_TEAMS: readonly TeamTemplate[] = [
  { ...management, staff: { weight: 0.04, roles: [["MERKANTIL", 1]], municipalShare: 0.5 } },
  reception,
  {
    key: "oppfolging",
    name: "Team oppfølging",
    purpose: "Arbeidsrettet oppfølging, AAP, sykefravær, ungdom og arbeidsgiverkontakt.",
    services: ["ARBOPPF", "AAP", "SYKEFRAVAER", "UNGINN", "IPS", "MARKED"],
    staff: { weight: 0.5, roles: [["VEILEDER", 5], ["MARKEDSKONTAKT", 1]], municipalShare: 0.15 },
  },
  {
    key: "sosial",
    name: "Team sosiale tjenester",
    purpose: "Kommunens sosiale tjenester.",
    services: ["OKSOS", "KVP", "MIDLBOLIG", "ORV"],
    staff: { weight: 0.34, roles: [["SAKSBEHANDLER", 2], ["SOSIONOM", 2], ["VEILEDER", 1]], municipalShare: 0.9 },
  },
];

/** Offices that merged away keep a few teams, holding the history of who worked there. */
export const HISTORIC_OFFICE_TEAMS: readonly TeamTemplate[] = [
  { ...management, staff: undefined },
  {
    key: "oppfolging",
    name: "Team oppfølging",
    purpose: "Statlige tjenester og arbeidsrettet oppfølging.",
    services: ["ARBOPPF", "AAP", "SYKEFRAVAER", "MARKED", "DAGPENGER", "UNGINN", "IPS"],
  },
  {
    key: "sosial",
    name: "Team sosiale tjenester",
    purpose: "Kommunens sosiale tjenester.",
    services: ["OKSOS", "KVP", "MIDLBOLIG", "ORV"],
  },
];

export function teamTemplateFor(staff: number): readonly TeamTemplate[] {
  if (staff <= 30) return SMALL_OFFICE_TEAMS;
  if (staff <= 90) return MEDIUM_OFFICE_TEAMS;
  return LARGE_OFFICE_TEAMS;
}
