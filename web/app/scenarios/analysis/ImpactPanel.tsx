// The impact panel of the scenario editor: fetches Scenario.impact and fetches it again
// when the scenario's version changes (after every edit).
import { BodyShort, Button, Heading, VStack } from "@navikt/ds-react";
import { useCallback } from "react";
import { EmptyState, ErrorState, TableSkeleton } from "../../components/States";
import { ApiError, request } from "../../graphql";
import { t } from "../../i18n";
import { ScenarioImpactQuery } from "./documents";
import { ImpactView, type Impact } from "./ImpactView";
import { useApiData } from "./use-api-data";

export interface ScenarioPanelProps {
  scenarioId: string;
  /** The scenario's version: a new one loads the panel's data again. */
  version: number;
}

export async function fetchImpact(scenarioId: string, signal?: AbortSignal): Promise<Impact> {
  const data = await request(ScenarioImpactQuery, { id: scenarioId }, { signal });
  if (!data.scenario) throw new ApiError(`Scenario ${scenarioId} not found`, "result", { typename: "NotFoundError" });
  return data.scenario.impact;
}

export function ImpactPanel({ scenarioId, version }: ScenarioPanelProps) {
  const load = useCallback((signal: AbortSignal) => fetchImpact(scenarioId, signal), [scenarioId]);
  const impact = useApiData(load, `${scenarioId}:${version}`, scenarioId);
  const headingId = `effekt-${scenarioId}`;

  return (
    <section
      aria-labelledby={headingId}
      aria-busy={impact.status === "loading" || (impact.status === "ok" && impact.refreshing)}
      className="samla-analysis-panel"
      data-testid="impact-panel"
    >
      <Heading id={headingId} level="2" size="medium" spacing>
        {t("analysis.impact.title")}
      </Heading>
      {impact.status === "loading" && <TableSkeleton label={t("analysis.impact.loading")} rows={4} />}
      {impact.status === "error" && (
        <VStack gap="space-8" align="start">
          <ErrorState title={t("analysis.impact.error")} error={impact.error} />
          <Button type="button" size="small" variant="secondary" onClick={impact.retry}>
            {t("analysis.retry")}
          </Button>
        </VStack>
      )}
      {impact.status === "ok" && (
        <VStack gap="space-16">
          {impact.refreshing && (
            <BodyShort size="small" role="status">
              {t("analysis.impact.refreshing")}
            </BodyShort>
          )}
          {isEmpty(impact.data) ? (
            <EmptyState title={t("analysis.impact.empty.title")}>
              <BodyShort>{t("analysis.impact.empty.body")}</BodyShort>
            </EmptyState>
          ) : (
            <ImpactView impact={impact.data} idPrefix={headingId} headingLevel="3" />
          )}
        </VStack>
      )}
    </section>
  );
}

/** Nothing before and nothing after: no teams, people or services to compare. */
function isEmpty(impact: Impact): boolean {
  return (
    impact.before.headcount === 0 &&
    impact.after.headcount === 0 &&
    impact.byTeam.length === 0 &&
    impact.serviceCoverage.length === 0 &&
    impact.vacancyCount === 0
  );
}
