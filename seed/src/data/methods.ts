// The methodology the pilots work by, and what the five pilot offices have recorded about
// it: maturity paths, KPI trends, case flows for financial social assistance, user
// insights and culture mappings. All people are invented; quotes are anonymous.
//
// Codes the API and web rely on (stable; the generator derives ids from them):
//   Practices (12, two per theme, by theme and sortOrder):
//     USER_INSIGHT          BRUKERINTERVJU (2 versions), BRUKERSTEMME
//     CASE_FLOW             VERDISTROM, ENHETLIGE_RUTINER
//     CULTURE               KULTURVERKSTED, LAERINGSKULTUR
//     LEADERSHIP            TAVLEMOTE, NAERVAERENDE_LEDELSE
//     EMPLOYEE_EMPOWERMENT  MYNDIGGJORTE_TEAM, FORBEDRINGSKOMPETANSE
//     DIGITAL_TOOLS         DIGITAL_SOKNAD (2 versions), DIGITAL_FLYTOVERSIKT
//   KPIs (in sortOrder): SAKSBEHANDLINGSTID (dager, lower), ANDEL_INNEN_FRIST (%, higher),
//     RESTANSER (saker, lower), BRUKERTILFREDSHET (%, higher),
//     MEDARBEIDERENGASJEMENT (1-5, higher), SYKEFRAVAER (%, lower)
//   Stage keys, in flow order: MOTTAK, KARTLEGGING, VURDERING, VEDTAK, UTBETALING, OPPFOLGING
//   Case flows: service OKSOS (økonomisk sosialhjelp) only, two per pilot (the first
//     current-state mapping and a newer flow); Drammen's newest is the shortest
//     (11.5 days lead time), Lillestrøm's 18.5 days.
//   Insight themes: see INSIGHT_THEMES. Culture dimensions: see CULTURE_DIMENSIONS.

export type PracticeThemeCode = "USER_INSIGHT" | "CASE_FLOW" | "CULTURE" | "LEADERSHIP" | "EMPLOYEE_EMPOWERMENT" | "DIGITAL_TOOLS";

/** Who the seed's rows are recorded by (author fields and PracticeVersion.createdBy). */
export const METHOD_SEED_AUTHOR = { subject: "seed", name: "Samla (demodata)" } as const;

/** The common stages of a case flow, in order, so flows of different offices line up. */
export const STAGE_KEYS = ["MOTTAK", "KARTLEGGING", "VURDERING", "VEDTAK", "UTBETALING", "OPPFOLGING"] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

/** Norwegian names of the stages, for screens that show a stage without a step. */
export const STAGE_NAMES: Record<StageKey, string> = {
  MOTTAK: "Mottak",
  KARTLEGGING: "Kartlegging",
  VURDERING: "Vurdering",
  VEDTAK: "Vedtak",
  UTBETALING: "Utbetaling",
  OPPFOLGING: "Oppfølging",
};

// ---- the methodology catalogue -----------------------------------------------------------

export interface PracticeVersionFact {
  name: string;
  description: string;
  /** What levels 0, 1, 2, 3 and 4 mean. */
  levels: readonly [string, string, string, string, string];
  /** Assessments from this quarter (0 = the first of the eight seeded) are made against this version. */
  fromQuarter: number;
}

export interface PracticeFact {
  code: string;
  theme: PracticeThemeCode;
  sortOrder: number;
  versions: readonly PracticeVersionFact[];
  /**
   * What an office would write as evidence at each level; `{a-b}` is replaced by a number
   * in that range, so the same level reads differently from office to office.
   */
  evidence: readonly [string, string, string, string, string];
}

export const PRACTICES: readonly PracticeFact[] = [
  {
    code: "BRUKERINTERVJU",
    theme: "USER_INSIGHT",
    sortOrder: 1,
    versions: [
      {
        fromQuarter: 0,
        name: "Brukerintervjuer i kartleggingen",
        description:
          "Kontoret intervjuer brukere når nå-situasjonen i en tjeneste kartlegges, slik at brukernes egne ord blir en del av grunnlaget for forbedringene.",
        levels: [
          "Brukere intervjues ikke som del av kartleggingen.",
          "Enkelte intervjuer er gjennomført, men på eget initiativ og uten felles opplegg.",
          "Intervjuer gjennomføres i de fleste kartlegginger, men funnene brukes lite i arbeidet videre.",
          "Intervjuer er fast del av hver kartlegging, og funnene legges fram for alle som deltar.",
          "Intervjuer er en selvfølgelig del av alt forbedringsarbeid, og kontoret lærer opp andre kontor.",
        ],
      },
      {
        // The directorate tightened the practice after the first year: a common interview
        // guide, a minimum number of interviews and findings tied to the steps of the flow.
        fromQuarter: 4,
        name: "Brukerintervjuer i kartlegging av nå-situasjonen",
        description:
          "Kontoret intervjuer et utvalg brukere hver gang nå-situasjonen i en tjeneste kartlegges, etter en felles intervjuguide. Funnene knyttes til stegene i saksflyten og registreres som brukerinnsikt.",
        levels: [
          "Ingen brukerintervjuer i kartleggingen av nå-situasjonen.",
          "Noen intervjuer er gjort, men uten felles intervjuguide og uten at funnene er dokumentert.",
          "Minst fem brukere intervjues per kartlegging etter felles guide; funnene er dokumentert, men ikke knyttet til stegene i flyten.",
          "Intervjuer etter felles guide i hver kartlegging; funnene er knyttet til steg i saksflyten og brukes når ny flyt utformes.",
          "Som nivå 3, og kontoret intervjuer brukerne på nytt etter endringer for å se om de merker forskjell.",
        ],
      },
    ],
    evidence: [
      "Ingen brukerintervjuer er planlagt ennå.",
      "{2-4} brukere er intervjuet på initiativ fra en saksbehandler; notatene er ikke samlet.",
      "{5-8} brukere intervjuet etter felles guide i kartleggingen av økonomisk sosialhjelp. Funnene er oppsummert i prosjektrommet.",
      "{8-12} intervjuer i siste kartlegging. Funnene er knyttet til mottak og kartleggingssamtale og ble brukt i verkstedet om ny flyt.",
      "Oppfølgingsintervjuer med {6-10} brukere etter ny flyt viser at brukerne merker kortere ventetid. Kontoret har lært opp to andre kontor i intervjuguiden.",
    ],
  },
  {
    code: "BRUKERSTEMME",
    theme: "USER_INSIGHT",
    sortOrder: 2,
    versions: [
      {
        fromQuarter: 0,
        name: "Brukerens stemme i utformingen",
        description:
          "Brukernes behov og egne ord styrer hvordan ønsket framtidig situasjon utformes. Brukere eller brukerrepresentanter deltar når nye arbeidsmåter testes.",
        levels: [
          "Ny praksis utformes uten innspill fra brukere.",
          "Brukerinnsikt nevnes i arbeidet, men påvirker sjelden valgene.",
          "Sitater og funn fra brukerne brukes aktivt i verkstedene når framtidig flyt utformes.",
          "Brukere eller brukerrepresentanter tester nye løsninger før de tas i bruk, og endringer begrunnes i brukernes behov.",
          "Brukerens stemme er fast innslag i styring og prioritering; effekten for brukerne måles og følges opp.",
        ],
      },
    ],
    evidence: [
      "Ny flyt er utformet uten innspill fra brukere.",
      "Brukerinnsikt ble nevnt i oppstarten, men ble ikke brukt i valgene.",
      "Sitater fra brukerintervjuene hang på veggen i alle {3-5} verkstedene og ble brukt i diskusjonene om ny flyt.",
      "{4-7} brukere testet det nye vedtaksbrevet før det ble tatt i bruk; to formuleringer ble endret etter testen.",
      "Brukerpanel med {6-9} deltakere møtes hvert kvartal, og ledergruppen prioriterer tiltak ut fra innspillene.",
    ],
  },
  {
    code: "VERDISTROM",
    theme: "CASE_FLOW",
    sortOrder: 1,
    versions: [
      {
        fromQuarter: 0,
        name: "Verdistrømkartlegging av saksflyt",
        description:
          "Saksflyten i en tjeneste kartlegges fra søknad til vedtak og oppfølging, med tid i hvert steg, ventetid og overleveringer, for å finne sløsing og flaskehalser.",
        levels: [
          "Saksflyten er ikke kartlagt.",
          "Flyten er tegnet opp, men uten tall for tid, ventetid og overleveringer.",
          "Nå-situasjonen er kartlagt med tid og ventetid for minst én tjeneste.",
          "Framtidig flyt er utformet og innført; gjennomløpstiden måles jevnlig mot kartleggingen.",
          "Flere tjenester er kartlagt, og flyten revideres minst årlig med ansatte fra alle ledd.",
        ],
      },
    ],
    evidence: [
      "Saksflyten for økonomisk sosialhjelp er ikke kartlagt.",
      "Flyten er tegnet opp på et halvdagsmøte, men uten måling av tid og ventetid.",
      "Nå-situasjonen er kartlagt over {2-4} verkstedsdager med tid, ventetid og overleveringer per steg.",
      "Ny flyt er innført; gjennomløpstiden måles hver måned og sammenlignes med kartleggingen.",
      "Også kvalifiseringsprogrammet er kartlagt, og flyten for sosialhjelp ble revidert med ansatte fra alle ledd i år.",
    ],
  },
  {
    code: "ENHETLIGE_RUTINER",
    theme: "CASE_FLOW",
    sortOrder: 2,
    versions: [
      {
        fromQuarter: 0,
        name: "Enhetlige saksrutiner",
        description:
          "Alle saksbehandlere følger de samme rutinene, sjekklistene og malene for en tjeneste, slik at brukerne får lik behandling uansett hvem som har saken.",
        levels: [
          "Hver saksbehandler har egne rutiner.",
          "Felles rutiner finnes på papiret, men følges ulikt.",
          "Felles sjekklister og maler brukes i de fleste saker.",
          "Rutinene følges av alle; avvik fanges opp i tavlemøtene og rettes.",
          "Rutinene forbedres løpende av de ansatte og deles med andre kontor.",
        ],
      },
    ],
    evidence: [
      "Saksbehandlerne har egne rutiner og maler.",
      "Felles rutinebeskrivelse er skrevet, men en stikkprøve av {10-20} saker viser ulik praksis.",
      "Felles sjekkliste ble brukt i {6-8} av 10 saker i stikkprøven.",
      "Stikkprøve av {15-25} saker viser at alle følger felles rutine; avvik tas opp i tavlemøtet.",
      "De ansatte har selv forbedret rutinen for dokumentasjonskrav, og rutinen er delt med de andre pilotkontorene.",
    ],
  },
  {
    code: "KULTURVERKSTED",
    theme: "CULTURE",
    sortOrder: 1,
    versions: [
      {
        fromQuarter: 0,
        name: "Kulturverksteder med kulturelt målbilde",
        description:
          "Ansatte og ledere kartlegger dagens kultur i verksteder og blir enige om et kulturelt målbilde som styrer forbedringsarbeidet.",
        levels: [
          "Kulturen er ikke kartlagt.",
          "Det er holdt et første verksted, men uten felles målbilde.",
          "Dagens kultur er kartlagt, og et kulturelt målbilde er vedtatt.",
          "Målbildet brukes aktivt: det følges opp i teamene og kartlegges på nytt minst årlig.",
          "Målbildet er en del av hverdagen, også ved rekruttering og opplæring av nyansatte.",
        ],
      },
    ],
    evidence: [
      "Kulturen er ikke kartlagt.",
      "Første kulturverksted er holdt med ledergruppen; målbildet er ikke utarbeidet.",
      "{2-4} kulturverksteder med alle ansatte; kulturelt målbilde er vedtatt i ledergruppen.",
      "Målbildet følges opp i teammøtene hver måned, og ny kulturkartlegging er gjennomført.",
      "Målbildet brukes i intervjuer og i opplæringen av nyansatte; {2-5} nyansatte har fått innføring i det siste kvartal.",
    ],
  },
  {
    code: "LAERINGSKULTUR",
    theme: "CULTURE",
    sortOrder: 2,
    versions: [
      {
        fromQuarter: 0,
        name: "Åpen lærings- og tilbakemeldingskultur",
        description: "Feil og avvik deles åpent og brukes til læring. Ansatte gir hverandre og ledelsen tilbakemeldinger uten frykt.",
        levels: [
          "Feil og avvik tas sjelden opp.",
          "Avvik meldes, men håndteres av ledelsen alene.",
          "Avvik og feil gjennomgås i teamene, men læringen deles lite videre.",
          "Teamene gjennomgår avvik jevnlig og deler læringspunkter på tvers av kontoret.",
          "Åpenhet om feil er en styrke; læringen deles også med andre kontor.",
        ],
      },
    ],
    evidence: [
      "Avvik tas sjelden opp i teamene.",
      "Avvik meldes i avvikssystemet, men gjennomgås bare av ledelsen.",
      "Teamene gikk gjennom {3-8} avvik forrige kvartal; læringspunktene ble ikke delt videre.",
      "Fast gjennomgang av avvik annenhver uke; {3-6} læringspunkter ble delt på personalmøtet.",
      "Læringspunktene deles på pilotkontorenes felles samling, og medarbeiderundersøkelsen viser høy trygghet for å si fra.",
    ],
  },
  {
    code: "TAVLEMOTE",
    theme: "LEADERSHIP",
    sortOrder: 1,
    versions: [
      {
        fromQuarter: 0,
        name: "Daglige tavlemøter",
        description:
          "Korte, stående møter ved en tavle hver dag der teamet ser på saksmengde, frister og hindringer, og fordeler arbeidet.",
        levels: [
          "Ingen tavlemøter.",
          "Tavlemøter holdes av og til i enkelte team.",
          "Alle team i tjenesten har tavlemøter, men innholdet varierer.",
          "Daglige tavlemøter med felles struktur; frister og restanser følges opp der.",
          "Tavlemøtene henger sammen i nivåer, så hindringer løftes raskt til rett leder.",
        ],
      },
    ],
    evidence: [
      "Ingen faste tavlemøter.",
      "Ett team prøver tavlemøter to dager i uken.",
      "Alle de {3-5} teamene i sosialtjenesten har tavlemøter, men med ulik struktur.",
      "Daglige tavlemøter på 15 minutter med felles tavle; restanser og frister gjennomgås hver dag.",
      "Tavlemøtene er koblet i nivåer: hindringer som ikke løses i teamet, tas opp på ledertavlen samme dag.",
    ],
  },
  {
    code: "NAERVAERENDE_LEDELSE",
    theme: "LEADERSHIP",
    sortOrder: 2,
    versions: [
      {
        fromQuarter: 0,
        name: "Tilstedeværende ledelse i forbedringsarbeidet",
        description: "Lederne er der arbeidet skjer, spør før de svarer og fjerner hindringer teamene ikke kan løse selv.",
        levels: [
          "Ledelsen følger forbedringsarbeidet på avstand.",
          "Lederne deltar i oppstarten, men sjelden i det daglige arbeidet.",
          "Lederne deltar jevnlig i tavlemøtene og følger opp tiltak.",
          "Lederne går faste runder i teamene og løser hindringer innen avtalt tid.",
          "Lederne veileder hverandre og andre kontor i forbedringsledelse.",
        ],
      },
    ],
    evidence: [
      "Ledelsen følger arbeidet gjennom månedsrapporter.",
      "Lederne deltok i oppstartsverkstedet, men ikke i det daglige.",
      "Lederne deltar i tavlemøtene {2-3} dager i uken og følger opp tiltak.",
      "Lederne går fast runde i teamene; {8-14} hindringer ble løst innen avtalt tid sist kvartal.",
      "Lederne veileder hverandre i forbedringsledelse og har hatt hospitanter fra {2-3} andre kontor.",
    ],
  },
  {
    code: "MYNDIGGJORTE_TEAM",
    theme: "EMPLOYEE_EMPOWERMENT",
    sortOrder: 1,
    versions: [
      {
        fromQuarter: 0,
        name: "Myndiggjorte team",
        description:
          "Teamene har myndighet til å endre egne arbeidsmåter innenfor felles rammer og eier målene for sin del av tjenesten.",
        levels: [
          "Alle endringer besluttes av ledelsen.",
          "Teamene kan foreslå endringer, men beslutningene tas høyere opp.",
          "Teamene beslutter mindre endringer selv og har egne mål.",
          "Teamene eier sin del av flyten, prøver ut forbedringer og måler effekten.",
          "Teamene samarbeider på tvers om forbedringer og fordeler ressurser seg imellom.",
        ],
      },
    ],
    evidence: [
      "Endringer i arbeidsmåter besluttes i ledergruppen.",
      "Teamene har levert {3-7} forslag; beslutningene tas av ledelsen.",
      "Teamene har egne mål for saksbehandlingstid og har besluttet {2-5} mindre endringer selv.",
      "Teamene eier sin del av flyten og testet {3-6} forbedringer sist kvartal, med målt effekt.",
      "Teamene låner ressurser av hverandre ved toppbelastning uten å gå via ledelsen.",
    ],
  },
  {
    code: "FORBEDRINGSKOMPETANSE",
    theme: "EMPLOYEE_EMPOWERMENT",
    sortOrder: 2,
    versions: [
      {
        fromQuarter: 0,
        name: "Opplæring i forbedringsarbeid",
        description:
          "Ansatte lærer forbedringsmetodikk i heldagsverksteder som blander teori og praksis, gjerne med veiledere fra andre kommuner og kontor.",
        levels: [
          "Ingen opplæring i forbedringsarbeid.",
          "Noen få nøkkelpersoner har fått opplæring.",
          "De fleste i tjenesten har deltatt i verksteder med teori og praksis.",
          "Kontoret har egne veiledere som lærer opp nye ansatte.",
          "Kontorets veiledere hjelper andre kontor og kommuner, også på tvers av kommunegrenser.",
        ],
      },
    ],
    evidence: [
      "Ingen har fått opplæring i forbedringsarbeid.",
      "{2-4} nøkkelpersoner har deltatt på kurs i forbedringsmetodikk.",
      "{20-45} ansatte har deltatt i heldagsverksteder med teori og praksis.",
      "Kontoret har {2-4} egne veiledere som lærer opp nyansatte i forbedringsarbeid.",
      "Kontorets veiledere har støttet forbedringsarbeid i {2-3} andre kommuner.",
    ],
  },
  {
    code: "DIGITAL_SOKNAD",
    theme: "DIGITAL_TOOLS",
    sortOrder: 1,
    versions: [
      {
        fromQuarter: 0,
        name: "Digital søknad",
        description: "Brukerne kan søke om økonomisk sosialhjelp digitalt.",
        levels: [
          "Søknader kommer bare på papir.",
          "Digital søknad finnes, men få bruker den.",
          "Om lag halvparten av søknadene kommer digitalt.",
          "De fleste søknadene kommer digitalt.",
          "Nesten alle søknadene kommer digitalt.",
        ],
      },
      {
        // Counting digital applications said little about the flow: the new version asks
        // whether the documentation comes with them.
        fromQuarter: 6,
        name: "Digital søknad og dokumentasjon",
        description:
          "Brukerne søker digitalt og laster opp dokumentasjonen i samme løsning. Kontoret følger opp ufullstendige søknader digitalt, så færre saker blir liggende og vente.",
        levels: [
          "Søknader og dokumentasjon kommer på papir.",
          "Digital søknad er tatt i bruk, men dokumentasjonen ettersendes på papir eller e-post.",
          "Mer enn halvparten søker digitalt; dokumentasjon kan lastes opp, men mangler følges opp manuelt.",
          "De fleste søker digitalt med dokumentasjon; manglende vedlegg etterspørres digitalt samme dag.",
          "Som nivå 3, og mottaket hjelper brukere som trenger det i gang, så nesten ingen søknader er ufullstendige.",
        ],
      },
    ],
    evidence: [
      "Alle søknadene kom på papir siste måned.",
      "{8-20} prosent av søknadene kom digitalt siste måned.",
      "{45-60} prosent av søknadene kom digitalt; dokumentasjonen ettersendes ofte.",
      "{75-88} prosent av søknadene kom digitalt; manglende vedlegg etterspørres samme dag.",
      "{92-97} prosent av søknadene kom digitalt; mottaket hjelper brukere i gang ved behov.",
    ],
  },
  {
    code: "DIGITAL_FLYTOVERSIKT",
    theme: "DIGITAL_TOOLS",
    sortOrder: 2,
    versions: [
      {
        fromQuarter: 0,
        name: "Digital oversikt over saksflyten",
        description: "Teamene ser saksmengde, alder på saker og frister i en felles digital oversikt som brukes i tavlemøtene.",
        levels: [
          "Ingen felles oversikt; hver saksbehandler har sin egen.",
          "Manuelle lister oppdateres av og til.",
          "En felles digital oversikt finnes, men oppdateres ikke daglig.",
          "Oversikten oppdateres daglig og brukes i tavlemøtene.",
          "Oversikten brukes også til å planlegge bemanning og varsler om frister i forkant.",
        ],
      },
    ],
    evidence: [
      "Hver saksbehandler fører egen oversikt over sakene sine.",
      "Teamlederen oppdaterer en felles liste om lag én gang i uken.",
      "Felles digital oversikt er tatt i bruk, men oppdateres ikke daglig.",
      "Oversikten oppdateres daglig og vises på skjermen i tavlemøtet.",
      "Oversikten varsler om saker som nærmer seg fristen og brukes til å planlegge bemanningen.",
    ],
  },
];

export const PRACTICE_CODES: readonly string[] = PRACTICES.map((p) => p.code);

/** How an assessment that lowered the level explains it (chosen by the office's seed). */
export const SETBACK_REASONS: readonly string[] = [
  "Tavlemøtene falt bort i en periode med lederbytte og høyt sykefravær",
  "To av de mest erfarne saksbehandlerne sluttet, og nye ansatte er under opplæring",
  "Arbeidet ble satt på vent under sommerferieavviklingen",
];

// ---- how far each pilot has come --------------------------------------------------------

/** How quickly an office moves up: Drammen's Lean work came early, the smaller offices later. */
export type Pace = "early" | "even" | "late";

/** A practice's path over the eight quarters: [first level, last level], or all eight levels. */
export type MaturityPath = readonly [number, number] | readonly [number, number, number, number, number, number, number, number];

export interface PilotMaturity {
  pace: Pace;
  paths: Record<string, MaturityPath>;
}

export const PILOT_MATURITY: Record<string, PilotMaturity> = {
  // Nav Lillestrøm, the spearhead: furthest on user insight.
  "3030": {
    pace: "even",
    paths: {
      BRUKERINTERVJU: [2, 4],
      BRUKERSTEMME: [1, 4],
      VERDISTROM: [1, 3],
      ENHETLIGE_RUTINER: [1, 3],
      KULTURVERKSTED: [1, 3],
      LAERINGSKULTUR: [1, 3],
      TAVLEMOTE: [1, 3],
      NAERVAERENDE_LEDELSE: [1, 3],
      MYNDIGGJORTE_TEAM: [1, 3],
      FORBEDRINGSKOMPETANSE: [1, 3],
      DIGITAL_SOKNAD: [1, 3],
      DIGITAL_FLYTOVERSIKT: [0, 2],
    },
  },
  // Nav Drammen: the Lean project on financial social assistance (flow, boards, culture workshops).
  "3005": {
    pace: "early",
    paths: {
      BRUKERINTERVJU: [2, 3],
      BRUKERSTEMME: [1, 3],
      VERDISTROM: [3, 4],
      ENHETLIGE_RUTINER: [2, 4],
      KULTURVERKSTED: [2, 4],
      LAERINGSKULTUR: [1, 3],
      TAVLEMOTE: [3, 4],
      NAERVAERENDE_LEDELSE: [2, 3],
      MYNDIGGJORTE_TEAM: [1, 3],
      FORBEDRINGSKOMPETANSE: [2, 4],
      DIGITAL_SOKNAD: [2, 3],
      DIGITAL_FLYTOVERSIKT: [1, 3],
    },
  },
  // Nav Asker: furthest on the digital tools.
  "3025": {
    pace: "even",
    paths: {
      BRUKERINTERVJU: [1, 2],
      BRUKERSTEMME: [1, 2],
      VERDISTROM: [1, 3],
      ENHETLIGE_RUTINER: [1, 3],
      KULTURVERKSTED: [0, 2],
      LAERINGSKULTUR: [1, 2],
      TAVLEMOTE: [1, 3],
      NAERVAERENDE_LEDELSE: [1, 2],
      MYNDIGGJORTE_TEAM: [1, 2],
      FORBEDRINGSKOMPETANSE: [0, 2],
      DIGITAL_SOKNAD: [2, 4],
      DIGITAL_FLYTOVERSIKT: [1, 4],
    },
  },
  // Nav Indre Østfold: a smaller office that started later, furthest on empowered teams.
  "3014": {
    pace: "late",
    paths: {
      BRUKERINTERVJU: [0, 2],
      BRUKERSTEMME: [0, 1],
      VERDISTROM: [0, 2],
      ENHETLIGE_RUTINER: [1, 2],
      KULTURVERKSTED: [1, 2],
      LAERINGSKULTUR: [1, 3],
      TAVLEMOTE: [1, 3],
      NAERVAERENDE_LEDELSE: [1, 2],
      MYNDIGGJORTE_TEAM: [2, 4],
      FORBEDRINGSKOMPETANSE: [1, 2],
      DIGITAL_SOKNAD: [1, 2],
      DIGITAL_FLYTOVERSIKT: [0, 2],
    },
  },
  // Nav Kristiansand: furthest on leadership; the board meetings fell away for a while.
  "4204": {
    pace: "even",
    paths: {
      BRUKERINTERVJU: [1, 3],
      BRUKERSTEMME: [1, 2],
      VERDISTROM: [1, 3],
      ENHETLIGE_RUTINER: [2, 3],
      KULTURVERKSTED: [0, 2],
      LAERINGSKULTUR: [1, 2],
      TAVLEMOTE: [1, 2, 2, 1, 1, 2, 3, 3],
      NAERVAERENDE_LEDELSE: [1, 4],
      MYNDIGGJORTE_TEAM: [1, 2],
      FORBEDRINGSKOMPETANSE: [1, 3],
      DIGITAL_SOKNAD: [1, 3],
      DIGITAL_FLYTOVERSIKT: [1, 2],
    },
  },
};

/** Quarters of maturity assessments per pilot and practice. */
export const ASSESSMENT_QUARTERS = 8;

// ---- the KPI catalogue and each pilot's trend -------------------------------------------------

export interface KpiFact {
  code: string;
  name: string;
  unit: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  target: number;
  description: string;
  /** Decimals the values are recorded with. */
  decimals: number;
  /** Valid range of a value. */
  min: number;
  max: number;
  /** Added to the trend per calendar month (January = index 0), in the KPI's unit or as a share. */
  season?: readonly number[];
  /** Whether `season` and the noise are shares of the value (backlogs) or absolute. */
  relative?: boolean;
  /** Month-to-month noise (standard deviation), absolute or as a share. */
  noise: number;
  /** Which of the office's curves drives the trend. */
  curve: "caseFlow" | "people";
}

export const KPIS: readonly KpiFact[] = [
  {
    code: "SAKSBEHANDLINGSTID",
    name: "Saksbehandlingstid økonomisk sosialhjelp",
    unit: "dager",
    direction: "LOWER_IS_BETTER",
    target: 10,
    description: "Gjennomsnittlig antall kalenderdager fra søknaden er mottatt til vedtak er fattet, for søknader om økonomisk sosialhjelp avgjort i måneden.",
    decimals: 1,
    min: 1,
    max: 60,
    // Holidays in July and around New Year lengthen processing.
    season: [0.8, 0.2, 0, 0.3, 0, 0.3, 1.6, 0.6, 0, 0, 0, 0.5],
    noise: 0.6,
    curve: "caseFlow",
  },
  {
    code: "ANDEL_INNEN_FRIST",
    name: "Andel saker innen frist",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target: 90,
    description: "Andel av søknadene om økonomisk sosialhjelp avgjort i måneden som ble avgjort innen kontorets frist på 14 dager.",
    decimals: 1,
    min: 0,
    max: 100,
    season: [-2, 0, 0, -1, 0, -1, -6, -2, 0, 0, 0, -2],
    noise: 1.8,
    curve: "caseFlow",
  },
  {
    code: "RESTANSER",
    name: "Restanser",
    unit: "saker",
    direction: "LOWER_IS_BETTER",
    target: 20,
    description: "Antall søknader om økonomisk sosialhjelp som ved utgangen av måneden har ventet lenger enn fristen.",
    decimals: 0,
    min: 0,
    max: 1000,
    season: [0.1, 0, 0, 0.05, 0, 0.05, 0.35, 0.15, 0, 0, 0, 0.1],
    relative: true,
    noise: 0.08,
    curve: "caseFlow",
  },
  {
    code: "BRUKERTILFREDSHET",
    name: "Brukertilfredshet",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target: 80,
    description: "Andel brukere som svarer 4 eller 5 på spørsmålet «Hvor fornøyd er du med hjelpen du fikk?» i kontorets brukerundersøkelse.",
    decimals: 1,
    min: 0,
    max: 100,
    noise: 1.8,
    curve: "people",
  },
  {
    code: "MEDARBEIDERENGASJEMENT",
    name: "Medarbeiderengasjement",
    unit: "1-5",
    direction: "HIGHER_IS_BETTER",
    target: 4.2,
    description: "Gjennomsnitt på engasjementsspørsmålene i den månedlige pulsmålingen blant de ansatte (skala 1-5).",
    decimals: 2,
    min: 1,
    max: 5,
    noise: 0.05,
    curve: "people",
  },
  {
    code: "SYKEFRAVAER",
    name: "Sykefravær",
    unit: "%",
    direction: "LOWER_IS_BETTER",
    target: 6,
    description: "Legemeldt og egenmeldt sykefravær i prosent av avtalte dagsverk i måneden.",
    decimals: 1,
    min: 0,
    max: 100,
    // Winter infections up, summer down.
    season: [1.4, 1.3, 0.7, 0.2, -0.2, -0.5, -1.2, -0.6, 0, 0.2, 0.5, 0.9],
    noise: 0.3,
    curve: "people",
  },
];

export const KPI_CODES: readonly string[] = KPIS.map((k) => k.code);

/** Months of KPI values per pilot, ending with the month before the seed's today. */
export const KPI_MONTHS = 24;

/** An S-curve of improvement over the 24 months: `midpoint` month, `width` in months (small = steep). */
export interface Curve {
  midpoint: number;
  width: number;
}

export interface PilotKpis {
  curves: { caseFlow: Curve; people: Curve };
  /** Per KPI code: [value in the first month, value in the last month] before season and noise. */
  trend: Record<string, readonly [number, number]>;
}

export const PILOT_KPIS: Record<string, PilotKpis> = {
  // Lillestrøm: steady progress, ahead on user satisfaction.
  "3030": {
    curves: { caseFlow: { midpoint: 11, width: 5 }, people: { midpoint: 10, width: 6 } },
    trend: {
      SAKSBEHANDLINGSTID: [15.5, 12.0],
      ANDEL_INNEN_FRIST: [72, 84],
      RESTANSER: [48, 26],
      BRUKERTILFREDSHET: [71, 86],
      MEDARBEIDERENGASJEMENT: [3.7, 4.2],
      SYKEFRAVAER: [7.8, 6.6],
    },
  },
  // Drammen: a steep improvement in the first year of the Lean work, then holding.
  "3005": {
    curves: { caseFlow: { midpoint: 6, width: 2.5 }, people: { midpoint: 9, width: 4 } },
    trend: {
      SAKSBEHANDLINGSTID: [19.0, 8.5],
      ANDEL_INNEN_FRIST: [58, 93],
      RESTANSER: [95, 12],
      BRUKERTILFREDSHET: [66, 79],
      MEDARBEIDERENGASJEMENT: [3.4, 4.1],
      SYKEFRAVAER: [9.4, 6.9],
    },
  },
  "3025": {
    curves: { caseFlow: { midpoint: 12, width: 5 }, people: { midpoint: 12, width: 6 } },
    trend: {
      SAKSBEHANDLINGSTID: [14.0, 11.0],
      ANDEL_INNEN_FRIST: [76, 86],
      RESTANSER: [40, 24],
      BRUKERTILFREDSHET: [70, 76],
      MEDARBEIDERENGASJEMENT: [3.8, 3.9],
      SYKEFRAVAER: [6.8, 6.5],
    },
  },
  // Indre Østfold: started later.
  "3014": {
    curves: { caseFlow: { midpoint: 16, width: 4 }, people: { midpoint: 15, width: 5 } },
    trend: {
      SAKSBEHANDLINGSTID: [17.0, 14.5],
      ANDEL_INNEN_FRIST: [64, 74],
      RESTANSER: [30, 22],
      BRUKERTILFREDSHET: [68, 72],
      MEDARBEIDERENGASJEMENT: [3.9, 4.1],
      SYKEFRAVAER: [8.2, 7.9],
    },
  },
  "4204": {
    curves: { caseFlow: { midpoint: 13, width: 5 }, people: { midpoint: 13, width: 5 } },
    trend: {
      SAKSBEHANDLINGSTID: [16.0, 12.5],
      ANDEL_INNEN_FRIST: [68, 82],
      RESTANSER: [60, 30],
      BRUKERTILFREDSHET: [69, 77],
      MEDARBEIDERENGASJEMENT: [3.6, 3.9],
      SYKEFRAVAER: [7.4, 7.0],
    },
  },
};

// ---- case flows for financial social assistance -----------------------------------------------

/** The service the pilots' case flows describe. */
export const CASE_FLOW_SERVICE_CODE = "OKSOS";

/** [stage, step name, responsible role code, duration days, waiting days, hand-offs] */
export type StepFact = readonly [StageKey, string, string, number, number, number];

export interface FlowFact {
  /** Months before the seed's today that the flow was recorded. */
  monthsAgo: number;
  note: string;
  steps: readonly StepFact[];
}

/**
 * The flow every pilot mapped at the start (the current state before the methodology):
 * applications queue for a weekly distribution meeting, documentation is chased by letter,
 * and the leader approves every decision. Offices differ in how long cases wait.
 */
export const TRADITIONAL_FLOW: readonly StepFact[] = [
  ["MOTTAK", "Mottak og registrering av søknad", "MERKANTIL", 0.5, 1.5, 1],
  ["MOTTAK", "Fordeling av saken i ukentlig fordelingsmøte", "TEAMLEDER", 0.5, 3, 1],
  ["KARTLEGGING", "Brev om manglende dokumentasjon", "SAKSBEHANDLER", 0.5, 1, 0],
  ["KARTLEGGING", "Innhenting av dokumentasjon", "SAKSBEHANDLER", 1, 5, 1],
  ["KARTLEGGING", "Kartleggingssamtale", "SOSIONOM", 1, 3, 1],
  ["VURDERING", "Vurdering av vilkår og beregning", "SAKSBEHANDLER", 1.5, 2.5, 1],
  ["VEDTAK", "Vedtak og godkjenning av leder", "TEAMLEDER", 0.5, 2, 2],
  ["UTBETALING", "Attestasjon og utbetaling", "MERKANTIL", 0.5, 2, 1],
  ["OPPFOLGING", "Oppfølging og henvisning til veileder", "VEILEDER", 1, 4, 1],
];

export interface PilotFlows {
  /** The first current-state mapping: the traditional flow with the office's waiting times scaled. */
  first: { monthsAgo: number; waitingFactor: number; note: string };
  /** The flow after the office's improvement work. */
  current: FlowFact;
}

export const PILOT_FLOWS: Record<string, PilotFlows> = {
  "3030": {
    first: { monthsAgo: 22, waitingFactor: 0.85, note: "Nå-situasjonen kartlagt i verdistrømverksted, med brukerintervjuer som grunnlag." },
    current: {
      monthsAgo: 5,
      note: "Ny flyt etter brukerintervjuer og verdistrømverksted: brukeren møter samme saksbehandler i kartlegging og vurdering.",
      steps: [
        ["MOTTAK", "Registrering av søknad", "MERKANTIL", 0.5, 1, 1],
        ["MOTTAK", "Fordeling i daglig tavlemøte", "TEAMLEDER", 0.5, 1, 1],
        ["KARTLEGGING", "Kartleggingssamtale ut fra brukerens behov", "SOSIONOM", 1, 2, 1],
        ["KARTLEGGING", "Innhenting av manglende dokumentasjon", "SAKSBEHANDLER", 1, 2.5, 0],
        ["VURDERING", "Vurdering av vilkår og beregning", "SAKSBEHANDLER", 1.5, 1.5, 0],
        ["VEDTAK", "Vedtak med begrunnelse i klarspråk", "SAKSBEHANDLER", 0.5, 1, 1],
        ["UTBETALING", "Attestasjon og utbetaling", "MERKANTIL", 0.5, 1, 1],
        ["OPPFOLGING", "Oppfølging av aktivitetsplan", "VEILEDER", 1, 2, 0],
      ],
    },
  },
  "3005": {
    first: { monthsAgo: 23, waitingFactor: 1.0, note: "Nå-situasjonen kartlagt i Lean-prosjektets første verksted, med veiledere fra Bærum og Vestre Toten." },
    current: {
      monthsAgo: 14,
      note: "Lean-flyt: mangler avklares i mottakssamtalen samme dag, og én fast saksbehandler følger saken fra kartlegging til vedtak.",
      steps: [
        ["MOTTAK", "Mottakssamtale og sjekk av dokumentasjon samme dag", "MERKANTIL", 0.5, 0.5, 1],
        ["KARTLEGGING", "Kartleggingssamtale med fast saksbehandler", "SAKSBEHANDLER", 1, 1.5, 0],
        ["VURDERING", "Vurdering og beregning i flytteamet", "SAKSBEHANDLER", 1.5, 1, 0],
        ["VEDTAK", "Vedtak, kvalitetssikret i tavlemøtet", "SAKSBEHANDLER", 0.5, 0.5, 0],
        ["UTBETALING", "Attestasjon og utbetaling", "MERKANTIL", 0.5, 1, 1],
        ["OPPFOLGING", "Oppfølgingssamtale med plan for veien videre", "VEILEDER", 1, 2, 1],
      ],
    },
  },
  "3025": {
    first: { monthsAgo: 21, waitingFactor: 0.75, note: "Nå-situasjonen kartlagt sammen med de tidligere kontorene i Røyken og Hurum." },
    current: {
      monthsAgo: 7,
      note: "Digital søknad med opplasting av dokumentasjon har fjernet det meste av ettersendingen.",
      steps: [
        ["MOTTAK", "Digital søknad kontrolleres for vedlegg", "MERKANTIL", 0.5, 0.5, 1],
        ["MOTTAK", "Fordeling til saksbehandler", "TEAMLEDER", 0.5, 1.5, 1],
        ["KARTLEGGING", "Kartleggingssamtale på video eller kontoret", "SAKSBEHANDLER", 1, 2.5, 0],
        ["VURDERING", "Vurdering av vilkår og beregning", "SAKSBEHANDLER", 1.5, 2, 0],
        ["VEDTAK", "Vedtak", "SAKSBEHANDLER", 0.5, 1.5, 1],
        ["UTBETALING", "Attestasjon og utbetaling", "MERKANTIL", 0.5, 1, 1],
        ["OPPFOLGING", "Oppfølging og henvisning til veileder", "VEILEDER", 1, 2, 1],
      ],
    },
  },
  "3014": {
    first: { monthsAgo: 20, waitingFactor: 0.95, note: "Nå-situasjonen kartlagt; lang reisevei for brukerne i de tidligere småkommunene." },
    current: {
      monthsAgo: 3,
      note: "Første forbedringer etter kartleggingen: det ukentlige fordelingsmøtet er erstattet av fast fordeling ved mottak.",
      steps: [
        ["MOTTAK", "Mottak, registrering og fast fordeling", "MERKANTIL", 0.5, 1.5, 1],
        ["KARTLEGGING", "Brev om manglende dokumentasjon", "SAKSBEHANDLER", 0.5, 1, 0],
        ["KARTLEGGING", "Innhenting av dokumentasjon", "SAKSBEHANDLER", 1, 4, 1],
        ["KARTLEGGING", "Kartleggingssamtale", "SOSIONOM", 1, 2.5, 1],
        ["VURDERING", "Vurdering av vilkår og beregning", "SAKSBEHANDLER", 1.5, 2, 0],
        ["VEDTAK", "Vedtak og godkjenning av leder", "TEAMLEDER", 0.5, 1.5, 1],
        ["UTBETALING", "Attestasjon og utbetaling", "MERKANTIL", 0.5, 1.5, 1],
        ["OPPFOLGING", "Oppfølging og henvisning til veileder", "VEILEDER", 1, 2.5, 1],
      ],
    },
  },
  "4204": {
    first: { monthsAgo: 21, waitingFactor: 0.9, note: "Nå-situasjonen kartlagt i to verksteder med saksbehandlere fra Songdalen og Søgne." },
    current: {
      monthsAgo: 4,
      note: "Tavlemøter og felles sjekkliste er innført; ventetiden til kartleggingssamtalen er fortsatt flaskehalsen.",
      steps: [
        ["MOTTAK", "Mottak og registrering", "MERKANTIL", 0.5, 1, 1],
        ["MOTTAK", "Fordeling i tavlemøtet", "TEAMLEDER", 0.5, 1, 1],
        ["KARTLEGGING", "Innhenting av dokumentasjon etter sjekkliste", "SAKSBEHANDLER", 1, 2.5, 0],
        ["KARTLEGGING", "Kartleggingssamtale", "SOSIONOM", 1, 3.5, 1],
        ["VURDERING", "Vurdering av vilkår og beregning", "SAKSBEHANDLER", 1.5, 2, 1],
        ["VEDTAK", "Vedtak", "SAKSBEHANDLER", 0.5, 1, 0],
        ["UTBETALING", "Attestasjon og utbetaling", "MERKANTIL", 0.5, 1.5, 1],
        ["OPPFOLGING", "Oppfølging", "VEILEDER", 1, 1.5, 1],
      ],
    },
  },
};

// ---- user insights from interviews -----------------------------------------------------------

export const INSIGHT_THEMES = [
  "Ventetid",
  "Dokumentasjonskrav",
  "Informasjon og klarspråk",
  "Tilgjengelighet",
  "Respekt og tillit",
  "Forutsigbarhet",
  "Digitale løsninger",
  "Helhetlig oppfølging",
] as const;
export type InsightTheme = (typeof INSIGHT_THEMES)[number];

export interface InsightFact {
  monthsAgo: number;
  theme: InsightTheme;
  kind: "QUOTE" | "SUMMARY";
  /** The service; default the case-flow service. null: about the office in general. */
  service?: string | null;
  /** The stage of the case flow the insight is about (only for the case-flow service). */
  stage?: StageKey;
  text: string;
}

export const PILOT_INSIGHTS: Record<string, readonly InsightFact[]> = {
  // Lillestrøm interviews the most, and again after each change.
  "3030": [
    { monthsAgo: 23, theme: "Ventetid", kind: "QUOTE", stage: "MOTTAK", text: "Jeg visste ikke om søknaden i det hele tatt var kommet fram. Det gikk to uker før jeg hørte noe." },
    { monthsAgo: 23, theme: "Dokumentasjonskrav", kind: "QUOTE", stage: "KARTLEGGING", text: "Jeg sendte kontoutskriftene, og så kom det et brev om at jeg måtte sende dem på nytt, bare for en annen måned." },
    { monthsAgo: 23, theme: "Informasjon og klarspråk", kind: "QUOTE", stage: "VEDTAK", text: "Vedtaket var på tre sider, og jeg skjønte ikke om jeg hadde fått ja eller nei." },
    { monthsAgo: 22, theme: "Respekt og tillit", kind: "QUOTE", stage: "KARTLEGGING", text: "Hun som snakket med meg, tok seg tid. Det var første gang jeg følte at noen hørte etter." },
    { monthsAgo: 22, theme: "Ventetid", kind: "SUMMARY", stage: "KARTLEGGING", text: "Sju av ti intervjuede brukere beskrev ventetiden før kartleggingssamtalen som det verste med hele søknaden; flere lånte penger av familie mens de ventet." },
    { monthsAgo: 22, theme: "Forutsigbarhet", kind: "SUMMARY", stage: "UTBETALING", text: "Brukerne vil vite hvilken dag pengene kommer. Usikkerhet om utbetalingsdatoen gir mange telefoner til kontoret." },
    { monthsAgo: 21, theme: "Helhetlig oppfølging", kind: "QUOTE", stage: "OPPFOLGING", text: "Jeg trenger ikke bare penger til husleia, jeg trenger hjelp til å komme i jobb. Men det var ingen som spurte om det." },
    { monthsAgo: 15, theme: "Tilgjengelighet", kind: "QUOTE", stage: "MOTTAK", text: "Det er vanskelig å ringe i arbeidstida når man har en midlertidig jobb. Det hadde vært fint å kunne sende en melding." },
    { monthsAgo: 14, theme: "Respekt og tillit", kind: "SUMMARY", service: "UNGINN", text: "Ungdommene opplever at de må forklare situasjonen sin på nytt hver gang de møter en ny veileder." },
    { monthsAgo: 8, theme: "Digitale løsninger", kind: "QUOTE", stage: "MOTTAK", text: "Det var lett å søke på mobilen, men jeg fant ikke ut hvordan jeg skulle legge ved husleiekontrakten." },
    { monthsAgo: 6, theme: "Ventetid", kind: "SUMMARY", stage: "KARTLEGGING", text: "Etter ny flyt forteller brukerne at de får time til kartleggingssamtale innen få dager; de som fortsatt venter, venter på egen dokumentasjon." },
    { monthsAgo: 4, theme: "Informasjon og klarspråk", kind: "QUOTE", stage: "VEDTAK", text: "Nå sto det øverst i brevet hva jeg hadde fått, og hvorfor. Det var mye enklere." },
    { monthsAgo: 3, theme: "Helhetlig oppfølging", kind: "SUMMARY", stage: "OPPFOLGING", text: "Brukere med aktivitetsplan sier at de har fått en fast kontaktperson og vet hva neste steg er." },
    { monthsAgo: 2, theme: "Forutsigbarhet", kind: "QUOTE", service: "MIDLBOLIG", text: "Jeg fikk vite hvor jeg skulle sove samme kveld, men ikke hvor lenge jeg kunne bli." },
    { monthsAgo: 1, theme: "Respekt og tillit", kind: "QUOTE", stage: "KARTLEGGING", text: "Jeg ble spurt om hva som var viktigst for meg, ikke bare om hva jeg hadde på konto." },
  ],
  // Drammen's Lean project started with interviews; its findings shaped the same-day reception talk.
  "3005": [
    { monthsAgo: 23, theme: "Ventetid", kind: "QUOTE", stage: "MOTTAK", text: "Jeg ringte hver dag for å høre om saken. Hver gang fikk jeg snakke med en ny person." },
    { monthsAgo: 23, theme: "Dokumentasjonskrav", kind: "QUOTE", stage: "KARTLEGGING", text: "Ingen sa hva jeg skulle ha med meg. Jeg måtte komme tilbake tre ganger." },
    { monthsAgo: 23, theme: "Ventetid", kind: "SUMMARY", stage: "VURDERING", text: "I intervjuene beskrev brukerne at saken «ble borte» mellom mottaket og saksbehandleren. Mange ventet over fire uker på svar." },
    { monthsAgo: 22, theme: "Respekt og tillit", kind: "QUOTE", stage: "VEDTAK", text: "Man er allerede langt nede når man søker. Å bli sendt fra den ene til den andre gjør det verre." },
    { monthsAgo: 22, theme: "Forutsigbarhet", kind: "QUOTE", stage: "UTBETALING", text: "Jeg fikk ja, men pengene kom ikke før etter at husleia skulle vært betalt." },
    { monthsAgo: 16, theme: "Informasjon og klarspråk", kind: "SUMMARY", stage: "MOTTAK", text: "Brukerne vil få vite med én gang hva som mangler i søknaden. Dette ble grunnlaget for mottakssamtalen samme dag." },
    { monthsAgo: 12, theme: "Ventetid", kind: "QUOTE", stage: "KARTLEGGING", text: "Jeg fikk snakke med saksbehandleren min samme uke. Hun kjente saken fra før." },
    { monthsAgo: 10, theme: "Helhetlig oppfølging", kind: "QUOTE", stage: "OPPFOLGING", text: "Det var bra at vi laget en plan sammen. Nå vet jeg hva jeg skal gjøre før neste møte." },
    { monthsAgo: 6, theme: "Digitale løsninger", kind: "SUMMARY", stage: "MOTTAK", text: "Eldre brukere og brukere med lite norskkunnskap trenger hjelp til å søke digitalt; mottaket setter av tid til å hjelpe dem." },
    { monthsAgo: 3, theme: "Helhetlig oppfølging", kind: "QUOTE", service: "KVP", text: "I kvalifiseringsprogrammet fikk jeg endelig en hverdag med faste tider. Det har betydd mye for meg." },
  ],
  "3025": [
    { monthsAgo: 22, theme: "Dokumentasjonskrav", kind: "QUOTE", stage: "KARTLEGGING", text: "Jeg måtte skrive ut alt og levere det på kontoret. Jeg har ikke skriver." },
    { monthsAgo: 21, theme: "Tilgjengelighet", kind: "QUOTE", stage: "MOTTAK", text: "Kontoret ligger langt unna der jeg bor, og bussen går bare én gang i timen." },
    { monthsAgo: 21, theme: "Ventetid", kind: "SUMMARY", stage: "KARTLEGGING", text: "Brukerne fra tidligere Hurum og Røyken opplever lengre reisevei og ventetid etter sammenslåingen." },
    { monthsAgo: 13, theme: "Digitale løsninger", kind: "QUOTE", stage: "MOTTAK", text: "Nå tok jeg bilde av papirene med telefonen og la dem ved. Det tok fem minutter." },
    { monthsAgo: 9, theme: "Digitale løsninger", kind: "QUOTE", stage: "KARTLEGGING", text: "Videosamtalen var grei, jeg slapp å ta fri fra jobben." },
    { monthsAgo: 7, theme: "Informasjon og klarspråk", kind: "SUMMARY", stage: "VEDTAK", text: "Flere brukere synes vedtaksbrevene fortsatt er vanskelige å forstå, særlig beregningen." },
    { monthsAgo: 4, theme: "Forutsigbarhet", kind: "QUOTE", stage: "UTBETALING", text: "Jeg fikk en melding på telefonen da pengene var utbetalt. Da slapp jeg å ringe." },
    { monthsAgo: 2, theme: "Respekt og tillit", kind: "QUOTE", stage: "OPPFOLGING", text: "Veilederen husket hva vi snakket om sist. Det gjorde at jeg stolte på henne." },
  ],
  "3014": [
    { monthsAgo: 20, theme: "Tilgjengelighet", kind: "QUOTE", stage: "MOTTAK", text: "Jeg bor i Trøgstad. Å komme meg til Askim for en samtale tar en halv dag." },
    { monthsAgo: 20, theme: "Ventetid", kind: "QUOTE", stage: "VEDTAK", text: "Jeg fikk høre at saken var ferdig, men at den lå hos lederen for godkjenning. Det tok en uke til." },
    { monthsAgo: 19, theme: "Dokumentasjonskrav", kind: "SUMMARY", stage: "KARTLEGGING", text: "De fleste intervjuede brukerne hadde fått minst ett brev om manglende dokumentasjon; flere forsto ikke hvilke dokumenter som manglet." },
    { monthsAgo: 10, theme: "Helhetlig oppfølging", kind: "QUOTE", stage: "OPPFOLGING", text: "Jeg har hatt fire forskjellige veiledere på to år." },
    { monthsAgo: 5, theme: "Tilgjengelighet", kind: "SUMMARY", stage: "KARTLEGGING", text: "Brukerne i de tidligere småkommunene ønsker samtaler på telefon eller video i stedet for å reise til Askim." },
    { monthsAgo: 2, theme: "Respekt og tillit", kind: "QUOTE", stage: "KARTLEGGING", text: "Hun sa rett ut hva som var mulig og ikke. Det satte jeg pris på." },
  ],
  "4204": [
    { monthsAgo: 22, theme: "Ventetid", kind: "QUOTE", stage: "KARTLEGGING", text: "Det tok tre uker før jeg fikk komme til samtale. Da hadde jeg allerede fått purring på strømregningen." },
    { monthsAgo: 21, theme: "Informasjon og klarspråk", kind: "QUOTE", stage: "MOTTAK", text: "Jeg skjønte ikke om jeg skulle søke på nett eller komme innom." },
    { monthsAgo: 20, theme: "Respekt og tillit", kind: "SUMMARY", stage: "KARTLEGGING", text: "Brukerne skiller tydelig mellom saksbehandlere som forklarer, og saksbehandlere som bare ber om flere papirer." },
    { monthsAgo: 11, theme: "Dokumentasjonskrav", kind: "QUOTE", stage: "KARTLEGGING", text: "Nå fikk jeg en liste over alt de trengte, på én gang." },
    { monthsAgo: 7, theme: "Ventetid", kind: "SUMMARY", stage: "KARTLEGGING", text: "Ventetiden til kartleggingssamtalen er fortsatt det brukerne trekker fram som vanskeligst, selv om dokumentasjonen nå kommer raskere." },
    { monthsAgo: 4, theme: "Forutsigbarhet", kind: "QUOTE", stage: "VEDTAK", text: "Det sto når jeg kunne søke igjen og hva jeg måtte huske. Det var nyttig." },
    { monthsAgo: 2, theme: "Respekt og tillit", kind: "QUOTE", service: "MIDLBOLIG", text: "Stedet jeg fikk bo på, var ikke trygt. Jeg sa fra, og da fikk jeg et annet tilbud dagen etter." },
  ],
};

// ---- culture mappings ------------------------------------------------------------------------

export const CULTURE_DIMENSIONS = [
  "Brukerorientering",
  "Samarbeid på tvers",
  "Læring og forbedring",
  "Tillit og myndiggjøring",
  "Åpenhet og tilbakemelding",
  "Endringsvilje",
] as const;
export type CultureDimension = (typeof CULTURE_DIMENSIONS)[number];

export interface PilotCulture {
  /** Months before the seed's today of each mapping, oldest first. */
  monthsAgo: readonly number[];
  /** Per dimension: [current score at the first mapping, current score at the last, target score]. */
  scores: Record<CultureDimension, readonly [number, number, number]>;
}

export const PILOT_CULTURE: Record<string, PilotCulture> = {
  "3030": {
    monthsAgo: [22, 10, 1],
    scores: {
      Brukerorientering: [2.8, 4.1, 4.5],
      "Samarbeid på tvers": [2.6, 3.5, 4.3],
      "Læring og forbedring": [2.5, 3.4, 4.2],
      "Tillit og myndiggjøring": [2.7, 3.3, 4.2],
      "Åpenhet og tilbakemelding": [2.9, 3.6, 4.3],
      Endringsvilje: [3.0, 3.8, 4.4],
    },
  },
  // Drammen's culture workshops set the cultural target picture; the gap closed most here.
  "3005": {
    monthsAgo: [23, 11, 2],
    scores: {
      Brukerorientering: [2.4, 3.6, 4.3],
      "Samarbeid på tvers": [2.2, 3.9, 4.4],
      "Læring og forbedring": [2.3, 4.0, 4.4],
      "Tillit og myndiggjøring": [2.5, 3.7, 4.2],
      "Åpenhet og tilbakemelding": [2.4, 3.6, 4.2],
      Endringsvilje: [2.6, 4.0, 4.5],
    },
  },
  "3025": {
    monthsAgo: [20, 5],
    scores: {
      Brukerorientering: [3.0, 3.4, 4.2],
      "Samarbeid på tvers": [2.7, 3.1, 4.0],
      "Læring og forbedring": [2.8, 3.2, 4.0],
      "Tillit og myndiggjøring": [2.9, 3.2, 4.0],
      "Åpenhet og tilbakemelding": [3.0, 3.3, 4.1],
      Endringsvilje: [2.8, 3.3, 4.2],
    },
  },
  "3014": {
    monthsAgo: [19, 4],
    scores: {
      Brukerorientering: [2.9, 3.2, 4.2],
      "Samarbeid på tvers": [3.2, 3.6, 4.3],
      "Læring og forbedring": [2.6, 3.0, 4.0],
      "Tillit og myndiggjøring": [3.1, 3.8, 4.3],
      "Åpenhet og tilbakemelding": [3.0, 3.4, 4.1],
      Endringsvilje: [2.7, 3.0, 4.0],
    },
  },
  "4204": {
    monthsAgo: [21, 6],
    scores: {
      Brukerorientering: [2.7, 3.2, 4.2],
      "Samarbeid på tvers": [2.5, 3.0, 4.1],
      "Læring og forbedring": [2.6, 3.3, 4.1],
      "Tillit og myndiggjøring": [2.4, 3.0, 4.0],
      "Åpenhet og tilbakemelding": [2.6, 3.1, 4.1],
      Endringsvilje: [2.9, 3.5, 4.3],
    },
  },
};
