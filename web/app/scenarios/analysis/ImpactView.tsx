// The impact of a scenario, as figures and tables: staffing before and after, its
// breakdowns, spans of control, service coverage, people whose place changes, vacancies
// and people without a position. Everything is a table, so nothing needs a chart's
// text alternative. `print` shows every row and every breakdown at once.
import { Alert, BodyShort, Button, Heading, HStack, List, Table, Tabs, Tag, VStack } from "@navikt/ds-react";
import { useState, type ReactNode } from "react";
import type { ResultOf } from "../../graphql";
import { formatPercent, t, type MessageKey } from "../../i18n";
import { ActionTag } from "./ActionsTable";
import type { ScenarioImpactFragment } from "./documents";
import { formatDifference, formatFigure } from "./format";
import "./analysis.css";

export type Impact = ResultOf<typeof ScenarioImpactFragment>;
type ImpactRow = Impact["byOffice"][number];
type Span = Impact["spanBefore"];
type HeadingLevel = "2" | "3" | "4";

/** Rows shown before "Vis alle" in the long lists. */
const LIST_STEP = 20;

const BREAKDOWNS = [
  { value: "kontor", field: "byOffice", titleKey: "analysis.impact.byOffice", colKey: "analysis.impact.col.office" },
  { value: "team", field: "byTeam", titleKey: "analysis.impact.byTeam", colKey: "analysis.impact.col.team" },
  { value: "rolle", field: "byRoleCategory", titleKey: "analysis.impact.byRoleCategory", colKey: "analysis.impact.col.roleCategory" },
  { value: "arbeidsgiver", field: "byEmployer", titleKey: "analysis.impact.byEmployer", colKey: "analysis.impact.col.employer" },
] as const satisfies ReadonlyArray<{ value: string; field: keyof Impact; titleKey: MessageKey; colKey: MessageKey }>;

function below(level: HeadingLevel): HeadingLevel {
  return level === "2" ? "3" : "4";
}

export function ImpactView({
  impact,
  idPrefix,
  headingLevel = "3",
  print = false,
}: {
  impact: Impact;
  /** Makes heading ids unique when two impacts are on one page. */
  idPrefix: string;
  /** The level of the section headings inside the view. */
  headingLevel?: HeadingLevel;
  print?: boolean;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <VStack gap="space-32" data-testid="impact-view">
      <ImpactSection id={id("bemanning")} title={t("analysis.impact.staffing")} level={headingLevel}>
        <StaffingTable impact={impact} />
      </ImpactSection>

      <ImpactSection id={id("fordeling")} title={t("analysis.impact.breakdown")} level={headingLevel}>
        {print ? (
          <VStack gap="space-24">
            {BREAKDOWNS.map((breakdown) => (
              <VStack key={breakdown.value} gap="space-8">
                <Heading level={below(headingLevel)} size="xsmall">
                  {t(breakdown.titleKey)}
                </Heading>
                <BreakdownTable rows={impact[breakdown.field]} caption={t(breakdown.titleKey)} nameHeader={t(breakdown.colKey)} />
              </VStack>
            ))}
          </VStack>
        ) : (
          <Tabs defaultValue="kontor" size="small">
            <Tabs.List>
              {BREAKDOWNS.map((breakdown) => (
                <Tabs.Tab key={breakdown.value} value={breakdown.value} label={t(breakdown.titleKey)} />
              ))}
            </Tabs.List>
            {BREAKDOWNS.map((breakdown) => (
              <Tabs.Panel key={breakdown.value} value={breakdown.value} style={{ paddingTop: "var(--ax-space-16)" }}>
                <BreakdownTable rows={impact[breakdown.field]} caption={t(breakdown.titleKey)} nameHeader={t(breakdown.colKey)} />
              </Tabs.Panel>
            ))}
          </Tabs>
        )}
      </ImpactSection>

      <ImpactSection id={id("kontrollspenn")} title={t("analysis.impact.spans")} level={headingLevel}>
        <SpanTable before={impact.spanBefore} after={impact.spanAfter} />
      </ImpactSection>

      <ImpactSection id={id("tjenester")} title={t("analysis.impact.coverage")} level={headingLevel}>
        <CoverageTable coverage={impact.serviceCoverage} />
      </ImpactSection>

      <ImpactSection
        id={id("personer")}
        title={t("analysis.impact.peopleChanges", { count: impact.peopleChanges.length })}
        level={headingLevel}
      >
        <PeopleChangesTable changes={impact.peopleChanges} print={print} />
      </ImpactSection>

      <ImpactSection
        id={id("ledige")}
        title={t("analysis.impact.vacancies", { count: impact.vacancyCount })}
        level={headingLevel}
      >
        <VacanciesTable vacancies={impact.vacancies} total={impact.vacancyCount} print={print} />
      </ImpactSection>

      <ImpactSection
        id={id("uten-stilling")}
        title={t("analysis.impact.withoutPosition", { count: impact.peopleWithoutPositionCount })}
        level={headingLevel}
      >
        <WithoutPositionList
          people={impact.peopleWithoutPosition}
          total={impact.peopleWithoutPositionCount}
          print={print}
        />
      </ImpactSection>
    </VStack>
  );
}

function ImpactSection({ id, title, level, children }: { id: string; title: string; level: HeadingLevel; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Heading id={id} level={level} size="small" spacing>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** A before/after/difference cell triple. */
function BeforeAfterCells({ before, after, digits = 2 }: { before: number; after: number; digits?: number }) {
  return (
    <>
      <Table.DataCell align="right">{formatFigure(before, digits)}</Table.DataCell>
      <Table.DataCell align="right">{formatFigure(after, digits)}</Table.DataCell>
      <Table.DataCell align="right" className="samla-analysis-diff">
        {formatDifference(after - before, digits)}
      </Table.DataCell>
    </>
  );
}

function BeforeAfterHeader({ first }: { first: string }) {
  return (
    <Table.Header>
      <Table.Row>
        <Table.ColumnHeader scope="col">{first}</Table.ColumnHeader>
        <Table.ColumnHeader scope="col" align="right">
          {t("analysis.impact.col.before")}
        </Table.ColumnHeader>
        <Table.ColumnHeader scope="col" align="right">
          {t("analysis.impact.col.after")}
        </Table.ColumnHeader>
        <Table.ColumnHeader scope="col" align="right">
          {t("analysis.impact.col.difference")}
        </Table.ColumnHeader>
      </Table.Row>
    </Table.Header>
  );
}

function StaffingTable({ impact }: { impact: Impact }) {
  return (
    <div className="samla-table-scroll">
      <Table size="small" data-testid="impact-staffing">
        <caption className="aksel-sr-only">{t("analysis.impact.staffing")}</caption>
        <BeforeAfterHeader first={t("analysis.impact.col.measure")} />
        <Table.Body>
          <Table.Row>
            <Table.HeaderCell scope="row">{t("analysis.impact.headcount")}</Table.HeaderCell>
            <BeforeAfterCells before={impact.before.headcount} after={impact.after.headcount} digits={0} />
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">{t("analysis.impact.fte")}</Table.HeaderCell>
            <BeforeAfterCells before={impact.before.fte} after={impact.after.fte} />
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">{t("analysis.impact.positions")}</Table.HeaderCell>
            <BeforeAfterCells before={impact.before.positions} after={impact.after.positions} digits={0} />
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">{t("analysis.impact.vacantPositions")}</Table.HeaderCell>
            <BeforeAfterCells before={impact.before.vacancies} after={impact.after.vacancies} digits={0} />
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">{t("analysis.impact.vacantFte")}</Table.HeaderCell>
            <BeforeAfterCells before={impact.before.vacantFte} after={impact.after.vacantFte} />
          </Table.Row>
        </Table.Body>
      </Table>
    </div>
  );
}

function BreakdownTable({ rows, caption, nameHeader }: { rows: readonly ImpactRow[]; caption: string; nameHeader: string }) {
  if (rows.length === 0) return <BodyShort>{t("analysis.impact.noRows")}</BodyShort>;
  // Team rows say what the to-be team does (new, closed, ...); other breakdowns have no action.
  const withAction = rows.some((row) => row.action);
  return (
    <div className="samla-table-scroll">
      <Table size="small" zebraStripes>
        <caption className="aksel-sr-only">{caption}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col" rowSpan={2}>
              {nameHeader}
            </Table.ColumnHeader>
            {withAction && (
              <Table.ColumnHeader scope="col" rowSpan={2}>
                {t("analysis.actions.col.action")}
              </Table.ColumnHeader>
            )}
            <Table.ColumnHeader scope="colgroup" colSpan={3} align="center">
              {t("analysis.impact.headcount")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="colgroup" colSpan={3} align="center">
              {t("analysis.impact.fte")}
            </Table.ColumnHeader>
          </Table.Row>
          <Table.Row>
            {[0, 1].map((group) => (
              <ColumnTriple key={group} />
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.key}>
              <Table.HeaderCell scope="row">{row.label}</Table.HeaderCell>
              {withAction && <Table.DataCell>{row.action && <ActionTag action={row.action} />}</Table.DataCell>}
              <BeforeAfterCells before={row.before.headcount} after={row.after.headcount} digits={0} />
              <BeforeAfterCells before={row.before.fte} after={row.after.fte} />
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function ColumnTriple() {
  return (
    <>
      <Table.ColumnHeader scope="col" align="right">
        {t("analysis.impact.col.before")}
      </Table.ColumnHeader>
      <Table.ColumnHeader scope="col" align="right">
        {t("analysis.impact.col.after")}
      </Table.ColumnHeader>
      <Table.ColumnHeader scope="col" align="right">
        {t("analysis.impact.col.difference")}
      </Table.ColumnHeader>
    </>
  );
}

const SPAN_ROWS = [
  { field: "managers", key: "analysis.span.managers", digits: 0 },
  { field: "averageSpan", key: "analysis.span.average", digits: 1 },
  { field: "maxSpan", key: "analysis.span.max", digits: 0 },
  { field: "minSpan", key: "analysis.span.min", digits: 0 },
  { field: "layers", key: "analysis.span.layers", digits: 0 },
] as const satisfies ReadonlyArray<{ field: keyof Span; key: MessageKey; digits: number }>;

function SpanTable({ before, after }: { before: Span; after: Span }) {
  return (
    <div className="samla-table-scroll">
      <Table size="small" data-testid="impact-spans">
        <caption className="aksel-sr-only">{t("analysis.impact.spans")}</caption>
        <BeforeAfterHeader first={t("analysis.impact.col.measure")} />
        <Table.Body>
          {SPAN_ROWS.map((row) => (
            <Table.Row key={row.field}>
              <Table.HeaderCell scope="row">{t(row.key)}</Table.HeaderCell>
              <BeforeAfterCells before={Number(before[row.field] ?? 0)} after={Number(after[row.field] ?? 0)} digits={row.digits} />
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function CoverageTable({ coverage }: { coverage: Impact["serviceCoverage"] }) {
  const uncovered = coverage.filter((entry) => !entry.covered);
  if (coverage.length === 0) return <BodyShort>{t("analysis.coverage.none")}</BodyShort>;
  return (
    <VStack gap="space-16">
      {uncovered.length > 0 ? (
        <Alert variant="error" size="small" data-testid="coverage-error">
          <BodyShort weight="semibold" spacing>
            {t("analysis.coverage.uncovered", { count: uncovered.length })}
          </BodyShort>
          <List size="small">
            {uncovered.map((entry) => (
              <List.Item key={entry.service.id}>{entry.service.name}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert variant="success" size="small" inline>
          {t("analysis.coverage.allCovered", { count: coverage.length })}
        </Alert>
      )}
      <div className="samla-table-scroll">
        <Table size="small" zebraStripes data-testid="impact-coverage">
          <caption className="aksel-sr-only">{t("analysis.impact.coverage")}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("analysis.coverage.col.service")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("analysis.coverage.col.before")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("analysis.coverage.col.teams")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("analysis.coverage.col.status")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {[...uncovered, ...coverage.filter((entry) => entry.covered)].map((entry) => (
              <Table.Row key={entry.service.id}>
                <Table.HeaderCell scope="row">{entry.service.name}</Table.HeaderCell>
                <Table.DataCell>{entry.deliveredBefore ? t("analysis.yes") : t("analysis.no")}</Table.DataCell>
                <Table.DataCell>
                  {entry.teams.length > 0 ? entry.teams.map((team) => team.name).join(", ") : t("analysis.coverage.noTeam")}
                </Table.DataCell>
                <Table.DataCell>
                  <Tag size="small" variant="moderate" data-color={entry.covered ? "success" : "danger"}>
                    {entry.covered ? t("analysis.coverage.covered") : t("analysis.coverage.notCovered")}
                  </Tag>
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </VStack>
  );
}

/** The first rows of a long list, with a button that shows the rest (all rows in print). */
function useShownRows<T>(rows: readonly T[], print: boolean) {
  const [shown, setShown] = useState(LIST_STEP);
  const visible = print ? rows : rows.slice(0, shown);
  const more =
    !print && rows.length > shown ? (
      <HStack>
        <Button type="button" size="small" variant="secondary" onClick={() => setShown(rows.length)}>
          {t("analysis.showAll", { count: rows.length })}
        </Button>
      </HStack>
    ) : null;
  return { visible, more };
}

function Change({ changed, before, after }: { changed: boolean; before: string | null | undefined; after: string | null | undefined }) {
  if (!changed) return <>{after ?? before ?? t("analysis.none")}</>;
  return (
    <>
      <span className="samla-analysis-before">{before ?? t("analysis.none")}</span>
      <span aria-hidden> → </span>
      <span className="aksel-sr-only"> {t("analysis.changedTo")} </span>
      <strong>{after ?? t("analysis.none")}</strong>
    </>
  );
}

function PeopleChangesTable({ changes, print }: { changes: Impact["peopleChanges"]; print: boolean }) {
  const sorted = [...changes].sort((a, b) => a.person.name.localeCompare(b.person.name, "nb"));
  const { visible, more } = useShownRows(sorted, print);
  if (changes.length === 0) return <BodyShort>{t("analysis.peopleChanges.none")}</BodyShort>;
  return (
    <VStack gap="space-8">
      <div className="samla-table-scroll">
        <Table size="small" zebraStripes data-testid="impact-people-changes">
          <caption className="aksel-sr-only">{t("analysis.peopleChanges.caption")}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("analysis.peopleChanges.col.person")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("analysis.peopleChanges.col.team")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("analysis.peopleChanges.col.role")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("analysis.peopleChanges.col.manager")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {visible.map((change) => (
              <Table.Row key={change.person.id}>
                <Table.HeaderCell scope="row">{change.person.name}</Table.HeaderCell>
                <Table.DataCell>
                  <Change changed={change.teamChanged} before={change.beforeTeam?.name} after={change.afterTeam?.name} />
                </Table.DataCell>
                <Table.DataCell>
                  <Change changed={change.roleChanged} before={change.beforeRole?.name} after={change.afterRole?.name} />
                </Table.DataCell>
                <Table.DataCell>
                  <Change changed={change.managerChanged} before={change.beforeManager?.name} after={change.afterManager?.name} />
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {more}
    </VStack>
  );
}

function VacanciesTable({ vacancies, total, print }: { vacancies: Impact["vacancies"]; total: number; print: boolean }) {
  const { visible, more } = useShownRows(vacancies, print);
  if (total === 0) return <BodyShort>{t("analysis.vacancies.none")}</BodyShort>;
  return (
    <VStack gap="space-8">
      <div className="samla-table-scroll">
        <Table size="small" zebraStripes data-testid="impact-vacancies">
          <caption className="aksel-sr-only">{t("analysis.vacancies.caption")}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("analysis.vacancies.col.team")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("analysis.vacancies.col.role")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col" align="right">
                {t("analysis.vacancies.col.fte")}
              </Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {visible.map((position) => (
              <Table.Row key={position.id}>
                <Table.HeaderCell scope="row">{position.team.name}</Table.HeaderCell>
                <Table.DataCell>{position.role.name}</Table.DataCell>
                <Table.DataCell align="right">{formatPercent(position.fte)}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {more}
    </VStack>
  );
}

function WithoutPositionList({ people, total, print }: { people: Impact["peopleWithoutPosition"]; total: number; print: boolean }) {
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name, "nb"));
  const { visible, more } = useShownRows(sorted, print);
  if (total === 0) return <BodyShort>{t("analysis.withoutPosition.none")}</BodyShort>;
  return (
    <VStack gap="space-8">
      <Alert variant="warning" size="small" inline>
        {t("analysis.withoutPosition.warning", { count: total })}
      </Alert>
      <List size="small" data-testid="impact-without-position">
        {visible.map((person) => (
          <List.Item key={person.id}>{person.name}</List.Item>
        ))}
      </List>
      {more}
    </VStack>
  );
}
