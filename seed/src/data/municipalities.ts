// Real municipalities for the seed: the pre-reform municipalities of every merger in
// DOMAIN.md, the municipalities they became, and a handful that were not merged.
//
// Numbers are as of 2020 (after the 2020 reform). Municipalities that ceased to exist
// keep the last number they had. Later renumberings are deliberately not modelled:
// the 2024 county split renumbered most of Viken and Vestfold og Telemark (e.g.
// Lillestrøm 3030 → 3205, Drammen 3005 → 3301, Asker 3025 → 3203, Bærum 3024 → 3201,
// Sandefjord 3804 → 3907, Færder 3811 → 3911), and Sandefjord (2017) and Færder (2018)
// had the numbers 0710 and 0729 until 2019. Bærum was 0219 and Vestre Toten 0529 before
// 2020; the model has one number per municipality, so they carry their 2020 numbers.
//
// Counties are the county the municipality belonged to while it had that number.
//
// Stavanger and Trondheim kept their numbers (1103, 5001) when they absorbed their
// neighbours in 2020. Municipality numbers are unique, so they are one row each that
// continues through the merger: Finnøy, Rennesøy and Klæbu are merged into them.

/** Placeholder start for municipalities older than the period Samla models. Not a historical claim. */
export const BEFORE_MODELLED_PERIOD = "1838-01-01";

export interface MunicipalityFact {
  number: string;
  name: string;
  county: string;
  validFrom: string;
  /** Last day (inclusive) the municipality existed. */
  validTo?: string;
  /** The number of the municipality it was merged into. */
  mergedInto?: string;
}

const B = BEFORE_MODELLED_PERIOD;
const END_2019 = "2019-12-31";

export const MUNICIPALITIES: readonly MunicipalityFact[] = [
  // Lillestrøm (2020) = Skedsmo + Fet + Sørum
  { number: "3030", name: "Lillestrøm", county: "Viken", validFrom: "2020-01-01" },
  { number: "0231", name: "Skedsmo", county: "Akershus", validFrom: B, validTo: END_2019, mergedInto: "3030" },
  { number: "0227", name: "Fet", county: "Akershus", validFrom: B, validTo: END_2019, mergedInto: "3030" },
  { number: "0226", name: "Sørum", county: "Akershus", validFrom: B, validTo: END_2019, mergedInto: "3030" },

  // Drammen (2020) = Drammen + Nedre Eiker + Svelvik
  { number: "3005", name: "Drammen", county: "Viken", validFrom: "2020-01-01" },
  { number: "0602", name: "Drammen", county: "Buskerud", validFrom: B, validTo: END_2019, mergedInto: "3005" },
  { number: "0625", name: "Nedre Eiker", county: "Buskerud", validFrom: B, validTo: END_2019, mergedInto: "3005" },
  { number: "0711", name: "Svelvik", county: "Vestfold", validFrom: B, validTo: END_2019, mergedInto: "3005" },

  // Asker (2020) = Asker + Røyken + Hurum
  { number: "3025", name: "Asker", county: "Viken", validFrom: "2020-01-01" },
  { number: "0220", name: "Asker", county: "Akershus", validFrom: B, validTo: END_2019, mergedInto: "3025" },
  { number: "0627", name: "Røyken", county: "Buskerud", validFrom: B, validTo: END_2019, mergedInto: "3025" },
  { number: "0628", name: "Hurum", county: "Buskerud", validFrom: B, validTo: END_2019, mergedInto: "3025" },

  // Indre Østfold (2020) = Askim + Eidsberg + Hobøl + Spydeberg + Trøgstad
  { number: "3014", name: "Indre Østfold", county: "Viken", validFrom: "2020-01-01" },
  { number: "0124", name: "Askim", county: "Østfold", validFrom: B, validTo: END_2019, mergedInto: "3014" },
  { number: "0125", name: "Eidsberg", county: "Østfold", validFrom: B, validTo: END_2019, mergedInto: "3014" },
  { number: "0138", name: "Hobøl", county: "Østfold", validFrom: B, validTo: END_2019, mergedInto: "3014" },
  { number: "0123", name: "Spydeberg", county: "Østfold", validFrom: B, validTo: END_2019, mergedInto: "3014" },
  { number: "0122", name: "Trøgstad", county: "Østfold", validFrom: B, validTo: END_2019, mergedInto: "3014" },

  // Kristiansand (2020) = Kristiansand + Songdalen + Søgne
  { number: "4204", name: "Kristiansand", county: "Agder", validFrom: "2020-01-01" },
  { number: "1001", name: "Kristiansand", county: "Vest-Agder", validFrom: B, validTo: END_2019, mergedInto: "4204" },
  { number: "1017", name: "Songdalen", county: "Vest-Agder", validFrom: B, validTo: END_2019, mergedInto: "4204" },
  { number: "1018", name: "Søgne", county: "Vest-Agder", validFrom: B, validTo: END_2019, mergedInto: "4204" },

  // Stavanger (2020) = Stavanger + Finnøy + Rennesøy; Stavanger kept 1103 (see above)
  { number: "1103", name: "Stavanger", county: "Rogaland", validFrom: B },
  { number: "1141", name: "Finnøy", county: "Rogaland", validFrom: B, validTo: END_2019, mergedInto: "1103" },
  { number: "1142", name: "Rennesøy", county: "Rogaland", validFrom: B, validTo: END_2019, mergedInto: "1103" },

  // Nordre Follo (2020) = Ski + Oppegård
  { number: "3020", name: "Nordre Follo", county: "Viken", validFrom: "2020-01-01" },
  { number: "0213", name: "Ski", county: "Akershus", validFrom: B, validTo: END_2019, mergedInto: "3020" },
  { number: "0217", name: "Oppegård", county: "Akershus", validFrom: B, validTo: END_2019, mergedInto: "3020" },

  // Moss (2020) = Moss + Rygge
  { number: "3002", name: "Moss", county: "Viken", validFrom: "2020-01-01" },
  { number: "0104", name: "Moss", county: "Østfold", validFrom: B, validTo: END_2019, mergedInto: "3002" },
  { number: "0136", name: "Rygge", county: "Østfold", validFrom: B, validTo: END_2019, mergedInto: "3002" },

  // Trondheim (2020) = Trondheim + Klæbu; Trondheim kept 5001 (numbered in 2018, when
  // Sør- and Nord-Trøndelag became Trøndelag; Klæbu was 1662 before that)
  { number: "5001", name: "Trondheim", county: "Trøndelag", validFrom: B },
  { number: "5030", name: "Klæbu", county: "Trøndelag", validFrom: B, validTo: END_2019, mergedInto: "5001" },

  // Sandefjord (2017) = Sandefjord + Andebu + Stokke
  { number: "3804", name: "Sandefjord", county: "Vestfold og Telemark", validFrom: "2017-01-01" },
  { number: "0706", name: "Sandefjord", county: "Vestfold", validFrom: B, validTo: "2016-12-31", mergedInto: "3804" },
  { number: "0719", name: "Andebu", county: "Vestfold", validFrom: B, validTo: "2016-12-31", mergedInto: "3804" },
  { number: "0720", name: "Stokke", county: "Vestfold", validFrom: B, validTo: "2016-12-31", mergedInto: "3804" },

  // Færder (2018) = Nøtterøy + Tjøme
  { number: "3811", name: "Færder", county: "Vestfold og Telemark", validFrom: "2018-01-01" },
  { number: "0722", name: "Nøtterøy", county: "Vestfold", validFrom: B, validTo: "2017-12-31", mergedInto: "3811" },
  { number: "0723", name: "Tjøme", county: "Vestfold", validFrom: B, validTo: "2017-12-31", mergedInto: "3811" },

  // Not merged: Bærum and Vestre Toten lent Lean staff to Nav Drammen (DOMAIN.md)
  { number: "3024", name: "Bærum", county: "Viken", validFrom: B },
  { number: "3443", name: "Vestre Toten", county: "Innlandet", validFrom: B },

  // A handful of other municipalities that were not merged
  { number: "3442", name: "Østre Toten", county: "Innlandet", validFrom: B },
  { number: "3029", name: "Lørenskog", county: "Viken", validFrom: B },
  { number: "3033", name: "Ullensaker", county: "Viken", validFrom: B },
  { number: "3004", name: "Fredrikstad", county: "Viken", validFrom: B },
  { number: "3403", name: "Hamar", county: "Innlandet", validFrom: B },
  { number: "3407", name: "Gjøvik", county: "Innlandet", validFrom: B },
  { number: "1804", name: "Bodø", county: "Nordland", validFrom: B },
];

/** Counties (as of 2020) that generated municipalities are spread over at national scale. */
export const COUNTIES_2020: readonly string[] = [
  "Oslo",
  "Rogaland",
  "Møre og Romsdal",
  "Nordland",
  "Viken",
  "Innlandet",
  "Vestfold og Telemark",
  "Agder",
  "Vestland",
  "Trøndelag",
  "Troms og Finnmark",
];
