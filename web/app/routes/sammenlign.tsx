// /sammenlign: the pilot offices' working methods side by side — maturity heatmap with
// drill-down, KPI small multiples, case flows of one service, user-insight themes, culture
// gaps and whom to learn from. The whole view state is in the URL (shareable); the API
// computes every figure.
import { BodyLong, BodyShort, Heading, Link, Select, VStack } from "@navikt/ds-react";
import type { LinksFunction } from "@remix-run/node";
import {
  Await,
  useNavigate,
  type ClientLoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/react";
import { Suspense, useEffect, useRef, type ReactNode } from "react";
import { AwaitError, EmptyState, TableSkeleton } from "../components/States";
import { todayInNorway } from "../lib/dates";
import { t } from "../i18n";
import { CaseFlowComparison } from "../methods/compare/CaseFlowComparison";
import { CompareControls } from "../methods/compare/CompareControls";
import compareCss from "../methods/compare/compare.css?url";
import {
  forgetComparisonRequests,
  loadCaseFlows,
  loadComparison,
  loadMaturityHistory,
  type CaseFlowsData,
  type Comparison,
  type MaturityHistory,
} from "../methods/compare/data";
import { EXPORT_EXCLUDE, ExportActions } from "../methods/compare/ExportActions";
import { formatMonth } from "../methods/compare/format";
import { CultureGaps, InsightThemes } from "../methods/compare/InsightsAndCulture";
import { KpiSmallMultiples } from "../methods/compare/KpiSmallMultiples";
import { LearnFromSummary } from "../methods/compare/LearnFromSummary";
import { MaturityHeatmap, MaturityLegend } from "../methods/compare/MaturityHeatmap";
import { MaturityHistoryModal } from "../methods/compare/MaturityHistoryModal";
import {
  compareSearch,
  comparisonKey,
  comparisonVariables,
  monthOf,
  parseCompareState,
  type CompareState,
  type ComparisonVariables,
  type OpenCell,
} from "../methods/compare/url-state";
import { useClientLoaderData } from "../routing";

export const meta: MetaFunction = () => [{ title: `${t("compare.title")} – ${t("app.name")}` }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: compareCss }];

// Nothing is awaited: the heading and the form show at once, each part its own skeleton.
export function clientLoader({ request: routeRequest }: ClientLoaderFunctionArgs) {
  const state = parseCompareState(new URL(routeRequest.url).searchParams);
  const today = todayInNorway();
  const variables = comparisonVariables(state, today);
  const comparison = loadComparison(variables);
  const caseFlows = loadCaseFlows(variables, state.serviceId);
  const history = state.cell ? loadMaturityHistory(variables, state.cell, routeRequest.signal) : null;
  // <Await> shows failures; these only keep an abandoned load from being an unhandled rejection.
  for (const promise of [comparison, caseFlows, history]) promise?.catch(() => undefined);
  return { state, variables, comparison, caseFlows, history, currentMonth: monthOf(today) };
}

export default function CompareRoute() {
  const { state, variables, comparison, caseFlows, history, currentMonth } = useClientLoaderData<typeof clientLoader>();
  // Answers are reused only while the screen is open; coming back asks the API again.
  useEffect(() => forgetComparisonRequests, []);

  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <Heading level="1" size="xlarge">
          {t("compare.title")}
        </Heading>
        <BodyLong>{t("compare.intro")}</BodyLong>
      </VStack>
      <CompareControls state={state} comparison={comparison} currentMonth={currentMonth} />
      <Suspense key={comparisonKey(variables)} fallback={<TableSkeleton label={t("compare.loading")} rows={8} />}>
        <Await resolve={comparison} errorElement={<AwaitError title={t("compare.error")} />}>
          {(data) => <ComparisonView data={data} state={state} variables={variables} caseFlows={caseFlows} history={history} />}
        </Await>
      </Suspense>
    </VStack>
  );
}

const SECTIONS = [
  { id: "modenhet", key: "compare.maturity.heading" },
  { id: "nokkeltall", key: "compare.kpi.heading" },
  { id: "saksflyt", key: "compare.flow.heading" },
  { id: "brukerinnsikt", key: "compare.insight.heading" },
  { id: "kultur", key: "compare.culture.heading" },
  { id: "laer-av", key: "compare.summary.heading" },
] as const;

function ComparisonView({
  data,
  state,
  variables,
  caseFlows,
  history,
}: {
  data: Comparison;
  state: CompareState;
  variables: ComparisonVariables;
  caseFlows: Promise<CaseFlowsData>;
  history: Promise<MaturityHistory> | null;
}) {
  const navigate = useNavigate();
  const pictureRef = useRef<HTMLDivElement>(null);
  const go = (next: CompareState, replace = false) => navigate(compareSearch(next), { preventScrollReset: true, replace });
  // Opening a cell is a step back can undo; closing it replaces the entry.
  const openCell = (cell: OpenCell) => go({ ...state, cell });
  const closeCell = () => go({ ...state, cell: null }, true);

  const openOffice = state.cell && data.offices.find((office) => office.id === state.cell?.officeId);
  const openPractice = state.cell && data.maturity.practices.find((practice) => practice.id === state.cell?.practiceId);
  const openCellData =
    state.cell && data.maturity.cells.find((cell) => cell.officeId === state.cell?.officeId && cell.practiceId === state.cell?.practiceId);
  const serviceId = state.serviceId ?? data.caseFlowServices[0]?.id ?? null;

  return (
    <VStack gap="space-24">
      <ExportActions variables={variables} serviceId={serviceId} period={{ from: data.from, to: data.to }} target={pictureRef} />
      <div ref={pictureRef} className="samla-compare-picture">
        <VStack gap="space-48">
          <VStack gap="space-8">
            <BodyShort weight="semibold" data-testid="compare-scope">
              {t("compare.scope", {
                offices: data.offices.map((office) => office.name).join(", "),
                from: formatMonth(data.from, "long"),
                to: formatMonth(data.to, "long"),
              })}
            </BodyShort>
            <nav aria-label={t("compare.toc")} {...{ [EXPORT_EXCLUDE]: "" }}>
              <ul className="samla-compare-toc">
                {SECTIONS.map((section) => (
                  <li key={section.id}>
                    <Link href={`#${section.id}`}>{t(section.key)}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          </VStack>

          <Section id="modenhet" title={t("compare.maturity.heading")} intro={t("compare.maturity.intro")}>
            {data.maturity.practices.length === 0 ? (
              <EmptyState title={t("compare.maturity.empty")} />
            ) : (
              <VStack gap="space-12">
                <MaturityLegend />
                <MaturityHeatmap
                  offices={data.offices}
                  practices={data.maturity.practices}
                  cells={data.maturity.cells}
                  from={data.from}
                  onOpenCell={openCell}
                />
              </VStack>
            )}
          </Section>

          <Section id="nokkeltall" title={t("compare.kpi.heading")} intro={t("compare.kpi.intro")}>
            {data.kpis.length === 0 ? (
              <EmptyState title={t("compare.kpi.empty")} />
            ) : (
              <KpiSmallMultiples kpis={data.kpis} offices={data.offices} months={data.months} />
            )}
          </Section>

          <Section id="saksflyt" title={t("compare.flow.heading")} intro={t("compare.flow.intro")}>
            {data.caseFlowServices.length === 0 ? (
              <EmptyState title={t("compare.flow.empty")} />
            ) : (
              <VStack gap="space-16">
                <div {...{ [EXPORT_EXCLUDE]: "" }}>
                  <Select
                    label={t("compare.flow.service")}
                    value={serviceId ?? ""}
                    onChange={(event) => go({ ...state, serviceId: event.target.value || null })}
                    style={{ maxWidth: "24rem" }}
                  >
                    {data.caseFlowServices.map((service) => (
                      <option key={service.id} value={service.id}>
                        {service.name}
                      </option>
                    ))}
                  </Select>
                </div>
                <Suspense key={serviceId ?? ""} fallback={<TableSkeleton label={t("compare.flow.loading")} rows={4} />}>
                  <Await resolve={caseFlows} errorElement={<AwaitError title={t("compare.flow.error")} />}>
                    {(flows) =>
                      flows ? (
                        <CaseFlowComparison comparison={flows.comparison} stageNames={flows.stageNames} offices={data.offices} />
                      ) : (
                        <EmptyState title={t("compare.flow.empty")} />
                      )
                    }
                  </Await>
                </Suspense>
              </VStack>
            )}
          </Section>

          <Section id="brukerinnsikt" title={t("compare.insight.heading")} intro={t("compare.insight.intro")}>
            {data.insightThemes.themes.length === 0 ? (
              <EmptyState title={t("compare.insight.empty")} />
            ) : (
              <InsightThemes insights={data.insightThemes} offices={data.offices} />
            )}
          </Section>

          <Section id="kultur" title={t("compare.culture.heading")} intro={t("compare.culture.intro")}>
            {data.cultureGaps.dimensions.length === 0 ? (
              <EmptyState title={t("compare.culture.empty")} />
            ) : (
              <CultureGaps culture={data.cultureGaps} offices={data.offices} />
            )}
          </Section>

          <Section id="laer-av" title={t("compare.summary.heading")} intro={t("compare.summary.intro")}>
            {data.summary.length === 0 ? <EmptyState title={t("compare.summary.empty")} /> : <LearnFromSummary rows={data.summary} />}
          </Section>
        </VStack>
      </div>
      {history && openOffice && openPractice && (
        <MaturityHistoryModal office={openOffice} practice={openPractice} cell={openCellData ?? undefined} history={history} onClose={closeCell} />
      )}
    </VStack>
  );
}

function Section({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <VStack gap="space-16">
        <VStack gap="space-4">
          <Heading level="2" size="large" id={id} tabIndex={-1}>
            {title}
          </Heading>
          <BodyLong>{intro}</BodyLong>
        </VStack>
        {children}
      </VStack>
    </section>
  );
}
