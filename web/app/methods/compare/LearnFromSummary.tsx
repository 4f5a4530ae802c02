// The summary: per practice, the compared office that has come furthest (the API decides,
// ties to the one that got there first) with a link to learn from it, and the latest
// KPIs of those offices side by side (one row per office, not repeated per practice).
import { BodyShort, Detail, Link, Table, VStack } from "@navikt/ds-react";
import { Link as RemixLink } from "@remix-run/react";
import { formatDate, t } from "../../i18n";
import type { SummaryRow } from "./data";
import { formatDecimal } from "./format";

export function LearnFromSummary({ rows }: { rows: SummaryRow[] }) {
  return (
    <VStack gap="space-24">
      <div className="samla-compare-scroll" role="region" aria-labelledby="compare-summary-caption" tabIndex={0}>
        <Table size="small" data-testid="learn-from">
          <caption id="compare-summary-caption" className="samla-compare-caption">
            {t("compare.summary.caption")}
          </caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("compare.summary.practice")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("compare.summary.office")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("compare.summary.level")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.practice.id}>
                <Table.HeaderCell scope="row">
                  <BodyShort weight="semibold">{row.practice.name}</BodyShort>
                  <Detail textColor="subtle">{t(`compare.theme.${row.practice.theme}`)}</Detail>
                </Table.HeaderCell>
                {row.leadingOffice && row.level != null ? (
                  <>
                    <Table.DataCell>
                      <Link as={RemixLink} to={`/kontorer/${encodeURIComponent(row.leadingOffice.id)}`}>
                        {t("compare.summary.learnFrom", { office: row.leadingOffice.name })}
                      </Link>
                    </Table.DataCell>
                    <Table.DataCell>
                      <BodyShort>{t("compare.maturity.level", { level: row.level })}</BodyShort>
                      {row.reachedOn && <Detail textColor="subtle">{t("compare.summary.reachedOn", { date: formatDate(row.reachedOn) })}</Detail>}
                    </Table.DataCell>
                  </>
                ) : (
                  <Table.DataCell colSpan={2}>{t("compare.summary.noLeader")}</Table.DataCell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <LeaderKpis rows={rows} />
    </VStack>
  );
}

/** The latest KPIs of each office someone can learn from, one row per office. */
function LeaderKpis({ rows }: { rows: SummaryRow[] }) {
  const leaders = new Map<string, { name: string; practices: string[]; kpis: SummaryRow["kpis"] }>();
  for (const row of rows) {
    if (!row.leadingOffice || row.level == null) continue;
    const leader = leaders.get(row.leadingOffice.id) ?? { name: row.leadingOffice.name, practices: [], kpis: row.kpis };
    leader.practices.push(row.practice.name);
    leaders.set(row.leadingOffice.id, leader);
  }
  const kpis = [...leaders.values()][0]?.kpis.map((entry) => entry.kpi) ?? [];
  if (leaders.size === 0 || kpis.length === 0) return null;
  return (
    <div className="samla-compare-scroll" role="region" aria-labelledby="compare-leader-kpis-caption" tabIndex={0}>
      <Table size="small">
        <caption id="compare-leader-kpis-caption" className="samla-compare-caption">
          {t("compare.summary.kpiCaption")}
        </caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("compare.summary.office")}</Table.ColumnHeader>
            {kpis.map((kpi) => (
              <Table.ColumnHeader key={kpi.id} scope="col" align="right">
                {kpi.name} <Detail as="span">({kpi.unit})</Detail>
              </Table.ColumnHeader>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {[...leaders.entries()].map(([officeId, leader]) => {
            const valueOf = new Map(leader.kpis.map((entry) => [entry.kpi.id, entry.value]));
            return (
              <Table.Row key={officeId}>
                <Table.HeaderCell scope="row">
                  <BodyShort weight="semibold">{leader.name}</BodyShort>
                  <Detail textColor="subtle">{t("compare.summary.leadsIn", { practices: leader.practices.join(", ") })}</Detail>
                </Table.HeaderCell>
                {kpis.map((kpi) => {
                  const value = valueOf.get(kpi.id);
                  return (
                    <Table.DataCell key={kpi.id} align="right">
                      {value == null ? "–" : formatDecimal(value)}
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
