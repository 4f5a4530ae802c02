// The impact analysis of one practice on one KPI (difference-in-differences), rendered on
// /innforing under the dashboard's "Effekt av metodikken" heading (so it starts at h3).
// The choices live in the page's URL (?praksis=&kpi=&vindu=); the API computes the figures.
import { Alert, BodyLong, Box, Heading, HStack, Select, VStack } from "@navikt/ds-react";
import { useSearchParams } from "@remix-run/react";
import { describeError, LoadingMessage } from "../../components/States";
import { expectTypename, isApiError, request } from "../../graphql";
import { t } from "../../i18n";
import { useLoad } from "../../methods/record/use-load";
import { AdoptionImpactQuery, ImpactChoicesQuery } from "./documents";
import { countsSentence, impactSentence, lowerFirst, verdictSentence } from "./format";
import { EventTimeChart, ForestPlot } from "./ImpactCharts";
import type { Impact } from "./types";
import { parseImpactChoice, resolveImpactChoice, WINDOW_CHOICES, writeImpactChoice, type ImpactChoice } from "./url-state";
import "./impact.css";

/** Below this many adopting offices one office can move the mean a lot: say so. */
const FEW_OFFICES = 30;

export function ImpactAnalysis() {
  const [searchParams, setSearchParams] = useSearchParams();
  const choice = parseImpactChoice(searchParams);
  const choices = useLoad((signal) => request(ImpactChoicesQuery, {}, { signal }), []);

  if (choices.status === "loading") return <LoadingMessage text={t("adoption.impact.loadingChoices")} />;
  if (choices.status === "error") return <FailedAlert error={choices.error} />;
  const { practices, kpis } = choices.data;
  const { practice, kpi } = resolveImpactChoice(choice, practices, kpis);
  if (!practice || !kpi) return <BodyLong>{t("adoption.impact.noChoices")}</BodyLong>;

  // Replace, not push: trying choices should not fill the back button's history.
  const choose = (next: Partial<ImpactChoice>) =>
    setSearchParams(
      (params) =>
        writeImpactChoice(params, {
          practiceCode: practice.code,
          kpiCode: kpi.code,
          windowMonths: choice.windowMonths,
          ...next,
        }),
      { replace: true, preventScrollReset: true },
    );

  return (
    <VStack gap="space-24" data-testid="impact-analysis">
      <BodyLong>{t("adoption.impact.intro")}</BodyLong>
      <HStack gap="space-16" align="end" wrap role="group" aria-label={t("adoption.impact.controls")}>
        <Select
          label={t("adoption.impact.practice")}
          value={practice.code}
          onChange={(event) => choose({ practiceCode: event.target.value })}
          style={{ maxWidth: "24rem" }}
        >
          {practices.map((item) => (
            <option key={item.id} value={item.code}>
              {item.name}
            </option>
          ))}
        </Select>
        <Select
          label={t("adoption.impact.kpi")}
          value={kpi.code}
          onChange={(event) => choose({ kpiCode: event.target.value })}
          style={{ maxWidth: "24rem" }}
        >
          {kpis.map((item) => (
            <option key={item.id} value={item.code}>
              {item.name}
            </option>
          ))}
        </Select>
        <Select
          label={t("adoption.impact.window")}
          value={String(choice.windowMonths)}
          onChange={(event) => choose({ windowMonths: Number(event.target.value) })}
        >
          {WINDOW_CHOICES.map((months) => (
            <option key={months} value={months}>
              {t("adoption.impact.windowOption", { count: months })}
            </option>
          ))}
        </Select>
      </HStack>
      <ImpactResult practiceId={practice.id} kpiId={kpi.id} windowMonths={choice.windowMonths} />
    </VStack>
  );
}

function ImpactResult({ practiceId, kpiId, windowMonths }: { practiceId: string; kpiId: string; windowMonths: number }) {
  const loaded = useLoad(
    (signal) =>
      request(AdoptionImpactQuery, { practiceId, kpiId, windowMonths }, { signal }).then((data) =>
        expectTypename(data.adoptionImpact, "AdoptionImpact"),
      ),
    [practiceId, kpiId, windowMonths],
  );
  if (loaded.status === "loading") return <LoadingMessage text={t("adoption.impact.loading")} />;
  if (loaded.status === "error") return <FailedAlert error={loaded.error} />;
  return <ImpactView impact={loaded.data} />;
}

function ImpactView({ impact }: { impact: Impact }) {
  const figures = {
    practiceName: impact.practice.name,
    kpi: impact.kpi,
    estimate: impact.estimate ?? null,
    confidenceLow: impact.confidenceLow ?? null,
    confidenceHigh: impact.confidenceHigh ?? null,
  };
  const sentence = impactSentence(figures);
  if (impact.treatedOfficeCount === 0 || sentence === null) {
    return (
      <Alert variant="info" role="status" data-testid="impact-empty">
        <Heading level="3" size="small" spacing>
          {t("adoption.impact.empty")}
        </Heading>
        <BodyLong>
          {t("adoption.impact.emptyBody", {
            practice: lowerFirst(impact.practice.name),
            kpi: lowerFirst(impact.kpi.name),
            window: impact.windowMonths,
          })}
        </BodyLong>
      </Alert>
    );
  }
  return (
    <VStack gap="space-32">
      <Box padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
        <VStack gap="space-8">
          <Heading level="3" size="small">
            {t("adoption.impact.estimateHeading")}
          </Heading>
          <BodyLong size="large" data-testid="impact-estimate">
            {sentence}
          </BodyLong>
          <BodyLong>{verdictSentence(figures)}</BodyLong>
          <BodyLong data-testid="impact-counts">{countsSentence(impact.treatedOfficeCount, impact.controlOfficeCount)}</BodyLong>
        </VStack>
      </Box>
      <VStack gap="space-8" as="section" aria-labelledby="impact-caveat-heading">
        <Heading level="3" size="xsmall" id="impact-caveat-heading">
          {t("adoption.impact.caveat.heading")}
        </Heading>
        <ul className="samla-impact-caveats">
          <li>{t("adoption.impact.caveat.comparison")}</li>
          {impact.treatedOfficeCount < FEW_OFFICES && <li>{t("adoption.impact.caveat.few")}</li>}
          <li>{t("adoption.impact.caveat.pace")}</li>
          <li>{t("adoption.impact.caveat.other")}</li>
        </ul>
      </VStack>
      <ForestPlot impact={impact} sentence={sentence} />
      <EventTimeChart impact={impact} />
    </VStack>
  );
}

function FailedAlert({ error }: { error: unknown }) {
  // A typed error (e.g. ValidationError) carries a Norwegian message meant for the user.
  const detail = isApiError(error) && error.kind === "result" ? error.message : null;
  return (
    <Alert variant="error" role="alert">
      <Heading level="3" size="small" spacing>
        {t("adoption.impact.error")}
      </Heading>
      <BodyLong>{detail ?? describeError(error)}</BodyLong>
    </Alert>
  );
}
