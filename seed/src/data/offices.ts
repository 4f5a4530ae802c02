// The real Nav offices of the pilot data set: one per pre-reform municipality (merged
// away by the mergers in mergers.ts), one per merged municipality, and the offices of
// the municipalities that were not merged.
//
// Office codes are invented (plausible four-digit unit numbers, not Nav's real ones):
// an office gets the number of the municipality it serves, except where that number is
// already an office's code (Stavanger and Trondheim kept their municipality numbers
// through the merger, so their new offices get 1190 and 5090).
// Staff sizes are invented too: the number of people the generator places in the office.

export interface OfficeFact {
  code: string;
  name: string;
  /** Numbers of the municipalities the office serves. */
  municipalities: readonly string[];
  /** People working in the office today (ACTIVE offices) or just before it merged. */
  staff: number;
  isPilot?: boolean;
  isSpearhead?: boolean;
}

/** Placeholder opening date of offices older than the reform (Nav offices opened 2006-2011). */
export const NAV_OFFICES_OPENED = "2009-01-01";

export const OFFICES: readonly OfficeFact[] = [
  // Targets of the mergers: Nav Lillestrøm is the spearhead, four more are pilots
  { code: "3030", name: "Nav Lillestrøm", municipalities: ["3030"], staff: 120, isPilot: true, isSpearhead: true },
  { code: "3005", name: "Nav Drammen", municipalities: ["3005"], staff: 140, isPilot: true },
  { code: "3025", name: "Nav Asker", municipalities: ["3025"], staff: 110, isPilot: true },
  { code: "3014", name: "Nav Indre Østfold", municipalities: ["3014"], staff: 75, isPilot: true },
  { code: "4204", name: "Nav Kristiansand", municipalities: ["4204"], staff: 150, isPilot: true },
  { code: "1190", name: "Nav Stavanger", municipalities: ["1103"], staff: 150 },
  { code: "3020", name: "Nav Nordre Follo", municipalities: ["3020"], staff: 80 },
  { code: "3002", name: "Nav Moss", municipalities: ["3002"], staff: 65 },
  { code: "5090", name: "Nav Trondheim", municipalities: ["5001"], staff: 150 },
  { code: "3804", name: "Nav Sandefjord", municipalities: ["3804"], staff: 90 },
  { code: "3811", name: "Nav Færder", municipalities: ["3811"], staff: 35 },

  // Sources of the mergers (history)
  { code: "0231", name: "Nav Skedsmo", municipalities: ["0231"], staff: 70 },
  { code: "0227", name: "Nav Fet", municipalities: ["0227"], staff: 16 },
  { code: "0226", name: "Nav Sørum", municipalities: ["0226"], staff: 22 },
  { code: "0602", name: "Nav Drammen", municipalities: ["0602"], staff: 95 },
  { code: "0625", name: "Nav Nedre Eiker", municipalities: ["0625"], staff: 30 },
  { code: "0711", name: "Nav Svelvik", municipalities: ["0711"], staff: 12 },
  { code: "0220", name: "Nav Asker", municipalities: ["0220"], staff: 60 },
  { code: "0627", name: "Nav Røyken", municipalities: ["0627"], staff: 24 },
  { code: "0628", name: "Nav Hurum", municipalities: ["0628"], staff: 14 },
  { code: "0124", name: "Nav Askim", municipalities: ["0124"], staff: 25 },
  { code: "0125", name: "Nav Eidsberg", municipalities: ["0125"], staff: 20 },
  { code: "0138", name: "Nav Hobøl", municipalities: ["0138"], staff: 10 },
  { code: "0123", name: "Nav Spydeberg", municipalities: ["0123"], staff: 10 },
  { code: "0122", name: "Nav Trøgstad", municipalities: ["0122"], staff: 10 },
  { code: "1001", name: "Nav Kristiansand", municipalities: ["1001"], staff: 120 },
  { code: "1017", name: "Nav Songdalen", municipalities: ["1017"], staff: 14 },
  { code: "1018", name: "Nav Søgne", municipalities: ["1018"], staff: 18 },
  { code: "1103", name: "Nav Stavanger", municipalities: ["1103"], staff: 130 },
  { code: "1141", name: "Nav Finnøy", municipalities: ["1141"], staff: 8 },
  { code: "1142", name: "Nav Rennesøy", municipalities: ["1142"], staff: 8 },
  { code: "0213", name: "Nav Ski", municipalities: ["0213"], staff: 40 },
  { code: "0217", name: "Nav Oppegård", municipalities: ["0217"], staff: 35 },
  { code: "0104", name: "Nav Moss", municipalities: ["0104"], staff: 45 },
  { code: "0136", name: "Nav Rygge", municipalities: ["0136"], staff: 18 },
  { code: "5001", name: "Nav Trondheim", municipalities: ["5001"], staff: 140 },
  { code: "5030", name: "Nav Klæbu", municipalities: ["5030"], staff: 10 },
  { code: "0706", name: "Nav Sandefjord", municipalities: ["0706"], staff: 60 },
  { code: "0719", name: "Nav Andebu", municipalities: ["0719"], staff: 10 },
  { code: "0720", name: "Nav Stokke", municipalities: ["0720"], staff: 20 },
  { code: "0722", name: "Nav Nøtterøy", municipalities: ["0722"], staff: 25 },
  { code: "0723", name: "Nav Tjøme", municipalities: ["0723"], staff: 8 },

  // Not merged
  { code: "3024", name: "Nav Bærum", municipalities: ["3024"], staff: 140 },
  { code: "3443", name: "Nav Vestre Toten", municipalities: ["3443"], staff: 25 },
  { code: "3442", name: "Nav Østre Toten", municipalities: ["3442"], staff: 22 },
  { code: "3029", name: "Nav Lørenskog", municipalities: ["3029"], staff: 60 },
  { code: "3033", name: "Nav Ullensaker", municipalities: ["3033"], staff: 55 },
  { code: "3004", name: "Nav Fredrikstad", municipalities: ["3004"], staff: 110 },
  { code: "3403", name: "Nav Hamar", municipalities: ["3403"], staff: 55 },
  { code: "3407", name: "Nav Gjøvik", municipalities: ["3407"], staff: 50 },
  { code: "1804", name: "Nav Bodø", municipalities: ["1804"], staff: 70 },
];

/**
 * An invented, planned office: the target of the PROPOSED planning example in
 * mergers.ts. It serves Gjøvik and both Toten municipalities from the proposed date.
 */
export const PLANNED_OFFICES: readonly (OfficeFact & { validFrom: string })[] = [
  {
    code: "3490",
    name: "Nav Gjøvik og Toten (planleggingseksempel)",
    municipalities: ["3407", "3443", "3442"],
    staff: 0,
    validFrom: "2028-01-01",
  },
];

export const SPEARHEAD_OFFICE_CODE = "3030";
export const PILOT_OFFICE_CODES: readonly string[] = ["3030", "3005", "3025", "3014", "4204"];
