// /scenarier/:id/sammenlign?med=<scenario id, or nothing for the as-is>: the scenario's
// to-be graph with its changes coloured, every action, the change log and the impact
// figures of both sides. Everything that decides the view is in the URL, so it can be shared.
import { ArrowLeftIcon, PrinterSmallIcon } from "@navikt/aksel-icons";
import { BodyShort, Heading, HStack, Link, Select, Skeleton, VStack } from "@navikt/ds-react";
import { Link as RemixLink, useParams, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useCallback, useEffect } from "react";
import { EmptyState, ErrorState, LoadingMessage } from "../components/States";
import { ApiError, request, type ResultOf } from "../graphql";
import { formatDate, t } from "../i18n";
import { ActionsTable, type ActionFilter } from "../scenarios/analysis/ActionsTable";
import { ChangeGraph, type ChangeGraphView } from "../scenarios/analysis/ChangeGraph";
import { ChangeLog } from "../scenarios/analysis/ChangeLog";
import { CompareCandidatesQuery, CompareOtherQuery, ScenarioCompareQuery } from "../scenarios/analysis/documents";
import { ImpactComparison } from "../scenarios/analysis/ImpactComparison";
import { ScenarioError, ScenarioFacts, scenarioStatusName } from "../scenarios/analysis/ScenarioFacts";
import { useApiData } from "../scenarios/analysis/use-api-data";
import { printUrl, scenarioUrl } from "../scenarios/analysis/urls";
import "../scenarios/analysis/analysis.css";

type Scenario = NonNullable<ResultOf<typeof ScenarioCompareQuery>["scenario"]>;
type Candidate = ResultOf<typeof CompareCandidatesQuery>["scenarios"]["edges"][number]["node"];
type Other = NonNullable<ResultOf<typeof CompareOtherQuery>["scenario"]>;

export const meta: MetaFunction = () => [{ title: `${t("analysis.compare.title")} – ${t("app.name")}` }];

const ACTION_FILTERS: readonly string[] = ["CHANGES", "ALL", "NEW", "CHANGED", "CLOSED", "UNCHANGED"];

async function fetchScenario(id: string, signal: AbortSignal): Promise<Scenario> {
  const data = await request(ScenarioCompareQuery, { id }, { signal });
  if (!data.scenario) throw new ApiError(`Scenario ${id} not found`, "result", { typename: "NotFoundError" });
  return data.scenario;
}

async function fetchOther(id: string, signal: AbortSignal): Promise<Other> {
  const data = await request(CompareOtherQuery, { id }, { signal });
  if (!data.scenario) throw new ApiError(`Scenario ${id} not found`, "result", { typename: "NotFoundError" });
  return data.scenario;
}

/** Scenarios of the same merger, or (without a merger) those sharing an office. */
async function fetchCandidates(scenario: Scenario, signal: AbortSignal): Promise<Candidate[]> {
  const filter = scenario.merger ? { mergerId: scenario.merger.id } : null;
  const data = await request(CompareCandidatesQuery, { filter }, { signal });
  const offices = new Set(scenario.offices.map((office) => office.id));
  return data.scenarios.edges
    .map((edge) => edge.node)
    .filter((node) => node.id !== scenario.id)
    .filter((node) => scenario.merger || node.offices.some((office) => offices.has(office.id)));
}

export default function ScenarioCompareRoute() {
  const { id = "" } = useParams();
  const load = useCallback((signal: AbortSignal) => fetchScenario(id, signal), [id]);
  const scenario = useApiData(load, id);

  return (
    <VStack gap="space-32">
      <div>
        <Link as={RemixLink} to={scenarioUrl(id)}>
          <ArrowLeftIcon aria-hidden />
          {t("analysis.backToScenario")}
        </Link>
      </div>
      {scenario.status === "loading" && (
        <VStack gap="space-16">
          <LoadingMessage text={t("analysis.compare.loading")} />
          <Skeleton variant="text" width="20rem" height="3rem" aria-hidden />
        </VStack>
      )}
      {scenario.status === "error" && <ScenarioError error={scenario.error} />}
      {scenario.status === "ok" && <ComparePage scenario={scenario.data} />}
    </VStack>
  );
}

function ComparePage({ scenario }: { scenario: Scenario }) {
  const [params, setParams] = useSearchParams();
  const otherId = params.get("med") || null;
  const view: ChangeGraphView = params.get("visning") === "tabell" ? "tabell" : "graf";
  const filterParam = params.get("tiltak") ?? "CHANGES";
  const actionFilter = (ACTION_FILTERS.includes(filterParam) ? filterParam : "CHANGES") as ActionFilter;

  useEffect(() => {
    document.title = `${t("analysis.compare.title")}: ${scenario.name} – ${t("app.name")}`;
  }, [scenario.name]);

  const setParam = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  const loadCandidates = useCallback((signal: AbortSignal) => fetchCandidates(scenario, signal), [scenario]);
  const candidates = useApiData(loadCandidates, scenario.id);
  const loadOther = useCallback(
    (signal: AbortSignal) => (otherId ? fetchOther(otherId, signal) : Promise.resolve(null)),
    [otherId],
  );
  const other = useApiData(loadOther, otherId ?? "");
  const otherName = other.status === "ok" && other.data ? other.data.name : null;
  const comparedWith = otherId ? (otherName ?? "…") : t("analysis.compare.asIsOn", { date: formatDate(scenario.asOfDate) });

  return (
    <VStack gap="space-40">
      <VStack gap="space-16">
        <Heading level="1" size="xlarge">
          {t("analysis.compare.heading", { name: scenario.name })}
        </Heading>
        <ScenarioFacts scenario={scenario} />
        <HStack gap="space-24" align="end" wrap>
          <Select
            label={t("analysis.compare.with")}
            description={t("analysis.compare.withDescription")}
            value={otherId ?? ""}
            onChange={(event) => setParam("med", event.target.value || null)}
            style={{ minWidth: "20rem" }}
            data-testid="compare-with"
          >
            <option value="">{t("analysis.compare.asIsOn", { date: formatDate(scenario.asOfDate) })}</option>
            {candidates.status === "ok" &&
              candidates.data.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {t("analysis.compare.candidate", { name: candidate.name, status: scenarioStatusName(candidate.status) })}
                </option>
              ))}
            {/* A shared link may name a scenario outside the list (e.g. another merger's). */}
            {otherId && candidates.status === "ok" && !candidates.data.some((c) => c.id === otherId) && (
              <option value={otherId}>{otherName ?? otherId}</option>
            )}
          </Select>
          <Link as={RemixLink} to={printUrl(scenario.id)}>
            <PrinterSmallIcon aria-hidden />
            {t("analysis.print.link")}
          </Link>
        </HStack>
        {candidates.status === "error" && <ErrorState title={t("analysis.compare.candidatesError")} error={candidates.error} />}
        {candidates.status === "ok" && candidates.data.length === 0 && (
          <BodyShort size="small">{t("analysis.compare.noCandidates")}</BodyShort>
        )}
        <BodyShort role="status" data-testid="compared-with">
          {t("analysis.compare.comparing", { name: scenario.name, other: comparedWith })}
        </BodyShort>
      </VStack>

      <section aria-labelledby="endringer-kart">
        <Heading id="endringer-kart" level="2" size="large" spacing>
          {t("analysis.compare.graph.title")}
        </Heading>
        <BodyShort spacing>
          {otherId ? t("analysis.compare.graph.introOther", { other: comparedWith }) : t("analysis.compare.graph.introAsIs")}
        </BodyShort>
        <ChangeGraph
          key={`${scenario.id}:${otherId ?? ""}`}
          scenarioId={scenario.id}
          compareTo={otherId}
          view={view}
          onViewChange={(next) => setParam("visning", next === "graf" ? null : next)}
        />
      </section>

      <section aria-labelledby="tiltak">
        <Heading id="tiltak" level="2" size="large" spacing>
          {t("analysis.actions.title")}
        </Heading>
        <ActionsTable
          design={scenario}
          filter={actionFilter}
          onFilterChange={(filter) => setParam("tiltak", filter === "CHANGES" ? null : filter)}
        />
      </section>

      <section aria-labelledby="endringslogg">
        <Heading id="endringslogg" level="2" size="large" spacing>
          {t("analysis.changes.title")}
        </Heading>
        <ChangeLog key={`${scenario.id}:${scenario.version}`} scenarioId={scenario.id} />
      </section>

      <section aria-labelledby="effekt-side-om-side">
        <Heading id="effekt-side-om-side" level="2" size="large" spacing>
          {t("analysis.compare.impact.title")}
        </Heading>
        {other.status === "loading" && <LoadingMessage text={t("analysis.compare.otherLoading")} />}
        {other.status === "error" && <ErrorState title={t("analysis.compare.otherError")} error={other.error} />}
        {other.status === "ok" &&
          (scenario.impact.before.headcount === 0 && scenario.impact.after.headcount === 0 && !other.data ? (
            <EmptyState title={t("analysis.impact.empty.title")} />
          ) : (
            <ImpactComparison
              scenario={{ name: scenario.name, impact: scenario.impact }}
              other={other.data ? { name: other.data.name, impact: other.data.impact } : null}
            />
          ))}
      </section>
    </VStack>
  );
}
