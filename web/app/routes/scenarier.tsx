// /scenarier: every scenario, filtered by status and name, with "Nytt scenario" for
// planners (for offices they pick; a merger's scenarios start from the merger's page).
import { PlusIcon } from "@navikt/aksel-icons";
import { BodyLong, BodyShort, Button, Chips, Heading, HStack, Modal, Search, VStack } from "@navikt/ds-react";
import { useSearchParams, type MetaFunction } from "@remix-run/react";
import { useState } from "react";
import { useAuth } from "../auth";
import { EmptyState, ErrorState, TableSkeleton } from "../components/States";
import { request, type ResultOf } from "../graphql";
import { usePagedConnection } from "../hr/use-paged-connection";
import { t } from "../i18n";
import { scenarioStatusName } from "../scenarios/analysis/ScenarioFacts";
import { CreateScenarioForm } from "../scenarios/editor/CreateScenarioForm";
import { ScenarioListQuery } from "../scenarios/editor/documents";
import { mayEditScenarios, SCENARIO_STATUSES, type ScenarioStatusValue } from "../scenarios/editor/model";
import { ScenariosTable } from "../scenarios/editor/ScenariosTable";

export const meta: MetaFunction = () => [{ title: `${t("scenarioList.title")} – ${t("app.name")}` }];

type ScenarioPage = ResultOf<typeof ScenarioListQuery>["scenarios"];
type ScenarioRow = ScenarioPage["edges"][number]["node"];

const PAGE_SIZE = 50;

const isStatus = (value: string): value is ScenarioStatusValue => (SCENARIO_STATUSES as readonly string[]).includes(value);

export default function ScenariosRoute() {
  const { user } = useAuth();
  const [searchParams, setSearchParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const statuses = (searchParams.get("status") ?? "").split(",").filter(isStatus);
  const text = searchParams.get("tekst") ?? "";
  const [draftText, setDraftText] = useState(text);

  const update = (next: { statuses?: ScenarioStatusValue[]; text?: string }) =>
    setSearchParams(
      (params) => {
        const chosen = next.statuses ?? statuses;
        if (chosen.length > 0) params.set("status", chosen.join(","));
        else params.delete("status");
        const query = (next.text ?? text).trim();
        if (query) params.set("tekst", query);
        else params.delete("tekst");
        return params;
      },
      { replace: true, preventScrollReset: true }
    );

  return (
    <VStack gap="space-24">
      <HStack gap="space-16" align="end" justify="space-between" wrap>
        <VStack gap="space-8">
          <Heading level="1" size="xlarge">
            {t("scenarioList.title")}
          </Heading>
          <BodyLong>{t("scenarioList.intro")}</BodyLong>
        </VStack>
        {mayEditScenarios(user.roles) && (
          <Button type="button" icon={<PlusIcon aria-hidden />} onClick={() => setCreating(true)}>
            {t("mergerDetail.scenarios.new")}
          </Button>
        )}
      </HStack>

      <VStack gap="space-16" role="search" aria-label={t("scenarioList.filters")}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            update({ text: draftText });
          }}
          style={{ maxWidth: "28rem" }}
        >
          <Search
            label={t("scenarioList.search")}
            hideLabel={false}
            variant="secondary"
            value={draftText}
            onChange={setDraftText}
            onClear={() => {
              setDraftText("");
              update({ text: "" });
            }}
          />
        </form>
        <VStack gap="space-8">
          <BodyShort weight="semibold" id="scenario-status-filter">
            {t("scenarioList.status")}
          </BodyShort>
          <Chips aria-labelledby="scenario-status-filter">
            {SCENARIO_STATUSES.map((status) => (
              <Chips.Toggle
                key={status}
                selected={statuses.includes(status)}
                onClick={() =>
                  update({ statuses: statuses.includes(status) ? statuses.filter((s) => s !== status) : [...statuses, status] })
                }
              >
                {scenarioStatusName(status)}
              </Chips.Toggle>
            ))}
          </Chips>
        </VStack>
      </VStack>

      {/* Keyed on the filter: a new filter starts from the first page. */}
      <ScenarioTable key={`${statuses.join(",")}|${text}`} statuses={statuses} text={text} />

      <Modal open={creating} onClose={() => setCreating(false)} header={{ heading: t("scenarioList.new.title") }} width="medium">
        <Modal.Body>{creating && <CreateScenarioForm onCancel={() => setCreating(false)} />}</Modal.Body>
      </Modal>
    </VStack>
  );
}

function ScenarioTable({ statuses, text }: { statuses: ScenarioStatusValue[]; text: string }) {
  const { nodes, lastPage, loading, error, loadMore } = usePagedConnection<ScenarioRow, ScenarioPage>(
    (after: string | null, signal?: AbortSignal): Promise<ScenarioPage> =>
      request(
        ScenarioListQuery,
        {
          filter: { ...(statuses.length > 0 ? { status: statuses } : {}), ...(text ? { text } : {}) },
          first: PAGE_SIZE,
          after,
        },
        { signal }
      ).then((data) => data.scenarios)
  );

  if (error && nodes.length === 0) return <ErrorState title={t("scenarioList.error")} error={error} />;
  if (loading && nodes.length === 0) return <TableSkeleton label={t("scenarioList.loading")} />;
  if (nodes.length === 0) {
    return (
      <EmptyState title={t("scenarioList.empty")}>
        <BodyShort>{t("scenarioList.empty.hint")}</BodyShort>
      </EmptyState>
    );
  }

  return (
    <VStack gap="space-16">
      <BodyShort role="status">
        {t("scenarioList.count", { shown: nodes.length, total: lastPage?.totalCount ?? nodes.length })}
      </BodyShort>
      <ScenariosTable scenarios={nodes} caption={t("scenarioList.title")} showMerger testId="scenario-list" />
      {error !== null && <ErrorState title={t("scenarioList.error")} error={error} />}
      {lastPage?.pageInfo.hasNextPage && (
        <HStack>
          <Button type="button" variant="secondary" loading={loading} onClick={loadMore}>
            {t("scenarioEditor.showMore")}
          </Button>
        </HStack>
      )}
    </VStack>
  );
}
