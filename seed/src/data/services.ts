// The service catalogue: what a Nav office delivers, and which side of the partnership
// is responsible for it (DOMAIN.md, "Services to seed").

export interface ServiceFact {
  code: string;
  name: string;
  provider: "STATE" | "MUNICIPAL" | "PARTNERSHIP";
  /** Processing deadline in days, where one applies. */
  deadlineDays?: number;
  description: string;
}

export const SERVICES: readonly ServiceFact[] = [
  // The municipal minimum services every Nav office must deliver
  {
    code: "OKSOS",
    name: "Økonomisk sosialhjelp",
    provider: "MUNICIPAL",
    // The law asks for a prudent processing time; 14 days is the office's own target
    // (the deadline the Drammen Lean project worked to meet).
    deadlineDays: 14,
    description: "Stønad til livsopphold for dem som ikke kan forsørge seg selv.",
  },
  {
    code: "KVP",
    name: "Kvalifiseringsprogrammet",
    provider: "MUNICIPAL",
    description: "Arbeidsrettet program med kvalifiseringsstønad for personer med vesentlig nedsatt arbeidsevne.",
  },
  {
    code: "MIDLBOLIG",
    name: "Midlertidig botilbud",
    provider: "MUNICIPAL",
    // Emergency help: a place to stay is found the same or the next day.
    deadlineDays: 1,
    description: "Midlertidig husvære for dem som ikke klarer det selv.",
  },
  {
    code: "ORV",
    name: "Opplysning, råd og veiledning",
    provider: "MUNICIPAL",
    description: "Opplysning, råd og veiledning, også økonomisk rådgivning, for å løse eller forebygge sosiale problemer.",
  },
  // State services
  {
    code: "ARBOPPF",
    name: "Arbeidsrettet oppfølging",
    provider: "STATE",
    description: "Oppfølging og tiltak for å komme i eller beholde arbeid.",
  },
  {
    code: "AAP",
    name: "Oppfølging av arbeidsavklaringspenger",
    provider: "STATE",
    description: "Oppfølging av mottakere av arbeidsavklaringspenger (AAP).",
  },
  {
    code: "SYKEFRAVAER",
    name: "Sykefraværsoppfølging",
    provider: "STATE",
    description: "Oppfølging av sykmeldte sammen med arbeidsgiver og lege.",
  },
  {
    code: "MARKED",
    name: "Markedsarbeid",
    provider: "STATE",
    description: "Tjenester til arbeidsgivere: rekruttering, inkludering og formidling.",
  },
  {
    code: "DAGPENGER",
    name: "Veiledning om dagpenger",
    provider: "STATE",
    description: "Veiledning til arbeidsledige om dagpenger og plikter.",
  },
  // Delivered together by the state and the municipality
  {
    code: "UNGINN",
    name: "Ungdomsinnsats",
    provider: "PARTNERSHIP",
    description: "Tett oppfølging av unge under 30 år, i samarbeid mellom stat og kommune.",
  },
  {
    code: "IPS",
    name: "Individuell jobbstøtte (IPS)",
    provider: "PARTNERSHIP",
    description: "Jobbspesialister som følger opp personer med psykiske helseplager, sammen med helsetjenesten.",
  },
];

/** The municipal minimum services: every active office must deliver all of them. */
export const MUNICIPAL_MINIMUM_SERVICE_CODES: readonly string[] = ["OKSOS", "KVP", "MIDLBOLIG", "ORV"];
