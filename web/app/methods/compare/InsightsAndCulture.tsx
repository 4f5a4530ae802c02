// What users raise in interviews (themes per office) and the culture gap (target −
// current) per dimension. Both are tables; a small bar next to a number shows its size
// and is hidden from screen readers, which read the number.
import { BodyShort, Detail, Heading, Table, VStack } from "@navikt/ds-react";
import { t } from "../../i18n";
import type { Comparison, ComparedOffice } from "./data";
import { formatDecimal, formatShare } from "./format";

export function InsightThemes({ insights, offices }: { insights: Comparison["insightThemes"]; offices: ComparedOffice[] }) {
  const cellOf = new Map(insights.cells.map((cell) => [`${cell.theme}|${cell.officeId}`, cell]));
  const maxCount = Math.max(1, ...insights.cells.map((cell) => cell.count));
  // Per office, the quote (or summary) on the theme it heard most about.
  const examples = offices.flatMap((office) => {
    const top = insights.cells
      .filter((cell) => cell.officeId === office.id && cell.example)
      .sort((a, b) => b.count - a.count)[0];
    return top ? [{ office, cell: top }] : [];
  });

  return (
    <VStack gap="space-16">
      <div className="samla-compare-scroll" role="region" aria-labelledby="compare-insight-caption" tabIndex={0}>
        <Table size="small">
          <caption id="compare-insight-caption" className="samla-compare-caption">
            {t("compare.insight.caption")}
          </caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("compare.insight.theme")}</Table.ColumnHeader>
              {offices.map((office) => (
                <Table.ColumnHeader key={office.id} scope="col" align="right">
                  {office.name}
                </Table.ColumnHeader>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {insights.themes.map((theme) => (
              <Table.Row key={theme}>
                <Table.HeaderCell scope="row">{theme}</Table.HeaderCell>
                {offices.map((office) => {
                  const cell = cellOf.get(`${theme}|${office.id}`);
                  const count = cell?.count ?? 0;
                  return (
                    <Table.DataCell key={office.id} align="right">
                      <span className="samla-compare-amount">
                        <span className="samla-compare-minibar" style={{ width: `${(count / maxCount) * 3}rem` }} aria-hidden />
                        {count === 0 ? "0" : t("compare.insight.count", { count, share: cell?.share != null ? formatShare(cell.share) : "–" })}
                      </span>
                    </Table.DataCell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {examples.length > 0 && (
        <VStack gap="space-8">
          <Heading level="3" size="xsmall">
            {t("compare.insight.examples")}
          </Heading>
          <ul className="samla-compare-quotes">
            {examples.map(({ office, cell }) => (
              <li key={office.id}>
                <Detail weight="semibold">
                  {office.name} · {cell.theme}
                </Detail>
                {cell.exampleKind === "QUOTE" ? (
                  <blockquote className="samla-compare-quote">«{cell.example}»</blockquote>
                ) : (
                  <BodyShort>
                    <span className="samla-compare-note">{t("compare.insight.summary")}: </span>
                    {cell.example}
                  </BodyShort>
                )}
              </li>
            ))}
          </ul>
        </VStack>
      )}
    </VStack>
  );
}

export function CultureGaps({ culture, offices }: { culture: Comparison["cultureGaps"]; offices: ComparedOffice[] }) {
  const cellOf = new Map(culture.cells.map((cell) => [`${cell.dimension}|${cell.officeId}`, cell]));
  const maxGap = Math.max(1, ...culture.cells.map((cell) => Math.abs(cell.gap ?? 0)));
  return (
    <div className="samla-compare-scroll" role="region" aria-labelledby="compare-culture-caption" tabIndex={0}>
      <Table size="small">
        <caption id="compare-culture-caption" className="samla-compare-caption">
          {t("compare.culture.caption")}
        </caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("compare.culture.dimension")}</Table.ColumnHeader>
            {offices.map((office) => (
              <Table.ColumnHeader key={office.id} scope="col">
                {office.name}
              </Table.ColumnHeader>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {culture.dimensions.map((dimension) => {
            const gaps = offices.map((office) => cellOf.get(`${dimension}|${office.id}`)?.gap).filter((gap): gap is number => gap != null);
            const largest = gaps.length > 1 ? Math.max(...gaps) : null;
            return (
              <Table.Row key={dimension}>
                <Table.HeaderCell scope="row">{dimension}</Table.HeaderCell>
                {offices.map((office) => {
                  const cell = cellOf.get(`${dimension}|${office.id}`);
                  if (!cell || cell.gap == null || cell.current == null || cell.target == null) {
                    return <Table.DataCell key={office.id}>{t("compare.culture.notAssessed")}</Table.DataCell>;
                  }
                  const isLargest = largest !== null && cell.gap === largest && largest > 0;
                  return (
                    <Table.DataCell key={office.id} className={isLargest ? "samla-compare-worse" : undefined}>
                      <span className="samla-compare-amount">
                        <span className="samla-compare-minibar" style={{ width: `${(Math.max(cell.gap, 0) / maxGap) * 3}rem` }} aria-hidden />
                        <strong>{t("compare.culture.gap", { gap: formatDecimal(cell.gap) })}</strong>
                      </span>
                      <Detail>
                        {t("compare.culture.scores", { current: formatDecimal(cell.current), target: formatDecimal(cell.target) })}
                        {isLargest && ` · ${t("compare.culture.largest")}`}
                      </Detail>
                    </Table.DataCell>
                  );
                })}
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}
