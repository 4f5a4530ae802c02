// The health check panel of the scenario editor: fetches Scenario.healthChecks and
// fetches them again when the scenario's version changes (after every edit).
import { BodyShort, Button, Heading, VStack } from "@navikt/ds-react";
import { useCallback } from "react";
import { EmptyState, ErrorState, TableSkeleton } from "../../components/States";
import { ApiError, request } from "../../graphql";
import { t } from "../../i18n";
import { ScenarioHealthChecksQuery } from "./documents";
import { HealthChecksView, type HealthCheck } from "./HealthChecksView";
import type { ScenarioPanelProps } from "./ImpactPanel";
import { useApiData } from "./use-api-data";

export async function fetchHealthChecks(scenarioId: string, signal?: AbortSignal): Promise<HealthCheck[]> {
  const data = await request(ScenarioHealthChecksQuery, { id: scenarioId }, { signal });
  if (!data.scenario) throw new ApiError(`Scenario ${scenarioId} not found`, "result", { typename: "NotFoundError" });
  return data.scenario.healthChecks;
}

export function HealthChecksPanel({ scenarioId, version }: ScenarioPanelProps) {
  const load = useCallback((signal: AbortSignal) => fetchHealthChecks(scenarioId, signal), [scenarioId]);
  const checks = useApiData(load, `${scenarioId}:${version}`, scenarioId);
  const headingId = `helsesjekker-${scenarioId}`;

  return (
    <section
      aria-labelledby={headingId}
      aria-busy={checks.status === "loading" || (checks.status === "ok" && checks.refreshing)}
      className="samla-analysis-panel"
      data-testid="health-checks-panel"
    >
      <Heading id={headingId} level="2" size="medium" spacing>
        {t("analysis.health.title")}
      </Heading>
      {checks.status === "loading" && <TableSkeleton label={t("analysis.health.loading")} rows={7} />}
      {checks.status === "error" && (
        <VStack gap="space-8" align="start">
          <ErrorState title={t("analysis.health.error")} error={checks.error} />
          <Button type="button" size="small" variant="secondary" onClick={checks.retry}>
            {t("analysis.retry")}
          </Button>
        </VStack>
      )}
      {checks.status === "ok" && (
        <VStack gap="space-16">
          {checks.refreshing && (
            <BodyShort size="small" role="status">
              {t("analysis.health.refreshing")}
            </BodyShort>
          )}
          {checks.data.length === 0 ? (
            <EmptyState title={t("analysis.health.empty")} />
          ) : (
            <HealthChecksView checks={checks.data} idPrefix={headingId} headingLevel="3" />
          )}
        </VStack>
      )}
    </section>
  );
}
