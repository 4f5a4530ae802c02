// The facts at the top of the compare and print pages: status, merger, offices, dates and
// who made, submitted and approved the scenario. And the page for a scenario that failed to load.
import { BodyShort, Heading, Label, Tag, VStack } from "@navikt/ds-react";
import { isApiError } from "../../graphql";
import { ErrorState } from "../../components/States";
import { formatDate, t, type MessageKey } from "../../i18n";
import type { ScenarioDesign } from "./ActionsTable";

type ScenarioStatus = ScenarioDesign["status"];

const STATUS = {
  DRAFT: { key: "analysis.status.DRAFT", color: "neutral" },
  IN_REVIEW: { key: "analysis.status.IN_REVIEW", color: "info" },
  APPROVED: { key: "analysis.status.APPROVED", color: "success" },
  ARCHIVED: { key: "analysis.status.ARCHIVED", color: "neutral" },
} as const satisfies Record<ScenarioStatus, { key: MessageKey; color: "neutral" | "info" | "success" }>;

export function scenarioStatusName(status: ScenarioStatus): string {
  return t(STATUS[status].key);
}

export function ScenarioStatusTag({ status }: { status: ScenarioStatus }) {
  return (
    <Tag size="small" variant="moderate" data-color={STATUS[status].color}>
      {scenarioStatusName(status)}
    </Tag>
  );
}

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <dt>
        <Label as="span" size="small">
          {label}
        </Label>
      </dt>
      <dd>
        <BodyShort size="small">{children}</BodyShort>
      </dd>
    </div>
  );
}

export function ScenarioFacts({ scenario }: { scenario: ScenarioDesign }) {
  return (
    <VStack gap="space-12">
      <div>
        <ScenarioStatusTag status={scenario.status} />
      </div>
      {scenario.description && <BodyShort>{scenario.description}</BodyShort>}
      <dl className="samla-facts" data-testid="scenario-facts">
        {scenario.merger && <Fact label={t("analysis.facts.merger")}>{scenario.merger.name}</Fact>}
        <Fact label={t("analysis.facts.offices")}>{scenario.offices.map((office) => office.name).join(", ")}</Fact>
        <Fact label={t("analysis.facts.asOf")}>{formatDate(scenario.asOfDate)}</Fact>
        <Fact label={t("analysis.facts.effective")}>{formatDate(scenario.effectiveDate)}</Fact>
        <Fact label={t("analysis.facts.createdBy")}>{scenario.createdByName}</Fact>
        {scenario.submittedByName && <Fact label={t("analysis.facts.submittedBy")}>{scenario.submittedByName}</Fact>}
        {scenario.approvedByName && (
          <Fact label={t("analysis.facts.approvedBy")}>
            {scenario.approvedAt
              ? t("analysis.facts.approvedByOn", { name: scenario.approvedByName, date: formatDate(scenario.approvedAt) })
              : scenario.approvedByName}
          </Fact>
        )}
        <Fact label={t("analysis.facts.version")}>{String(scenario.version)}</Fact>
      </dl>
    </VStack>
  );
}

export function ScenarioError({ error }: { error: unknown }) {
  if (isApiError(error) && error.details.typename === "NotFoundError") {
    return (
      <VStack gap="space-16">
        <Heading level="1" size="xlarge">
          {t("analysis.notFound.title")}
        </Heading>
        <BodyShort>{t("analysis.notFound.body")}</BodyShort>
      </VStack>
    );
  }
  return <ErrorState title={t("analysis.scenario.error")} error={error} headingLevel="1" />;
}
