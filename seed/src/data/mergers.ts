// Office mergers: the real municipal mergers of DOMAIN.md, each merging the Nav offices
// of the old municipalities into the new municipality's office, plus one invented
// proposal for planners to model.

export interface MergerFact {
  name: string;
  targetOfficeCode: string;
  sourceOfficeCodes: readonly string[];
  effectiveDate: string;
  status: "COMPLETED" | "PROPOSED";
  description: string;
}

const reform = (target: string, name: string, sources: readonly string[], municipalities: string): MergerFact => ({
  name: `Sammenslåing ${name}`,
  targetOfficeCode: target,
  sourceOfficeCodes: sources,
  effectiveDate: "2020-01-01",
  status: "COMPLETED",
  description: `Kommunereformen: ${municipalities} ble slått sammen 1. januar 2020.`,
});

export const MERGERS: readonly MergerFact[] = [
  reform("3030", "Nav Lillestrøm", ["0231", "0227", "0226"], "Skedsmo, Fet og Sørum"),
  reform("3005", "Nav Drammen", ["0602", "0625", "0711"], "Drammen, Nedre Eiker og Svelvik"),
  reform("3025", "Nav Asker", ["0220", "0627", "0628"], "Asker, Røyken og Hurum"),
  reform(
    "3014",
    "Nav Indre Østfold",
    ["0124", "0125", "0138", "0123", "0122"],
    "Askim, Eidsberg, Hobøl, Spydeberg og Trøgstad",
  ),
  reform("4204", "Nav Kristiansand", ["1001", "1017", "1018"], "Kristiansand, Songdalen og Søgne"),
  reform("1190", "Nav Stavanger", ["1103", "1141", "1142"], "Stavanger, Finnøy og Rennesøy"),
  reform("3020", "Nav Nordre Follo", ["0213", "0217"], "Ski og Oppegård"),
  reform("3002", "Nav Moss", ["0104", "0136"], "Moss og Rygge"),
  reform("5090", "Nav Trondheim", ["5001", "5030"], "Trondheim og Klæbu"),
  {
    name: "Sammenslåing Nav Sandefjord",
    targetOfficeCode: "3804",
    sourceOfficeCodes: ["0706", "0719", "0720"],
    effectiveDate: "2017-01-01",
    status: "COMPLETED",
    description: "Sandefjord, Andebu og Stokke ble slått sammen 1. januar 2017.",
  },
  {
    name: "Sammenslåing Nav Færder",
    targetOfficeCode: "3811",
    sourceOfficeCodes: ["0722", "0723"],
    effectiveDate: "2018-01-01",
    status: "COMPLETED",
    description: "Nøtterøy og Tjøme ble slått sammen 1. januar 2018.",
  },
  {
    // Invented: no such decision exists. Gives planners a proposal to model.
    name: "Sammenslåing Nav Gjøvik og Toten (planleggingseksempel)",
    targetOfficeCode: "3490",
    sourceOfficeCodes: ["3407", "3443", "3442"],
    effectiveDate: "2028-01-01",
    status: "PROPOSED",
    description:
      "Oppdiktet planleggingseksempel, ikke et vedtak: et felles Nav-kontor for Gjøvik, Vestre Toten og Østre Toten.",
  },
];
