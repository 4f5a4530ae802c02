// The key numbers on top of the dashboard, each a card with its label, figure and context.
import { BodyShort, Box, Detail, HGrid } from "@navikt/ds-react";
import { formatNumber, formatPercent, t } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";
import type { DashboardSummary } from "./data";

interface Card {
  testId: string;
  label: string;
  value: string;
  hint?: string;
  warn?: boolean;
}

export function SummaryCards({ summary, asOf }: { summary: DashboardSummary; asOf: string }) {
  const cards: Card[] = [
    { testId: "summary-offices", label: t("adoption.dashboard.summary.offices"), value: formatNumber(summary.officeCount) },
    {
      testId: "summary-started",
      label: t("adoption.dashboard.summary.started"),
      value: formatNumber(summary.startedOfficeCount),
      hint: t("adoption.dashboard.summary.startedOf", { total: formatNumber(summary.officeCount) }),
    },
    {
      testId: "summary-submitted",
      // The month counted is asOf's: say which, as "denne måneden" read as the month a
      // report was sent in, not the month it reports on (issue 14).
      label: t("adoption.dashboard.summary.submitted", { month: formatMonth(asOf, "long") }),
      value: formatNumber(summary.reportsSubmittedThisPeriod),
      hint: t("adoption.dashboard.summary.submittedHint"),
    },
    { testId: "summary-awaiting", label: t("adoption.dashboard.summary.awaiting"), value: formatNumber(summary.reportsAwaitingReview) },
    {
      testId: "summary-overdue",
      label: t("adoption.dashboard.summary.overdue"),
      value: formatNumber(summary.overdueReportCount),
      warn: summary.overdueReportCount > 0,
    },
    {
      testId: "summary-adopted",
      label: t("adoption.dashboard.summary.adopted"),
      value: formatPercent(summary.adoptedShare),
      hint: t("adoption.dashboard.summary.adoptedHint"),
    },
    {
      testId: "summary-behind",
      label: t("adoption.dashboard.summary.behind"),
      value: formatNumber(summary.behindPlanOfficeCount),
      hint: t("adoption.dashboard.summary.behindHint"),
      warn: summary.behindPlanOfficeCount > 0,
    },
  ];
  return (
    <HGrid as="dl" columns={{ xs: 2, sm: 3, lg: 4, xl: 7 }} gap="space-12" className="samla-adoption-cards">
      {cards.map((card) => (
        <Box
          key={card.testId}
          padding="space-12"
          borderRadius="8"
          borderWidth="1"
          borderColor={card.warn ? "warning" : "neutral-subtle"}
          className="samla-adoption-card"
        >
          <dt>
            <BodyShort size="small" weight="semibold">
              {card.label}
            </BodyShort>
          </dt>
          <dd>
            <span className="samla-adoption-card-value" data-testid={card.testId}>
              {card.value}
            </span>
            {card.hint && <Detail textColor="subtle">{card.hint}</Detail>}
          </dd>
        </Box>
      ))}
    </HGrid>
  );
}
