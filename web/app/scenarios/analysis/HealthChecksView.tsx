// The seven structural health checks of a scenario: failing ones first (errors before
// warnings), each with its Norwegian name, OK/Feil/Advarsel, the API's message, the
// threshold and the elements it flags.
import { BodyShort, Button, Detail, Heading, HStack, Table, Tag, VStack } from "@navikt/ds-react";
import { useState } from "react";
import type { ResultOf } from "../../graphql";
import { formatPercent, t, type MessageKey } from "../../i18n";
import type { HealthCheckFragment } from "./documents";
import { formatValue } from "./format";
import "./analysis.css";

export type HealthCheck = ResultOf<typeof HealthCheckFragment>;
type HealthCheckCode = HealthCheck["code"];
type ElementKind = HealthCheck["elements"][number]["kind"];
type HeadingLevel = "2" | "3" | "4";

const CHECK_NAME = {
  SPAN_TOO_WIDE: "analysis.check.SPAN_TOO_WIDE",
  SPAN_TOO_NARROW: "analysis.check.SPAN_TOO_NARROW",
  CHAIN_TOO_DEEP: "analysis.check.CHAIN_TOO_DEEP",
  TEAM_TOO_SMALL: "analysis.check.TEAM_TOO_SMALL",
  FTE_OVER_LIMIT: "analysis.check.FTE_OVER_LIMIT",
  LEADER_MISSING: "analysis.check.LEADER_MISSING",
  SERVICE_WITHOUT_TEAM: "analysis.check.SERVICE_WITHOUT_TEAM",
} as const satisfies Record<HealthCheckCode, MessageKey>;

/** How the threshold reads for each check ({value} is the threshold). */
const THRESHOLD_TEXT = {
  SPAN_TOO_WIDE: "analysis.threshold.SPAN_TOO_WIDE",
  SPAN_TOO_NARROW: "analysis.threshold.SPAN_TOO_NARROW",
  CHAIN_TOO_DEEP: "analysis.threshold.CHAIN_TOO_DEEP",
  TEAM_TOO_SMALL: "analysis.threshold.TEAM_TOO_SMALL",
  FTE_OVER_LIMIT: "analysis.threshold.FTE_OVER_LIMIT",
  LEADER_MISSING: "analysis.threshold.none",
  SERVICE_WITHOUT_TEAM: "analysis.threshold.none",
} as const satisfies Record<HealthCheckCode, MessageKey>;

const ELEMENT_KIND = {
  TEAM: "analysis.element.TEAM",
  POSITION: "analysis.element.POSITION",
  PERSON: "analysis.element.PERSON",
  SERVICE: "analysis.element.SERVICE",
} as const satisfies Record<ElementKind, MessageKey>;

/** Elements shown per check before "Vis alle". */
const ELEMENT_STEP = 10;

export function checkName(code: HealthCheckCode): string {
  return t(CHECK_NAME[code]);
}

/** FTE values are fractions (1.2 = 120 %); the other checks count people or levels. */
function formatCheckValue(code: HealthCheckCode, value: unknown): string {
  if (code === "FTE_OVER_LIMIT" && value !== null && value !== undefined && value !== "" && !Number.isNaN(Number(value))) {
    return formatPercent(Number(value));
  }
  return formatValue(value);
}

export function thresholdText(check: Pick<HealthCheck, "code" | "threshold">): string | null {
  if (check.threshold === null || check.threshold === undefined) return null;
  return t(THRESHOLD_TEXT[check.code], { value: formatCheckValue(check.code, check.threshold) });
}

type Outcome = "ok" | "error" | "warning";

export function outcomeOf(check: Pick<HealthCheck, "passed" | "severity">): Outcome {
  if (check.passed) return "ok";
  return check.severity === "ERROR" ? "error" : "warning";
}

const OUTCOME_ORDER: Record<Outcome, number> = { error: 0, warning: 1, ok: 2 };

/** Failing checks first (errors, then warnings), then the passed ones; the API's order within. */
export function sortChecks<T extends Pick<HealthCheck, "passed" | "severity">>(checks: readonly T[]): T[] {
  return checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => OUTCOME_ORDER[outcomeOf(a.check)] - OUTCOME_ORDER[outcomeOf(b.check)] || a.index - b.index)
    .map(({ check }) => check);
}

export function OutcomeTag({ check }: { check: Pick<HealthCheck, "passed" | "severity"> }) {
  const outcome = outcomeOf(check);
  const color = outcome === "ok" ? "success" : outcome === "error" ? "danger" : "warning";
  return (
    <Tag size="small" variant="moderate" data-color={color} data-outcome={outcome}>
      {t(`analysis.outcome.${outcome}`)}
    </Tag>
  );
}

export function HealthChecksSummary({ checks }: { checks: readonly HealthCheck[] }) {
  const errors = checks.filter((check) => outcomeOf(check) === "error").length;
  const warnings = checks.filter((check) => outcomeOf(check) === "warning").length;
  return (
    <BodyShort data-testid="health-summary">
      {errors === 0 && warnings === 0
        ? t("analysis.health.allPassed", { count: checks.length })
        : t("analysis.health.summary", { errors, warnings, count: checks.length })}
    </BodyShort>
  );
}

export function HealthChecksView({
  checks,
  idPrefix,
  headingLevel = "3",
  print = false,
}: {
  checks: readonly HealthCheck[];
  idPrefix: string;
  headingLevel?: HeadingLevel;
  print?: boolean;
}) {
  const sorted = sortChecks(checks);
  return (
    <VStack gap="space-16">
      <HealthChecksSummary checks={checks} />
      <ul className="samla-health-list" data-testid="health-checks">
        {sorted.map((check) => (
          <HealthCheckItem key={check.code} check={check} idPrefix={idPrefix} headingLevel={headingLevel} print={print} />
        ))}
      </ul>
    </VStack>
  );
}

function HealthCheckItem({
  check,
  idPrefix,
  headingLevel,
  print,
}: {
  check: HealthCheck;
  idPrefix: string;
  headingLevel: HeadingLevel;
  print: boolean;
}) {
  const [showAll, setShowAll] = useState(false);
  const outcome = outcomeOf(check);
  const headingId = `${idPrefix}-${check.code}`;
  const threshold = thresholdText(check);
  const elements = print || showAll ? check.elements : check.elements.slice(0, ELEMENT_STEP);
  return (
    <li
      className={`samla-health-check samla-health-check--${outcome}`}
      aria-labelledby={headingId}
      data-testid={`health-check-${check.code}`}
      data-outcome={outcome}
    >
      <VStack gap="space-8">
        <HStack gap="space-8" align="center" wrap>
          <Heading id={headingId} level={headingLevel} size="xsmall">
            {checkName(check.code)}
          </Heading>
          <OutcomeTag check={check} />
        </HStack>
        <BodyShort size="small">{check.message}</BodyShort>
        {threshold && (
          <Detail textColor="subtle" data-testid="health-threshold">
            {threshold}
          </Detail>
        )}
        {check.elements.length > 0 && (
          <div className="samla-table-scroll">
            <Table size="small">
              <caption className="aksel-sr-only">
                {t("analysis.health.elementsCaption", { check: checkName(check.code) })}
              </caption>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeader scope="col">{t("analysis.health.col.element")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("analysis.health.col.kind")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col" align="right">
                    {t("analysis.health.col.value")}
                  </Table.ColumnHeader>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {elements.map((element) => (
                  <Table.Row key={`${element.kind}:${element.id}`}>
                    <Table.HeaderCell scope="row">{element.label}</Table.HeaderCell>
                    <Table.DataCell>{t(ELEMENT_KIND[element.kind])}</Table.DataCell>
                    <Table.DataCell align="right">{formatCheckValue(check.code, element.value)}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
        {!print && !showAll && check.elements.length > ELEMENT_STEP && (
          <HStack>
            <Button type="button" size="xsmall" variant="secondary" onClick={() => setShowAll(true)}>
              {t("analysis.showAll", { count: check.elements.length })}
            </Button>
          </HStack>
        )}
      </VStack>
    </li>
  );
}
