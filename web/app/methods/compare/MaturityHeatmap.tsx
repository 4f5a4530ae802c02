// The maturity heatmap: a real table (practices, grouped by theme, × offices) whose cells
// print the level and are coloured by it. A cell is a button that opens the evidence
// and history (the open cell is part of the URL).
import { BodyShort, Detail, HStack, Table } from "@navikt/ds-react";
import { t } from "../../i18n";
import type { ComparedOffice, ComparedPractice, MaturityCellData } from "./data";
import { formatMonth } from "./format";
import { MATURITY_LEVELS, levelChange, maturityColours } from "./scales";
import type { OpenCell } from "./url-state";

export function MaturityHeatmap({
  offices,
  practices,
  cells,
  from,
  onOpenCell,
}: {
  offices: ComparedOffice[];
  practices: ComparedPractice[];
  cells: MaturityCellData[];
  from: string;
  onOpenCell: (cell: OpenCell) => void;
}) {
  const cellOf = new Map(cells.map((cell) => [`${cell.officeId}|${cell.practiceId}`, cell]));
  // Practices as rows (there are many), offices as columns (2-6): the whole matrix fits
  // the page, and so the PNG export, without scrolling sideways. Consecutive practices of
  // one theme form a row group under a theme heading.
  const themes: Array<{ theme: ComparedPractice["theme"]; practices: ComparedPractice[] }> = [];
  for (const practice of practices) {
    const last = themes.at(-1);
    if (last && last.theme === practice.theme) last.practices.push(practice);
    else themes.push({ theme: practice.theme, practices: [practice] });
  }

  return (
    <div className="samla-compare-scroll" role="region" aria-labelledby="compare-maturity-caption" tabIndex={0}>
      <Table size="small" className="samla-compare-heatmap">
        <caption id="compare-maturity-caption" className="samla-compare-caption">
          {t("compare.maturity.caption", { from: formatMonth(from, "long") })}
        </caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("compare.maturity.practice")}</Table.ColumnHeader>
            {offices.map((office) => (
              <Table.ColumnHeader key={office.id} scope="col" className="samla-compare-office">
                {office.name}
              </Table.ColumnHeader>
            ))}
          </Table.Row>
        </Table.Header>
        {themes.map((group, index) => (
          <Table.Body key={`${group.theme}-${index}`}>
            <Table.Row>
              <Table.HeaderCell scope="rowgroup" colSpan={offices.length + 1} className="samla-compare-theme">
                {t(`compare.theme.${group.theme}`)}
              </Table.HeaderCell>
            </Table.Row>
            {group.practices.map((practice) => (
              <Table.Row key={practice.id}>
                <Table.HeaderCell scope="row" className="samla-compare-practice">
                  {practice.name}
                </Table.HeaderCell>
                {offices.map((office) => (
                  <Table.DataCell key={office.id} className="samla-compare-cell">
                    <HeatmapCell
                      office={office}
                      practice={practice}
                      cell={cellOf.get(`${office.id}|${practice.id}`)}
                      onOpen={() => onOpenCell({ officeId: office.id, practiceId: practice.id })}
                    />
                  </Table.DataCell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        ))}
      </Table>
    </div>
  );
}

function HeatmapCell({
  office,
  practice,
  cell,
  onOpen,
}: {
  office: ComparedOffice;
  practice: ComparedPractice;
  cell: MaturityCellData | undefined;
  onOpen: () => void;
}) {
  const level = cell?.level ?? null;
  const colours = maturityColours(level);
  if (!cell || cell.assessmentCount === 0) {
    return (
      <span className="samla-compare-level samla-compare-level-none">
        <span aria-hidden>–</span>
        <span className="aksel-sr-only">{t("compare.maturity.notAssessed")}</span>
      </span>
    );
  }
  const change = levelChange(level, cell.previousLevel ?? null);
  const levelText = level === null ? t("compare.maturity.notAssessed") : t("compare.maturity.level", { level });
  const changeText =
    change === null || change === 0
      ? change === 0
        ? t("compare.maturity.unchanged")
        : t("compare.maturity.newInPeriod")
      : t(change > 0 ? "compare.maturity.up" : "compare.maturity.down", { levels: Math.abs(change) });
  return (
    <button
      type="button"
      className="samla-compare-level"
      style={{ background: colours.background, color: colours.text }}
      onClick={onOpen}
      aria-haspopup="dialog"
      // The visible level comes first in the name (WCAG 2.5.3: label in name).
      aria-label={t("compare.maturity.cellLabel", { level: levelText, office: office.name, practice: practice.name, change: changeText })}
      data-testid="maturity-cell"
    >
      <span>{level ?? "–"}</span>
      {change !== null && change !== 0 && (
        <span aria-hidden className="samla-compare-change">
          {change > 0 ? `▲${change}` : `▼${-change}`}
        </span>
      )}
    </button>
  );
}

/** The legend: each level's colour with its number; the cells print the number too. */
export function MaturityLegend() {
  return (
    <HStack gap="space-16" align="center" wrap as="ul" className="samla-compare-legend" aria-label={t("compare.maturity.legend")}>
      {MATURITY_LEVELS.map((level) => {
        const colours = maturityColours(level);
        return (
          <HStack as="li" key={level} gap="space-4" align="center" wrap={false}>
            <span className="samla-compare-swatch" style={{ background: colours.background, color: colours.text }} aria-hidden>
              {level}
            </span>
            <BodyShort size="small">{t(`compare.maturity.levelName.${level}`)}</BodyShort>
          </HStack>
        );
      })}
      <HStack as="li" gap="space-4" align="center" wrap={false}>
        <span className="samla-compare-swatch samla-compare-level-none" aria-hidden>
          –
        </span>
        <BodyShort size="small">{t("compare.maturity.notAssessed")}</BodyShort>
      </HStack>
      <li>
        <Detail textColor="subtle">{t("compare.maturity.changeHint")}</Detail>
      </li>
    </HStack>
  );
}
