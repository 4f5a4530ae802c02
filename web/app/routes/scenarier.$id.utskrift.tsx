// /scenarier/:id/utskrift: the scenario as one printable document: its design (teams and
// positions), its actions and change log, its impact and its health checks. Print CSS
// hides the app's header, navigation and buttons; the page itself has no navigation.
import { ArrowLeftIcon, DownloadIcon, PrinterSmallIcon } from "@navikt/aksel-icons";
import { BodyShort, Button, Detail, Heading, HStack, Link, Skeleton, Table, VStack } from "@navikt/ds-react";
import { Link as RemixLink, useParams, type MetaFunction } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { ErrorState, LoadingMessage } from "../components/States";
import { ApiError, request, type ResultOf } from "../graphql";
import { downloadBase64File } from "../lib/download";
import { todayInNorway } from "../lib/dates";
import { formatDate, formatPercent, t } from "../i18n";
import { buildTeamTree, type TeamNode } from "../offices/team-tree";
import { ActionsTable, ActionTag } from "../scenarios/analysis/ActionsTable";
import { ChangeLogTable, fetchAllChanges, type ScenarioChangeRow } from "../scenarios/analysis/ChangeLog";
import { ScenarioExportQuery, ScenarioPrintQuery } from "../scenarios/analysis/documents";
import { effectiveText } from "../scenarios/analysis/format";
import { HealthChecksView } from "../scenarios/analysis/HealthChecksView";
import { ImpactView } from "../scenarios/analysis/ImpactView";
import { ScenarioError, ScenarioFacts } from "../scenarios/analysis/ScenarioFacts";
import { useApiData } from "../scenarios/analysis/use-api-data";
import { scenarioUrl } from "../scenarios/analysis/urls";
import "../scenarios/analysis/analysis.css";

type Scenario = NonNullable<ResultOf<typeof ScenarioPrintQuery>["scenario"]>;
type Team = Scenario["teams"][number];

export const meta: MetaFunction = () => [{ title: `${t("analysis.print.title")} – ${t("app.name")}` }];

async function fetchPrintData(id: string, signal: AbortSignal): Promise<{ scenario: Scenario; changes: ScenarioChangeRow[] }> {
  const [data, changes] = await Promise.all([request(ScenarioPrintQuery, { id }, { signal }), fetchAllChanges(id, signal)]);
  if (!data.scenario) throw new ApiError(`Scenario ${id} not found`, "result", { typename: "NotFoundError" });
  return { scenario: data.scenario, changes };
}

export default function ScenarioPrintRoute() {
  const { id = "" } = useParams();
  const load = useCallback((signal: AbortSignal) => fetchPrintData(id, signal), [id]);
  const page = useApiData(load, id);
  return (
    <div className="samla-print-page">
      <VStack gap="space-32">
        <div className="samla-print-hide">
          <Link as={RemixLink} to={scenarioUrl(id)}>
            <ArrowLeftIcon aria-hidden />
            {t("analysis.backToScenario")}
          </Link>
        </div>
        {page.status === "loading" && (
          <VStack gap="space-16">
            <LoadingMessage text={t("analysis.print.loading")} />
            <Skeleton variant="text" width="20rem" height="3rem" aria-hidden />
          </VStack>
        )}
        {page.status === "error" && <ScenarioError error={page.error} />}
        {page.status === "ok" && <PrintDocument scenario={page.data.scenario} changes={page.data.changes} />}
      </VStack>
    </div>
  );
}

function PrintDocument({ scenario, changes }: { scenario: Scenario; changes: ScenarioChangeRow[] }) {
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  useEffect(() => {
    document.title = `${scenario.name} – ${t("analysis.print.title")} – ${t("app.name")}`;
  }, [scenario.name]);

  const download = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const data = await request(ScenarioExportQuery, { id: scenario.id });
      if (!data.scenarioExport) throw new ApiError(`Scenario ${scenario.id} not found`, "result", { typename: "NotFoundError" });
      downloadBase64File(data.scenarioExport);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const tree = buildTeamTree(scenario.teams);
  const openTeams = scenario.teams.filter((team) => team.action !== "CLOSED").length;
  const openPositions = scenario.teams.flatMap((team) => team.positions).filter((p) => p.action !== "CLOSED").length;

  return (
    <VStack gap="space-40" as="article" aria-labelledby="utskrift-tittel">
      <VStack gap="space-16">
        <Detail textColor="subtle">{t("analysis.print.kicker")}</Detail>
        <Heading id="utskrift-tittel" level="1" size="xlarge">
          {scenario.name}
        </Heading>
        <ScenarioFacts scenario={scenario} />
        <Detail textColor="subtle">{t("analysis.print.printedOn", { date: formatDate(todayInNorway()) })}</Detail>
        <HStack gap="space-16" className="samla-print-hide">
          <Button type="button" icon={<PrinterSmallIcon aria-hidden />} onClick={() => window.print()}>
            {t("analysis.print.button")}
          </Button>
          <Button type="button" variant="secondary" icon={<DownloadIcon aria-hidden />} loading={exporting} onClick={() => void download()}>
            {t("analysis.print.xlsx")}
          </Button>
        </HStack>
        {exportError !== null && (
          <div className="samla-print-hide">
            <ErrorState title={t("analysis.print.xlsxError")} error={exportError} />
          </div>
        )}
      </VStack>

      <section aria-labelledby="utskrift-design" className="samla-print-section">
        <Heading id="utskrift-design" level="2" size="large" spacing>
          {t("analysis.print.design")}
        </Heading>
        <BodyShort spacing>{t("analysis.print.designSummary", { teams: openTeams, positions: openPositions })}</BodyShort>
        {tree.length === 0 ? (
          <BodyShort>{t("analysis.print.noTeams")}</BodyShort>
        ) : (
          <VStack gap="space-24">
            {flatten(tree).map(({ team, depth, parent }) => (
              <TeamBlock key={team.id} team={team} depth={depth} parent={parent} scenarioDate={scenario.effectiveDate} />
            ))}
          </VStack>
        )}
      </section>

      <section aria-labelledby="utskrift-tiltak" className="samla-print-section">
        <Heading id="utskrift-tiltak" level="2" size="large" spacing>
          {t("analysis.actions.title")}
        </Heading>
        <ActionsTable design={scenario} filter="CHANGES" print />
      </section>

      <section aria-labelledby="utskrift-endringer" className="samla-print-section">
        <Heading id="utskrift-endringer" level="2" size="large" spacing>
          {t("analysis.changes.title")}
        </Heading>
        <ChangeLogTable changes={changes} />
      </section>

      <section aria-labelledby="utskrift-effekt" className="samla-print-section">
        <Heading id="utskrift-effekt" level="2" size="large" spacing>
          {t("analysis.impact.title")}
        </Heading>
        <ImpactView impact={scenario.impact} idPrefix="utskrift-effekt" headingLevel="3" print />
      </section>

      <section aria-labelledby="utskrift-helse" className="samla-print-section">
        <Heading id="utskrift-helse" level="2" size="large" spacing>
          {t("analysis.health.title")}
        </Heading>
        <HealthChecksView checks={scenario.healthChecks} idPrefix="utskrift-helse" headingLevel="3" print />
      </section>

      {scenario.comments.length > 0 && (
        <section aria-labelledby="utskrift-kommentarer" className="samla-print-section">
          <Heading id="utskrift-kommentarer" level="2" size="large" spacing>
            {t("analysis.print.comments")}
          </Heading>
          <VStack as="ul" gap="space-12" className="samla-print-comments">
            {scenario.comments.map((comment) => (
              <li key={comment.id}>
                <BodyShort>{comment.text}</BodyShort>
                <Detail textColor="subtle">
                  {t("analysis.print.commentBy", { name: comment.authorName, date: formatDate(comment.createdAt) })}
                </Detail>
              </li>
            ))}
          </VStack>
        </section>
      )}
    </VStack>
  );
}

/** The tree in reading order, each team with its depth and its parent's name. */
function flatten(nodes: TeamNode<Team>[], depth = 0, parent: string | null = null): { team: Team; depth: number; parent: string | null }[] {
  return nodes.flatMap((node) => [{ team: node.team, depth, parent }, ...flatten(node.children, depth + 1, node.team.name)]);
}

function TeamBlock({ team, depth, parent, scenarioDate }: { team: Team; depth: number; parent: string | null; scenarioDate: string }) {
  const headingId = `utskrift-team-${team.id}`;
  return (
    <div
      className="samla-print-team"
      style={{ marginInlineStart: `${Math.min(depth, 4) * 1.5}rem` }}
      data-action={team.action}
    >
      <HStack gap="space-8" align="center" wrap>
        <Heading id={headingId} level="3" size="small">
          {team.name}
        </Heading>
        <ActionTag action={team.action} />
      </HStack>
      <Detail textColor="subtle" spacing>
        {[
          team.office.name,
          parent ? t("analysis.print.under", { parent }) : null,
          team.action !== "UNCHANGED" ? effectiveText(team, scenarioDate, formatDate) : null,
          team.services.length > 0 ? t("analysis.print.services", { services: team.services.map((s) => s.name).join(", ") }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </Detail>
      {team.purpose && <BodyShort size="small" spacing>{team.purpose}</BodyShort>}
      {team.positions.length === 0 ? (
        <BodyShort size="small">{t("analysis.print.noPositions")}</BodyShort>
      ) : (
        <Table size="small">
          <caption className="aksel-sr-only">{t("analysis.print.positionsOf", { team: team.name })}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("analysis.print.col.role")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("analysis.print.col.person")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col" align="right">
                {t("analysis.print.col.fte")}
              </Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("analysis.print.col.reportsTo")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("analysis.actions.col.action")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {team.positions.map((position) => (
              <Table.Row key={position.id} data-action={position.action}>
                <Table.HeaderCell scope="row">{position.role.name}</Table.HeaderCell>
                <Table.DataCell>{position.person?.name ?? t("analysis.vacant")}</Table.DataCell>
                <Table.DataCell align="right">{formatPercent(position.fte)}</Table.DataCell>
                <Table.DataCell>
                  {position.reportsTo
                    ? (position.reportsTo.person?.name ?? t("analysis.print.vacantRole", { role: position.reportsTo.role.name }))
                    : ""}
                </Table.DataCell>
                <Table.DataCell>
                  <ActionTag action={position.action} />
                  {position.action !== "UNCHANGED" && (
                    <Detail as="span" textColor="subtle">
                      {" "}
                      {effectiveText(position, scenarioDate, formatDate)}
                    </Detail>
                  )}
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}
