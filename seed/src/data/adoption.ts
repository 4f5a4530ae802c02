// The rollout of the methodology (issue 7): three waves, the offices in them, how far each
// office has come with each practice, and what office leaders write in their monthly
// progress reports. All people are invented; the texts are written as a Nav office would.
//
// Months are counted in two ways (the generator turns both into dates relative to the
// seed's today, so every date moves with --today):
//   - "month" in a wave or override: months from the month of the seed's today
//     (-24 = two years ago; the default today 2026-11-01 makes -24 November 2024);
//   - a practice path's month: months from the office's first report month (0 = the
//     month of its planned start).
//
// Facts the API tests, e2e and demo rely on (pinned by seed/test/adoption.test.ts):
//   - "Bølge 1 – pilot" has the five pilots, "Bølge 2" eight offices, "Bølge 3" six;
//     Nav Bodø is in no wave. Nav Fredrikstad moved from wave 3 to wave 2 (history kept).
//   - Pilots report every month from their start through last month (24 reports), except
//     Nav Indre Østfold, whose latest month is missing (overdue). Nobody has a report for
//     the current month, so Nav Lillestrøm's and Nav Drammen's are still to be opened.
//   - Nav Asker's report two months ago was returned for changes and sent again (two
//     submissions); Nav Moss's latest report is waiting for changes.
//   - Behind plan today: Nav Indre Østfold and Nav Kristiansand (pilots), Nav Stavanger,
//     Nav Moss and Nav Trondheim (wave 2), each with the reason in its latest report.
//   - Impact: offices cut processing time by a few days after adopting value stream
//     mapping (VERDISTROM); present leadership (NAERVAERENDE_LEDELSE) shows no such effect.

export const ADOPTION_STAGES = ["NOT_STARTED", "PREPARING", "PILOTING", "ADOPTED", "EMBEDDED"] as const;
export type StageName = (typeof ADOPTION_STAGES)[number];

/** The practice whose adoption visibly shortens processing time in the comparison offices. */
export const KEY_PRACTICE = "VERDISTROM";
/** A practice adopted at times that leave processing time unchanged. */
export const NEUTRAL_PRACTICE = "NAERVAERENDE_LEDELSE";

/** The directorate's demo planners (seed/keycloak/samla-realm.json) who review reports. */
export const DEMO_REVIEWERS = [
  { subject: "5a1f0c2e-0001-4000-8000-000000000001", name: "Petra Planlegger" },
  { subject: "5a1f0c2e-0006-4000-8000-000000000006", name: "Per Planlegger" },
] as const;

// ---- waves --------------------------------------------------------------------------------

export interface WaveFact {
  ordinal: number;
  name: string;
  isPilot: boolean;
  description: string;
  /** Planned start: the first day of this month (from today's month). */
  startMonth: number;
  /** Target: the last day of this month (from today's month). */
  targetMonth: number;
  /** The directorate created the wave in this month (from today's month). */
  createdMonth: number;
  /** Office codes, in the order they were added. */
  offices: readonly string[];
}

export const WAVES: readonly WaveFact[] = [
  {
    ordinal: 1,
    name: "Bølge 1 – pilot",
    isPilot: true,
    description:
      "Pilotkontorene prøver ut arbeidsmetodikken først og deler erfaringene med kontorene i de neste bølgene. Nav Lillestrøm er spydspiss.",
    startMonth: -24,
    targetMonth: -11,
    createdMonth: -26,
    offices: ["3030", "3005", "3025", "3014", "4204"],
  },
  {
    ordinal: 2,
    name: "Bølge 2",
    isPilot: false,
    description: "Store og mellomstore kontor på Østlandet, i Stavanger og Trondheim. Pilotkontorene er faddere.",
    startMonth: -14,
    targetMonth: -2,
    createdMonth: -20,
    offices: ["1190", "3020", "3002", "5090", "3804", "3024", "3029"],
  },
  {
    ordinal: 3,
    name: "Bølge 3",
    isPilot: false,
    description: "De øvrige kontorene i regionene, inkludert kontorene i den foreslåtte sammenslåingen i Gjøvik og Toten.",
    startMonth: 3,
    targetMonth: 13,
    createdMonth: -20,
    offices: ["3004", "3811", "3033", "3403", "3407", "3443", "3442"],
  },
];

/** An office that the directorate moved to an earlier wave: its old row ends, a new one starts. */
export const MOVED_OFFICE = {
  code: "3004",
  fromOrdinal: 3,
  toOrdinal: 2,
  /** Moved on this day of this month (from today's month). */
  movedMonth: -15,
  movedDay: 21,
  reason:
    "Kontoret ba om å starte tidligere: ny Nav-leder fra august og et veiledningsteam som allerede jobber med tavlemøter. Flyttet etter avtale i styringsgruppen.",
  /** Its dates in the new wave (later start than the wave's, same target). */
  startMonth: -13,
  targetMonth: -2,
} as const;

/** Dates for one practice where an office's plan differs from its wave's. */
export interface PracticeOverrideFact {
  office: string;
  practice: string;
  startMonth: number;
  targetMonth: number;
}

export const PRACTICE_OVERRIDES: readonly PracticeOverrideFact[] = [
  // The spearhead took user interviews first, to teach the other pilots.
  { office: "3030", practice: "BRUKERINTERVJU", startMonth: -24, targetMonth: -17 },
  // Indre Østfold's digital practices wait for the municipality's new case system.
  { office: "3014", practice: "DIGITAL_SOKNAD", startMonth: -14, targetMonth: -5 },
  { office: "3014", practice: "DIGITAL_FLYTOVERSIKT", startMonth: -14, targetMonth: -5 },
  // Kristiansand reorganises its teams first.
  { office: "4204", practice: "MYNDIGGJORTE_TEAM", startMonth: -14, targetMonth: 1 },
];

// ---- how far each office has come ----------------------------------------------------------

/**
 * A practice's path at an office: the month it was adopted (earlier stages and a possible
 * EMBEDDED are filled in by the generator), or its stage changes as [month, stage] pairs.
 */
export type PracticePath = number | readonly (readonly [number, StageName])[];

export interface OfficeAdoptionFact {
  /** Every practice must be given for pilots; comparison offices get the rest from their pace. */
  practices: Readonly<Record<string, PracticePath>>;
  /** 1 = the typical pace of its wave; lower is faster (comparison offices only). */
  pace?: number;
  /** Share of adopted practices the office embeds (pilots: of those at maturity level 3; level 4 always embeds). */
  embedShare?: number;
  /** What the office writes in its reports from this path month on while it is behind plan. */
  behind?: { from: number; obstacles: string; helpNeeded: string };
}

export const OFFICE_ADOPTION: Readonly<Record<string, OfficeAdoptionFact>> = {
  // Nav Lillestrøm, the spearhead: ahead of plan, starting with user insight.
  "3030": {
    embedShare: 0.4,
    practices: {
      BRUKERINTERVJU: 4,
      BRUKERSTEMME: 7,
      VERDISTROM: 10,
      ENHETLIGE_RUTINER: 11,
      KULTURVERKSTED: 6,
      LAERINGSKULTUR: 12,
      TAVLEMOTE: 5,
      NAERVAERENDE_LEDELSE: 1,
      MYNDIGGJORTE_TEAM: 12,
      FORBEDRINGSKOMPETANSE: 13,
      DIGITAL_SOKNAD: 9,
      DIGITAL_FLYTOVERSIKT: 13,
    },
  },
  // Nav Drammen: the Lean project on financial social assistance came first.
  "3005": {
    practices: {
      BRUKERINTERVJU: 6,
      BRUKERSTEMME: 10,
      VERDISTROM: [
        [0, "PILOTING"],
        [5, "ADOPTED"],
        [11, "EMBEDDED"],
      ],
      ENHETLIGE_RUTINER: 6,
      KULTURVERKSTED: 8,
      LAERINGSKULTUR: 11,
      TAVLEMOTE: [
        [0, "PREPARING"],
        [1, "PILOTING"],
        [4, "ADOPTED"],
        [10, "EMBEDDED"],
      ],
      NAERVAERENDE_LEDELSE: 15,
      MYNDIGGJORTE_TEAM: 12,
      FORBEDRINGSKOMPETANSE: 7,
      DIGITAL_SOKNAD: 9,
      DIGITAL_FLYTOVERSIKT: 12,
    },
  },
  // Nav Asker: furthest on the digital tools; caught up on the rest this year.
  "3025": {
    practices: {
      BRUKERINTERVJU: 13,
      BRUKERSTEMME: 14,
      VERDISTROM: 11,
      ENHETLIGE_RUTINER: 12,
      KULTURVERKSTED: 14,
      LAERINGSKULTUR: 13,
      TAVLEMOTE: 10,
      NAERVAERENDE_LEDELSE: 19,
      MYNDIGGJORTE_TEAM: 13,
      FORBEDRINGSKOMPETANSE: 15,
      DIGITAL_SOKNAD: 6,
      DIGITAL_FLYTOVERSIKT: 8,
    },
  },
  // Nav Indre Østfold: a smaller office that started late; furthest on empowered teams.
  "3014": {
    practices: {
      BRUKERINTERVJU: 16,
      BRUKERSTEMME: [
        [4, "PREPARING"],
        [20, "PILOTING"],
      ],
      VERDISTROM: 15,
      ENHETLIGE_RUTINER: 17,
      KULTURVERKSTED: 14,
      LAERINGSKULTUR: 13,
      TAVLEMOTE: 12,
      NAERVAERENDE_LEDELSE: 5,
      MYNDIGGJORTE_TEAM: 9,
      FORBEDRINGSKOMPETANSE: [
        [6, "PREPARING"],
        [13, "PILOTING"],
      ],
      DIGITAL_SOKNAD: [
        [10, "PREPARING"],
        [17, "PILOTING"],
      ],
      DIGITAL_FLYTOVERSIKT: [[12, "PREPARING"]],
    },
    behind: {
      from: 14,
      obstacles:
        "Vi har hatt to ledige teamlederstillinger siden sommeren og høyt sykefravær i sosialtjenesten, så brukerpanelet og opplæringen i forbedringsarbeid er skjøvet på. Digital søknad venter på kommunens nye fagsystem, som er utsatt til februar.",
      helpNeeded:
        "Vi trenger hjelp fra fylket til å kjøre opplæringen i forbedringsarbeid for de nye teamlederne, og en avklaring fra kommunen om når fagsystemet kommer.",
    },
  },
  // Nav Kristiansand: furthest on leadership; the board meetings fell away for a while.
  "4204": {
    practices: {
      BRUKERINTERVJU: 10,
      BRUKERSTEMME: [
        [5, "PREPARING"],
        [15, "PILOTING"],
      ],
      VERDISTROM: 12,
      ENHETLIGE_RUTINER: 11,
      KULTURVERKSTED: 13,
      LAERINGSKULTUR: 14,
      TAVLEMOTE: [
        [0, "PREPARING"],
        [3, "PILOTING"],
        [6, "ADOPTED"],
        [9, "PILOTING"],
        [18, "ADOPTED"],
      ],
      NAERVAERENDE_LEDELSE: 3,
      MYNDIGGJORTE_TEAM: [
        [11, "PREPARING"],
        [18, "PILOTING"],
      ],
      FORBEDRINGSKOMPETANSE: 13,
      DIGITAL_SOKNAD: 12,
      DIGITAL_FLYTOVERSIKT: [
        [8, "PREPARING"],
        [16, "PILOTING"],
      ],
    },
    behind: {
      from: 15,
      obstacles:
        "Omorganiseringen av oppfølgingsavdelingen har tatt mer tid enn planlagt. Brukerpanelet har vi ikke fått i gang fordi brukerorganisasjonene ikke har hatt folk, og den digitale flytoversikten mangler data fra fagsystemet.",
      helpNeeded: "Vi ønsker kontakt med Nav Lillestrøm om hvordan de rekrutterte til brukerpanelet, og hjelp fra IT til å hente ut data til flytoversikten.",
    },
  },

  // Wave 2: a mix of on-plan and behind-plan offices.
  "1190": {
    pace: 1.1,
    embedShare: 0,
    practices: {
      VERDISTROM: [
        [2, "PREPARING"],
        [9, "PILOTING"],
      ],
      ENHETLIGE_RUTINER: [
        [4, "PREPARING"],
        [10, "PILOTING"],
      ],
      DIGITAL_FLYTOVERSIKT: [[8, "PREPARING"]],
    },
    behind: {
      from: 10,
      obstacles:
        "Overgangen til nytt fagsystem for sosialtjenesten har tatt mye tid i høst, og kartleggingen av saksflyten er satt på vent til systemet er på plass. Vi har også tre ubesatte saksbehandlerstillinger.",
      helpNeeded: "Vi trenger en fasilitator til kartleggingsverkstedene i januar, gjerne fra et av pilotkontorene.",
    },
  },
  "3020": { pace: 0.95, embedShare: 0.1, practices: {} },
  "3002": {
    pace: 1,
    embedShare: 0.1,
    practices: {
      LAERINGSKULTUR: [
        [5, "PREPARING"],
        [11, "PILOTING"],
      ],
    },
    behind: {
      from: 11,
      obstacles:
        "Sammenslåingen av de to oppfølgingsteamene i august tok oppmerksomheten i høst, og vi har ikke fått startet de faste tilbakemeldingsrundene i alle team.",
      helpNeeded: "Tips til hvordan andre kontor har lagt opp tilbakemeldingsrundene når teamene er nye.",
    },
  },
  "5090": {
    pace: 1.05,
    embedShare: 0,
    practices: {
      MYNDIGGJORTE_TEAM: [
        [4, "PREPARING"],
        [10, "PILOTING"],
      ],
      FORBEDRINGSKOMPETANSE: [
        [3, "PREPARING"],
        [9, "PILOTING"],
      ],
    },
    behind: {
      from: 9,
      obstacles:
        "To av fire teamledere har sluttet siden juni, og de nye starter først i desember. Vi holder driften i gang, men opplæringen i forbedringsarbeid og overføringen av beslutninger til teamene er satt på pause.",
      helpNeeded: "Vi trenger en midlertidig prosessveileder fram til de nye teamlederne er på plass.",
    },
  },
  "3804": { pace: 0.9, embedShare: 0.2, practices: {} },
  "3024": { pace: 0.8, embedShare: 0.4, practices: {} },
  "3029": { pace: 0.95, embedShare: 0.15, practices: {} },
  "3004": { pace: 0.9, embedShare: 0.1, practices: {} },
};

/**
 * When a comparison office adopts each practice, as a share of its plan's months (the
 * office's pace stretches it). Present leadership comes early and value stream mapping
 * late, so the effect of the one does not show in the windows of the other.
 */
export const ADOPTION_SHARE: Readonly<Record<string, number>> = {
  BRUKERINTERVJU: 0.55,
  BRUKERSTEMME: 0.8,
  VERDISTROM: 0.72,
  ENHETLIGE_RUTINER: 0.85,
  KULTURVERKSTED: 0.45,
  LAERINGSKULTUR: 0.85,
  TAVLEMOTE: 0.45,
  NAERVAERENDE_LEDELSE: 0.28,
  MYNDIGGJORTE_TEAM: 0.75,
  FORBEDRINGSKOMPETANSE: 0.65,
  DIGITAL_SOKNAD: 0.6,
  DIGITAL_FLYTOVERSIKT: 0.9,
};

/** Reports missing (no row) or left in another state than the usual, by office and path month from the end. */
export const REPORT_EXCEPTIONS = {
  /** Offices whose reports for these months (1 = last month, 2 = the month before) do not exist. */
  missing: { "3014": [1], "5090": [2], "3020": [1] } as Readonly<Record<string, readonly number[]>>,
  /** Offices whose report for last month is a draft, not yet sent. */
  draft: ["5090"] as readonly string[],
  /** A report returned for changes and sent again, then acknowledged: office and months back. */
  resubmitted: { office: "3025", monthsBack: 2 },
  /** A report returned for changes and not yet sent again. */
  changesRequested: { office: "3002", monthsBack: 1 },
} as const;

// ---- comparison offices' KPI levels -------------------------------------------------------------

/** Ranges the comparison offices' starting levels are drawn from (before season and noise). */
export const COMPARISON_KPI_LEVELS = {
  SAKSBEHANDLINGSTID: [13.5, 19],
  BRUKERTILFREDSHET: [66, 77],
  MEDARBEIDERENGASJEMENT: [3.5, 4.0],
  SYKEFRAVAER: [6.4, 9.0],
} as const;

/** What adopting value stream mapping does, fully felt from the third month on. */
export const KEY_PRACTICE_EFFECT = {
  /** Days off processing time. */
  days: [2.2, 3.6],
  /** Percentage points more cases within the deadline. */
  withinDeadline: [4, 8],
  /** Share fewer cases in backlog. */
  backlog: [0.15, 0.3],
  /** Share of the effect in the adoption month and the month after. */
  ramp: [0.35, 0.7],
} as const;

// ---- what office leaders write ---------------------------------------------------------------

/** A short note per practice and stage, written when the stage changes (NOT_STARTED has none). */
export const STAGE_NOTES: Readonly<Record<string, Readonly<Record<Exclude<StageName, "NOT_STARTED">, string>>>> = {
  BRUKERINTERVJU: {
    PREPARING: "Intervjuguiden er gjennomgått, og to veiledere er satt av til intervjuene.",
    PILOTING: "{4-8} brukere intervjuet i kartleggingen av økonomisk sosialhjelp.",
    ADOPTED: "Intervjuer er fast del av hver kartlegging, og funnene legges fram i verkstedene.",
    EMBEDDED: "Vi intervjuer brukerne på nytt etter endringer og har lært opp et nabokontor.",
  },
  BRUKERSTEMME: {
    PREPARING: "Vi har kontaktet brukerorganisasjonene om et brukerpanel.",
    PILOTING: "Brukerpanelet har hatt sitt første møte; {3-6} brukere testet nytt vedtaksbrev.",
    ADOPTED: "Brukere tester nye løsninger før de tas i bruk.",
    EMBEDDED: "Brukerpanelet møtes hvert kvartal, og ledergruppen prioriterer etter innspillene.",
  },
  VERDISTROM: {
    PREPARING: "Kartleggingsverksted for økonomisk sosialhjelp er planlagt.",
    PILOTING: "Nå-situasjonen er kartlagt; ny flyt prøves ut i ett team.",
    ADOPTED: "Ny flyt gjelder hele sosialtjenesten; gjennomløpstiden måles hver måned.",
    EMBEDDED: "Flyten revideres med ansatte fra alle ledd, og kvalifiseringsprogrammet er også kartlagt.",
  },
  ENHETLIGE_RUTINER: {
    PREPARING: "Arbeidsgruppe skriver felles rutine og sjekkliste.",
    PILOTING: "Felles sjekkliste prøves ut; stikkprøve i {10-20} saker.",
    ADOPTED: "Alle følger felles rutine; avvik tas opp i tavlemøtet.",
    EMBEDDED: "De ansatte forbedrer rutinene selv og deler dem med andre kontor.",
  },
  KULTURVERKSTED: {
    PREPARING: "Første kulturverksted er planlagt med tillitsvalgte og verneombud.",
    PILOTING: "{2-3} verksteder holdt; utkast til kulturelt målbilde er laget.",
    ADOPTED: "Det kulturelle målbildet er vedtatt og brukes i medarbeidersamtalene.",
    EMBEDDED: "Målbildet følges opp i hvert team og revideres årlig.",
  },
  LAERINGSKULTUR: {
    PREPARING: "Vi har valgt et format for tilbakemeldingsrunder.",
    PILOTING: "Tilbakemeldingsrunder prøves ut i {2-3} team.",
    ADOPTED: "Alle team har faste tilbakemeldingsrunder og deler det de lærer.",
    EMBEDDED: "Feil og læring deles åpent, også på tvers av avdelingene.",
  },
  TAVLEMOTE: {
    PREPARING: "Tavler er bestilt, og teamlederne har fått opplæring.",
    PILOTING: "Daglige tavlemøter i {1-3} team.",
    ADOPTED: "Alle team har daglige tavlemøter på 15 minutter.",
    EMBEDDED: "Tavlemøtene driver forbedringene; saker løftes mellom nivåene samme dag.",
  },
  NAERVAERENDE_LEDELSE: {
    PREPARING: "Ledergruppen har lagt en plan for gemba-runder.",
    PILOTING: "Lederne deltar i tavlemøtene to dager i uka.",
    ADOPTED: "Lederne er fast til stede i tavlemøter og verksteder.",
    EMBEDDED: "Lederne coacher teamlederne i forbedringsarbeidet, og ledergruppen følger opp ukentlig.",
  },
  MYNDIGGJORTE_TEAM: {
    PREPARING: "Vi kartlegger hvilke beslutninger teamene kan ta selv.",
    PILOTING: "Ett team prøver ut å fordele saker og prioritere selv.",
    ADOPTED: "Teamene fordeler saker og prioriterer selv innenfor rammene.",
    EMBEDDED: "Teamene setter egne mål og følger dem opp uten leder til stede.",
  },
  FORBEDRINGSKOMPETANSE: {
    PREPARING: "Opplæringsplan er laget; {2-4} forbedringsagenter er valgt ut.",
    PILOTING: "Første kull på {8-14} ansatte har tatt grunnopplæringen.",
    ADOPTED: "Alle ansatte har grunnopplæring i forbedringsarbeid.",
    EMBEDDED: "Egne forbedringsagenter lærer opp nyansatte og andre kontor.",
  },
  DIGITAL_SOKNAD: {
    PREPARING: "Vi har gått gjennom hvilke søknader som fortsatt kommer på papir.",
    PILOTING: "Veiledere hjelper brukere med digital søknad i mottaket.",
    ADOPTED: "De fleste søknadene kommer digitalt, med dokumentasjonen vedlagt.",
    EMBEDDED: "Under {5-10} % av søknadene kommer på papir; veiledningen er en del av mottaket.",
  },
  DIGITAL_FLYTOVERSIKT: {
    PREPARING: "Vi har bestilt tilgang til flytoversikten.",
    PILOTING: "Flytoversikten brukes i tavlemøtet i ett team.",
    ADOPTED: "Alle team bruker flytoversikten til å følge ventetid og restanser.",
    EMBEDDED: "Flytoversikten brukes i styringen og i dialogen med kommunen.",
  },
};

/** Written when a stage goes back. */
export const SETBACK_NOTE =
  "Tavlemøtene stoppet opp etter at to teamledere sluttet i sommer; vi starter opp igjen med de nye teamlederne.";

/** What an office learned when a practice moved up to piloting or further, per practice (one is chosen). */
export const PRACTICE_LEARNING: Readonly<Record<string, readonly string[]>> = {
  BRUKERINTERVJU: [
    "Intervjuene viste at brukerne ikke skjønner hvilken dokumentasjon vi ber om. Vi har skrevet om brevet sammen med to av dem.",
    "Brukerne forteller om lange ventetider mellom søknad og første samtale. Det bekrefter det kartleggingen viste.",
  ],
  BRUKERSTEMME: [
    "Brukerpanelet pekte på at vedtaksbrevene er vanskelige å forstå. Vi tester nytt brev med enklere språk.",
    "Når brukerne tester løsningene før vi tar dem i bruk, slipper vi å rette opp i etterkant.",
  ],
  VERDISTROM: [
    "Kartleggingen viste at søknadene ventet i snitt {3-5} dager på fordelingsmøtet. Vi fordeler nå daglig.",
    "Ventetiden i flyten er mye større enn selve behandlingstiden. Det var en øyeåpner for alle som var med.",
  ],
  ENHETLIGE_RUTINER: [
    "Felles sjekkliste har gjort det lettere for nyansatte, og færre saker må sendes tilbake for mer dokumentasjon.",
    "Stikkprøvene viser at vi fortsatt gjør ulikt på dokumentasjonskrav. Vi tar det opp i tavlemøtene.",
  ],
  KULTURVERKSTED: [
    "Verkstedene ga et felles språk for hva vi vil være for brukerne. Flere ansatte enn ventet ville bidra.",
    "Det kulturelle målbildet er konkret nok til at teamene kan bruke det når de prioriterer.",
  ],
  LAERINGSKULTUR: [
    "Det tok tid før folk delte feil åpent, men nå kommer det forslag fra alle team.",
    "Korte tilbakemeldingsrunder etter hvert verksted fungerer bedre enn lange evalueringer.",
  ],
  TAVLEMOTE: [
    "Tavlemøtene gir bedre oversikt over restansene, og vi flytter folk dit presset er størst.",
    "Det hjelper å holde møtene korte og på samme tid hver dag.",
  ],
  NAERVAERENDE_LEDELSE: [
    "Når lederne er til stede i tavlemøtene, blir hindringer løst raskere.",
    "Lederne har fått et bedre bilde av hva som stopper sakene underveis.",
  ],
  MYNDIGGJORTE_TEAM: [
    "Teamene fordeler saker selv, og fordelingsmøtet er lagt ned. Det frigjør tid for teamlederne.",
    "Teamene trenger tydelige rammer for hva de kan bestemme selv; det har vi skrevet ned.",
  ],
  FORBEDRINGSKOMPETANSE: [
    "Opplæringen gir ansatte verktøy til å løse problemer selv, og forbedringstavla fylles opp.",
    "Forbedringsagentene har blitt viktige pådrivere i teamene.",
  ],
  DIGITAL_SOKNAD: [
    "Med digital søknad får vi dokumentasjonen samtidig med søknaden, og færre saker må vente.",
    "Brukere som trenger hjelp, får den i mottaket; andelen papirsøknader går jevnt ned.",
  ],
  DIGITAL_FLYTOVERSIKT: [
    "Flytoversikten viser hvor sakene hoper seg opp, så vi ser det før restansene vokser.",
    "Teamene bruker flytoversikten i tavlemøtet, og diskusjonene blir mer konkrete.",
  ],
};

/** Learning when no practice moved this month. */
export const GENERAL_LEARNING: readonly string[] = [
  "Vi har brukt måneden på å få rutinene til å sitte. Det går bedre når vi følger opp i tavlemøtet hver dag.",
  "Erfaringsdelingen med et av pilotkontorene ga gode tips om hvordan vi holder trykket oppe.",
  "Ansatte som var skeptiske i starten, er nå blant dem som foreslår flest forbedringer.",
  "Vi ser at små endringer som testes raskt, gir mer enn store planer.",
  "Det er lettere å holde fokus når vi jobber med én tjeneste om gangen.",
  "Samarbeidet med kommunen om sosialtjenesten har blitt tettere etter at vi startet med felles tavlemøter.",
  "Vi har lært at vi må sette av tid til forbedringsarbeidet i turnusen, ellers blir det borte i driften.",
  "Nyansatte kommer raskere i gang når de går sammen med en erfaren kollega de første ukene.",
  "Vi har startet å måle gjennomløpstid selv hver uke, og det gjør resultatene synlige for alle.",
  "Ukentlig oppfølging i ledergruppen gjør at tiltak blir fulgt opp og ikke bare besluttet.",
];

/** Added to the learning when processing time moved clearly. */
export const KPI_LEARNING = {
  better: "Saksbehandlingstiden gikk ned fra {from} til {to} dager.",
  worse: "Saksbehandlingstiden gikk opp fra {from} til {to} dager; vi følger med på restansene.",
} as const;

/** Everyday obstacles; `months` limits one to those calendar months (1-12). */
export const GENERAL_OBSTACLES: readonly { text: string; months?: readonly number[] }[] = [
  { text: "Ferieavviklingen gjorde at tavlemøtene ble holdt sjeldnere i juli.", months: [7] },
  { text: "Mange var på ferie, og forbedringsarbeidet gikk på lavgir i sommer.", months: [7, 8] },
  { text: "Høy pågang etter nyttår og sykefravær i mottaket tok mye kapasitet.", months: [1, 2] },
  { text: "Julen og færre på jobb gjorde at vi utsatte neste verksted.", months: [12] },
  { text: "Sykefravær i sosialtjenesten har gjort det vanskelig å frigjøre tid til verkstedene." },
  { text: "Driften tar mye tid, og det er krevende å sette av tid til forbedringsarbeid." },
  { text: "Oppgradering av fagsystemet ga ekstra arbeid i noen uker." },
  { text: "To nyansatte er under opplæring, så teamet har hatt mindre kapasitet." },
  { text: "Det er fortsatt noe motstand mot å endre rutiner som har fungert lenge." },
  { text: "Flere kurs og samlinger samme måned gjorde det vanskelig å samle alle." },
  { text: "" },
  { text: "" },
  { text: "Ingen store hindringer denne måneden." },
];

/** Help asked for now and then (often nothing). */
export const GENERAL_HELP: readonly string[] = [
  "",
  "",
  "",
  "",
  "Vi ønsker en erfaringsdeling med et pilotkontor om tavlemøter.",
  "Gjerne eksempler på gode vedtaksbrev fra andre kontor.",
  "Vi trenger hjelp til å hente ut tall for gjennomløpstid fra fagsystemet.",
  "Vi vil gjerne ha en fasilitator til neste kulturverksted.",
  "Innspill til hvordan vi kan involvere kommunens ansatte mer.",
];

/** Short answers from the directorate when it acknowledges a report (most have none). */
export const ACKNOWLEDGEMENT_COMMENTS: readonly string[] = [
  "Takk for rapporten. Fint at dere deler erfaringene med de andre kontorene.",
  "Takk! Godt å se at saksbehandlingstiden går ned.",
  "Takk for grundig rapport. Vi tar med hindringene i neste styringsgruppemøte.",
  "Mottatt. Vi setter dere i kontakt med et pilotkontor om det dere ba om hjelp til.",
  "Takk. Tallene ser fine ut, og læringen er nyttig for bølge 3.",
  "Godt jobbet med tavlemøtene denne måneden.",
];

/** The directorate's requests for changes (and its answer once fixed). */
export const CHANGE_REQUESTS = {
  resubmitted: {
    comment:
      "Restansene er oppgitt til {wrong} saker, ti ganger mer enn i forrige måned. Kan dere sjekke tallet og sende rapporten på nytt?",
    acknowledgement: "Takk for rask retting.",
  },
  pending: {
    comment:
      "Hindringene er tomme, men dere ligger bak plan på lærings- og tilbakemeldingskultur. Kan dere skrive hva som hindrer dere og hva dere trenger hjelp til?",
  },
} as const;
