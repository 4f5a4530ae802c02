// The role catalogue.

export interface RoleFact {
  code: string;
  name: string;
  category: "LEADER" | "ADVISER" | "CASEWORKER" | "SPECIALIST" | "SUPPORT";
  description: string;
}

export const ROLES: readonly RoleFact[] = [
  { code: "NAV_LEDER", name: "Nav-leder", category: "LEADER", description: "Leder Nav-kontoret på vegne av stat og kommune." },
  { code: "AVDELINGSLEDER", name: "Avdelingsleder", category: "LEADER", description: "Leder en avdeling med flere team." },
  { code: "TEAMLEDER", name: "Teamleder", category: "LEADER", description: "Leder et team." },
  { code: "VEILEDER", name: "Veileder", category: "ADVISER", description: "Veileder og følger opp brukere." },
  { code: "SAKSBEHANDLER", name: "Saksbehandler", category: "CASEWORKER", description: "Behandler søknader og fatter vedtak." },
  { code: "SOSIONOM", name: "Sosionom", category: "SPECIALIST", description: "Sosialfaglig arbeid med brukere og familier." },
  { code: "RADGIVER", name: "Rådgiver", category: "SPECIALIST", description: "Fagrådgiver, for eksempel økonomisk rådgiver eller fagkoordinator." },
  { code: "MARKEDSKONTAKT", name: "Markedskontakt", category: "SPECIALIST", description: "Kontakt med arbeidsgivere og rekruttering." },
  { code: "JOBBSPESIALIST", name: "Jobbspesialist", category: "SPECIALIST", description: "Følger opp brukere i og mot arbeid (IPS, supported employment)." },
  { code: "MERKANTIL", name: "Merkantil / kontorstøtte", category: "SUPPORT", description: "Kontorstøtte, arkiv og publikumsmottak." },
];
