// The adoption dashboard's body: filter, key figures and the sections. The figures load
// for the filter in the URL and load again, without a page reload, whenever a report
// event arrives over the subscription.
import { BodyShort, Heading, Link, VStack, BodyLong, Loader, HStack } from "@navikt/ds-react";
import { useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { EmptyState, ErrorState, TableSkeleton } from "../../components/States";
import type { LiveStatus } from "../../graphql/subscribe";
import { formatDate, t, type MessageKey } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";
import { addMonths, monthOf } from "../../methods/compare/url-state";
import { useApiData } from "../../scenarios/analysis/use-api-data";
import { ImpactAnalysis } from "../impact/ImpactAnalysis";
import { BehindPlanList } from "./BehindPlan";
import { DashboardControls, DashboardExport } from "./Controls";
import { loadDashboard, loadWaves, type Dashboard } from "./data";
import { ProgressReportEventsSubscription } from "./documents";
import { addEvent, type ReportEvent } from "./live";
import { LiveSubmissions } from "./LiveSubmissions";
import { PracticeTimeline, StageAreaChart } from "./OverTime";
import { SpreadBars } from "./Spread";
import { StageLegend } from "./StageLegend";
import { StatusMatrix } from "./StatusMatrix";
import { subscribe } from "./subscription";
import { SummaryCards } from "./SummaryCards";
import { WaveProgressCharts } from "./WaveProgress";
import {
  dashboardFilter,
  filterKey,
  parseDashboardState,
  withDashboardState,
  type DashboardFilter,
  type DashboardState,
} from "./url-state";
import "./dashboard.css";

const SECTIONS: ReadonlyArray<{ id: string; key: MessageKey }> = [
  { id: "status-na", key: "adoption.dashboard.status.heading" },
  { id: "over-tid", key: "adoption.dashboard.time.heading" },
  { id: "bolger", key: "adoption.dashboard.waves.heading" },
  { id: "etter-plan", key: "adoption.dashboard.behind.heading" },
  { id: "spredning", key: "adoption.dashboard.spread.heading" },
  { id: "effekt", key: "adoption.dashboard.impact.heading" },
];

/** The monthly summary of the chosen month; without one, the summary's default (last month). */
function summaryHref(month: string | null): string {
  return month ? `/innforing/manedsrapport?maned=${month}` : "/innforing/manedsrapport";
}

/** The sections that do not depend on the dashboard having offices. */
const ALWAYS_SHOWN = new Set(["effekt"]);

/** How far back the month picker goes when no wave says otherwise. */
const DEFAULT_MONTHS_BACK = 23;

export function AdoptionDashboard({ today, mayReadSummary }: { today: string; mayReadSummary: boolean }) {
  const [params, setParams] = useSearchParams();
  const state = parseDashboardState(params);
  const filter = dashboardFilter(state, today);
  const key = filterKey(filter);
  const currentMonth = monthOf(today);

  // Each event bumps the revision: the figures load again, the old ones stay on screen meanwhile.
  const [revision, setRevision] = useState(0);
  const [events, setEvents] = useState<ReportEvent[]>([]);
  const [liveStatus, setLiveStatus] = useState<LiveStatus>("connecting");
  useEffect(
    () =>
      subscribe(
        ProgressReportEventsSubscription,
        {},
        {
          next: (data) => {
            setEvents((list) => addEvent(list, data.progressReportEvents));
            setRevision((value) => value + 1);
          },
          status: setLiveStatus,
        },
      ),
    [],
  );

  // Keyed by the filter's value: a new filter object with the same content does not load again.
  const load = useCallback((signal: AbortSignal) => loadDashboard(JSON.parse(key) as DashboardFilter, signal), [key]);
  const dashboard = useApiData(load, `${key}|${revision}`, key);
  const waves = useApiData(loadWaves, "waves");
  const waveOptions = waves.status === "ok" ? waves.data : [];
  const firstWaveMonth = waveOptions.map((wave) => monthOf(wave.plannedStart)).sort()[0];
  const firstMonth = [firstWaveMonth, addMonths(currentMonth, -DEFAULT_MONTHS_BACK)].filter(Boolean).sort()[0]!;

  const change = (next: DashboardState) => setParams(withDashboardState(params, next), { preventScrollReset: true });

  return (
    <VStack gap="space-32">
      <VStack gap="space-16">
        <DashboardControls state={state} waves={waveOptions} firstMonth={firstMonth} currentMonth={currentMonth} onChange={change} />
        <DashboardExport filter={filter} summaryHref={mayReadSummary ? summaryHref(state.month) : null} />
      </VStack>
      {/* Near the top, where a planner sees what comes in, and outside the loaded parts: it
          does not depend on the filter, and the live region must be in the page before its
          first event. */}
      <LiveSubmissions id="siste-innsendinger" events={events} status={liveStatus} />
      {dashboard.status === "loading" && <TableSkeleton label={t("adoption.dashboard.loading")} rows={8} />}
      {dashboard.status === "error" && <ErrorState title={t("adoption.dashboard.error")} error={dashboard.error} />}
      {dashboard.status === "ok" && <DashboardSections dashboard={dashboard.data} refreshing={dashboard.refreshing} />}
      {/* Outside the loaded parts: it does not depend on the filter. */}
      <section aria-labelledby="effekt">
        <VStack gap="space-16">
          <Heading level="2" size="large" id="effekt" tabIndex={-1}>
            {t("adoption.dashboard.impact.heading")}
          </Heading>
          <ImpactAnalysis />
        </VStack>
      </section>
    </VStack>
  );
}

function DashboardSections({ dashboard, refreshing }: { dashboard: Dashboard; refreshing: boolean }) {
  return (
    <VStack gap="space-48">
      <VStack gap="space-12">
        <HStack gap="space-12" align="center" wrap>
          <BodyShort weight="semibold" data-testid="adoption-scope">
            {t("adoption.dashboard.scope", {
              date: formatDate(dashboard.asOf),
              offices: dashboard.summary.officeCount,
              practices: dashboard.practices.length,
              from: formatMonth(dashboard.from, "long"),
            })}
          </BodyShort>
          {refreshing && (
            <HStack gap="space-4" align="center" role="status">
              <Loader size="xsmall" aria-hidden />
              <BodyShort size="small">{t("adoption.dashboard.refreshing")}</BodyShort>
            </HStack>
          )}
        </HStack>
        <nav aria-label={t("adoption.dashboard.toc")}>
          <ul className="samla-adoption-toc">
            {SECTIONS.filter((section) => dashboard.matrix.length > 0 || ALWAYS_SHOWN.has(section.id)).map((section) => (
              <li key={section.id}>
                <Link href={`#${section.id}`}>{t(section.key)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </VStack>

      <section aria-labelledby="nokkeltall">
        <Heading level="2" size="medium" id="nokkeltall" spacing>
          {t("adoption.dashboard.summary.heading")}
        </Heading>
        <SummaryCards summary={dashboard.summary} asOf={dashboard.asOf} />
      </section>

      {dashboard.matrix.length === 0 ? (
        <EmptyState title={t("adoption.dashboard.empty")}>
          <BodyShort>{t("adoption.dashboard.emptyBody")}</BodyShort>
        </EmptyState>
      ) : (
        <>
          <Section id="status-na" title={t("adoption.dashboard.status.heading")} intro={t("adoption.dashboard.status.intro")}>
            <StageLegend withBehindMark />
            <StatusMatrix dashboard={dashboard} />
          </Section>

          <Section id="over-tid" title={t("adoption.dashboard.time.heading")} intro={t("adoption.dashboard.time.intro")}>
            <StageLegend />
            <StageAreaChart dashboard={dashboard} />
            <PracticeTimeline dashboard={dashboard} />
          </Section>

          <Section id="bolger" title={t("adoption.dashboard.waves.heading")} intro={t("adoption.dashboard.waves.intro")}>
            {dashboard.waves.length === 0 ? (
              <BodyShort>{t("adoption.dashboard.waves.empty")}</BodyShort>
            ) : (
              <WaveProgressCharts waves={dashboard.waves} asOf={dashboard.asOf} />
            )}
          </Section>

          <Section id="etter-plan" title={t("adoption.dashboard.behind.heading")} intro={t("adoption.dashboard.behind.intro")}>
            {dashboard.behindPlan.length === 0 ? (
              <BodyShort>{t("adoption.dashboard.behind.none")}</BodyShort>
            ) : (
              <BehindPlanList offices={dashboard.behindPlan} />
            )}
          </Section>

          <Section id="spredning" title={t("adoption.dashboard.spread.heading")} intro={t("adoption.dashboard.spread.intro")}>
            <StageLegend />
            <SpreadBars dashboard={dashboard} />
          </Section>
        </>
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
