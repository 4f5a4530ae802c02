// The sheets of a scenario's export: Design (teams and positions with their actions),
// Endringer (the change log), Effekt (impact figures) and Helsesjekk (health checks). Pure:
// built from the scenario analysis (loaded once) and the change log. Headings and labels are
// Norwegian, in the web app's wording: the file goes to people, not programs.
import type { ChangeAction, ScenarioChange } from "@samla/schema";
import { formatDate } from "../lib/dates";
import type { SheetCell, SheetData } from "../lib/spreadsheets";
import type { ScenarioAnalysis } from "./analysis-context";
import type { HealthCheckCode, HealthCheckElementKind, HealthCheckSeverity } from "./analysis-health";
import type { ImpactRow, ImpactTotals } from "./analysis-impact";
import type { SpanSummary } from "./analysis-model";
import type { PositionImage } from "./scenario-store";
import { norwegianOrder } from "../lib/collation";

export const ACTION_LABELS: Record<ChangeAction, string> = {
  NEW: "Ny",
  CHANGED: "Endret",
  CLOSED: "Avviklet",
  UNCHANGED: "Uendret",
};

const CHECK_LABELS: Record<HealthCheckCode, string> = {
  SPAN_TOO_WIDE: "For stort kontrollspenn",
  SPAN_TOO_NARROW: "For lite kontrollspenn",
  CHAIN_TOO_DEEP: "For dyp rapporteringslinje",
  TEAM_TOO_SMALL: "For lite team",
  FTE_OVER_LIMIT: "Stillingsprosent over grensen",
  LEADER_MISSING: "Team uten leder",
  SERVICE_WITHOUT_TEAM: "Tjeneste uten team",
};

const SEVERITY_LABELS: Record<HealthCheckSeverity, string> = { ERROR: "Feil", WARNING: "Advarsel" };

const KIND_LABELS: Record<HealthCheckElementKind, string> = {
  TEAM: "Team",
  POSITION: "Stilling",
  PERSON: "Person",
  SERVICE: "Tjeneste",
};

const SPAN_LABELS: [keyof SpanSummary, string][] = [
  ["managers", "Ledere med underordnede"],
  ["averageSpan", "Gjennomsnittlig kontrollspenn"],
  ["maxSpan", "Største kontrollspenn"],
  ["minSpan", "Minste kontrollspenn"],
  ["layers", "Nivåer i rapporteringslinjen"],
];

/** Differences of FTE sums, without binary noise (0.1 + 0.2). */
const difference = (before: number, after: number) => Math.round((after - before) * 100) / 100;

function designSheet(analysis: ScenarioAnalysis): SheetData {
  const { data, model } = analysis;
  const defaultDate = formatDate(data.scenario.effectiveDate);
  const personName = (id: string | null) => (id ? (data.people.get(id)?.name ?? id) : "Ledig");
  const positionLabel = (position: PositionImage) =>
    `${data.roles.get(position.roleId)?.name ?? "?"} (${position.personId ? personName(position.personId) : "ledig"})`;
  const positionsOf = new Map<string, PositionImage[]>();
  for (const position of [...data.design.positions.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    positionsOf.set(position.teamId, [...(positionsOf.get(position.teamId) ?? []), position]);
  }
  const rows: SheetCell[][] = [];
  for (const team of model.teams) {
    const teamCells: SheetCell[] = [
      team.name,
      team.parentId ? (model.teamById.get(team.parentId)?.name ?? null) : null,
      data.offices.get(model.toBeOfficeOf(team))?.name ?? null,
      team.serviceIds.map((id) => data.services.get(id)?.name ?? id).sort(norwegianOrder).join(", ") || null,
      ACTION_LABELS[team.action],
    ];
    const positions = positionsOf.get(team.id) ?? [];
    if (!positions.length) rows.push([...teamCells, null, null, null, null, null, team.effectiveDate ?? defaultDate, team.wave]);
    for (const position of positions) {
      const manager = position.reportsToId ? data.design.positions.get(position.reportsToId) : undefined;
      rows.push([
        ...teamCells,
        data.roles.get(position.roleId)?.name ?? null,
        personName(position.personId),
        Number(position.fte),
        manager ? positionLabel(manager) : null,
        ACTION_LABELS[position.action],
        position.effectiveDate ?? defaultDate,
        position.wave,
      ]);
    }
  }
  return {
    name: "Design",
    header: [
      "Team",
      "Overordnet team",
      "Kontor",
      "Tjenester",
      "Teamets handling",
      "Rolle",
      "Person",
      "Stillingsandel",
      "Rapporterer til",
      "Stillingens handling",
      "Virkningsdato",
      "Bølge",
    ],
    rows,
  };
}

function changesSheet(changes: Pick<ScenarioChange, "version" | "createdAt" | "actorName" | "summary" | "kind" | "undoneAt">[]): SheetData {
  return {
    name: "Endringer",
    header: ["Versjon", "Tidspunkt", "Utført av", "Endring", "Type", "Angret"],
    rows: changes.map((c) => [c.version, c.createdAt.toISOString(), c.actorName, c.summary, c.kind, c.undoneAt ? "Ja" : "Nei"]),
  };
}

function impactSheet(analysis: ScenarioAnalysis): SheetData {
  const { data, model } = analysis;
  const impact = analysis.impact();
  const rows: SheetCell[][] = [];
  const totals = (section: string, label: string, before: ImpactTotals, after: ImpactTotals) => {
    rows.push([section, label, "Personer", before.headcount, after.headcount, after.headcount - before.headcount, null]);
    rows.push([section, label, "Årsverk", before.fte, after.fte, difference(before.fte, after.fte), null]);
  };
  totals("Totalt", "Alle", impact.before, impact.after);
  rows.push(["Totalt", "Alle", "Stillinger", impact.before.positions, impact.after.positions, impact.after.positions - impact.before.positions, null]);
  rows.push(["Totalt", "Alle", "Ledige stillinger", impact.before.vacancies, impact.after.vacancies, impact.after.vacancies - impact.before.vacancies, null]);
  const breakdown = (section: string, list: ImpactRow[]) => {
    for (const row of list) totals(section, row.label, row.before, row.after);
  };
  breakdown("Per kontor", impact.byOffice);
  breakdown("Per team", impact.byTeam);
  breakdown("Per rollekategori", impact.byRoleCategory);
  breakdown("Per arbeidsgiver", impact.byEmployer);
  for (const [key, label] of SPAN_LABELS) {
    const before = impact.spanBefore[key];
    const after = impact.spanAfter[key];
    rows.push(["Kontrollspenn og nivåer", label, label, before, after, difference(before, after), null]);
  }
  for (const row of impact.serviceCoverage) {
    rows.push([
      "Tjenestedekning",
      data.services.get(row.serviceId)?.name ?? row.serviceId,
      "Team som leverer",
      row.beforeTeamIds.length,
      row.teamIds.length,
      row.teamIds.length - row.beforeTeamIds.length,
      row.deliveredBefore && !row.covered ? "Feil: ikke dekket" : "Dekket",
    ]);
  }
  const person = (id: string | null) => (id ? (data.people.get(id)?.name ?? id) : null);
  const role = (id: string | null) => (id ? (data.roles.get(id)?.name ?? id) : null);
  for (const change of impact.peopleChanges) {
    const name = person(change.personId) ?? change.personId;
    if (change.teamChanged) {
      const before = change.beforeTeamId ? (model.asIsTeams.get(change.beforeTeamId)?.name ?? null) : null;
      const after = change.afterTeamId ? (model.teamById.get(change.afterTeamId)?.name ?? null) : null;
      rows.push(["Personer med endret team, rolle eller leder", name, "Team", before, after, null, null]);
    }
    if (change.roleChanged) {
      rows.push(["Personer med endret team, rolle eller leder", name, "Rolle", role(change.beforeRoleId), role(change.afterRoleId), null, null]);
    }
    if (change.managerChanged) {
      rows.push([
        "Personer med endret team, rolle eller leder",
        name,
        "Leder",
        person(change.beforeManagerId),
        person(change.afterManagerId),
        null,
        null,
      ]);
    }
  }
  for (const vacancy of impact.vacancies) {
    const team = model.teamById.get(vacancy.teamId)?.name ?? "?";
    rows.push(["Ledige stillinger", `${role(vacancy.roleId)} i ${team}`, "Stillingsandel", null, Number(vacancy.fte), null, null]);
  }
  for (const personId of impact.peopleWithoutPosition) {
    rows.push(["Personer uten stilling", person(personId), "Stilling", "Har stilling", "Ingen stilling", null, null]);
  }
  return { name: "Effekt", header: ["Del", "Navn", "Mål", "Før", "Etter", "Endring", "Merknad"], rows };
}

function healthSheet(analysis: ScenarioAnalysis): SheetData {
  const rows: SheetCell[][] = [];
  for (const check of analysis.healthChecks()) {
    const cells: SheetCell[] = [
      CHECK_LABELS[check.code],
      check.code,
      SEVERITY_LABELS[check.severity],
      check.passed ? "OK" : SEVERITY_LABELS[check.severity],
      check.threshold,
      check.message,
    ];
    if (!check.elements.length) rows.push([...cells, null, null, null, null]);
    for (const element of check.elements) {
      rows.push([...cells, element.label, KIND_LABELS[element.kind], element.value, element.note]);
    }
  }
  return {
    name: "Helsesjekk",
    header: ["Sjekk", "Kode", "Alvorlighet", "Resultat", "Terskel", "Melding", "Element", "Type", "Verdi", "Merknad"],
    rows,
  };
}

export function scenarioSheets(
  analysis: ScenarioAnalysis,
  changes: Parameters<typeof changesSheet>[0],
): { design: SheetData; changes: SheetData; impact: SheetData; health: SheetData } {
  return {
    design: designSheet(analysis),
    changes: changesSheet(changes),
    impact: impactSheet(analysis),
    health: healthSheet(analysis),
  };
}
