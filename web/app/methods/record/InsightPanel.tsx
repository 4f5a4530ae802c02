// User insights: what users said in interviews (their own words or a summary), by theme,
// tied to a service and optionally a step of the office's current flow for it.
import { BodyLong, BodyShort, Box, Button, Detail, Heading, HStack, Radio, RadioGroup, Select, Tag, Textarea, TextField, VStack } from "@navikt/ds-react";
import { useEffect, useState, type FormEvent } from "react";
import { ErrorState, LoadingMessage } from "../../components/States";
import { request, type ResultOf } from "../../graphql";
import { DateField, FormErrorSummary, INVALID_DATE } from "../../hr/components";
import { todayInNorway } from "../../lib/dates";
import { usePagedConnection } from "../../hr/use-paged-connection";
import { formatDate, t } from "../../i18n";
import { MethodsRecordFlowQuery, MethodsRecordInsightsQuery, RecordUserInsightMutation } from "./documents";
import { isTypename, PagedFooter, requiredText, SavedNotice, useFormState } from "./forms";
import type { PanelProps, RecordService } from "./types";

type InsightsPage = NonNullable<ResultOf<typeof MethodsRecordInsightsQuery>["office"]>["userInsights"];

const PAGE_SIZE = 20;

export function InsightPanel({ office, canRecord, services }: PanelProps & { services: RecordService[] }) {
  const [theme, setTheme] = useState("");
  const [themes, setThemes] = useState<string[]>([]);
  const [reloads, setReloads] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <VStack gap="space-32">
      <SavedNotice message={notice} onClose={() => setNotice(null)} />
      {canRecord && (
        <InsightForm
          key={reloads}
          officeId={office.id}
          services={services}
          themes={themes}
          onSaved={(savedTheme) => {
            setNotice(t("record.insight.saved", { theme: savedTheme }));
            setTheme("");
            setReloads((n) => n + 1);
          }}
        />
      )}
      <section aria-labelledby="insight-history-heading">
        <VStack gap="space-16">
          <Heading id="insight-history-heading" level="3" size="medium">
            {t("record.insight.history")}
          </Heading>
          <Select
            label={t("record.insight.filterTheme")}
            value={theme}
            onChange={(event) => setTheme(event.target.value)}
            style={{ maxWidth: "20rem" }}
          >
            <option value="">{t("record.insight.allThemes")}</option>
            {themes.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
          <InsightList key={`${theme}-${reloads}`} officeId={office.id} theme={theme} onThemes={setThemes} />
        </VStack>
      </section>
    </VStack>
  );
}

function InsightList({ officeId, theme, onThemes }: { officeId: string; theme: string; onThemes: (themes: string[]) => void }) {
  const insights = usePagedConnection<InsightsPage["edges"][number]["node"], InsightsPage>((after, signal) =>
    request(MethodsRecordInsightsQuery, { id: officeId, theme: theme || null, first: PAGE_SIZE, after }, { signal }).then(
      (data) => {
        onThemes(data.userInsightThemes);
        return data.office?.userInsights ?? { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
      },
    ),
  );

  if (insights.error) return <ErrorState title={t("record.insight.error")} error={insights.error} />;
  if (insights.pages.length === 0) return <LoadingMessage text={t("record.insight.loading")} />;
  if (insights.nodes.length === 0) return <BodyShort>{t("record.insight.empty")}</BodyShort>;
  return (
    <VStack gap="space-12" align="start">
      <VStack as="ul" gap="space-12" className="samla-plain-list" style={{ width: "100%" }} data-testid="insight-list">
        {insights.nodes.map((insight) => (
          <li key={insight.id}>
            <Box padding="space-16" borderWidth="1" borderRadius="8" borderColor="neutral-subtle">
              <VStack gap="space-8">
                <HStack gap="space-8" align="center" wrap>
                  <Tag size="small" variant={insight.kind === "QUOTE" ? "info" : "neutral"}>
                    {t(`record.insight.kind.${insight.kind}`)}
                  </Tag>
                  <BodyShort weight="semibold">{insight.theme}</BodyShort>
                </HStack>
                {insight.kind === "QUOTE" ? (
                  <blockquote style={{ margin: 0 }}>
                    <BodyLong>«{insight.text}»</BodyLong>
                  </blockquote>
                ) : (
                  <BodyLong>{insight.text}</BodyLong>
                )}
                <Detail textColor="subtle">
                  {[
                    t("record.insight.interviewedOn", { date: formatDate(insight.interviewedOn) }),
                    insight.service?.name,
                    insight.processStep ? t("record.insight.step", { step: insight.processStep.name }) : null,
                    t("record.insight.by", { author: insight.authorName }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Detail>
              </VStack>
            </Box>
          </li>
        ))}
      </VStack>
      <PagedFooter
        shown={insights.nodes.length}
        total={insights.lastPage?.totalCount ?? 0}
        hasMore={insights.lastPage?.pageInfo.hasNextPage ?? false}
        loading={insights.loading}
        onMore={insights.loadMore}
      />
    </VStack>
  );
}

type FlowStep = { id: string; order: number; name: string };

function InsightForm({
  officeId,
  services,
  themes,
  onSaved,
}: {
  officeId: string;
  services: RecordService[];
  themes: string[];
  onSaved: (theme: string) => void;
}) {
  const [theme, setTheme] = useState("");
  const [kind, setKind] = useState<"QUOTE" | "SUMMARY">("QUOTE");
  const [text, setText] = useState("");
  const [interviewedOn, setInterviewedOn] = useState(todayInNorway());
  const [serviceId, setServiceId] = useState("");
  const [stepId, setStepId] = useState("");
  const [steps, setSteps] = useState<FlowStep[]>([]);
  const form = useFormState();
  const labels = {
    "insight-theme": t("record.insight.theme"),
    "insight-kind": t("record.insight.kindLabel"),
    "insight-text": t("record.insight.text"),
    "insight-date": t("record.insight.date"),
    "insight-service": t("record.insight.service"),
    "insight-step": t("record.insight.stepLabel"),
  };

  // The steps of the office's current flow for the chosen service, to tie the insight to one.
  useEffect(() => {
    setStepId("");
    setSteps([]);
    if (!serviceId) return;
    const controller = new AbortController();
    request(MethodsRecordFlowQuery, { id: officeId, serviceId }, { signal: controller.signal }).then(
      (data) => setSteps(data.office?.processFlow?.steps ?? []),
      () => undefined,
    );
    return () => controller.abort();
  }, [officeId, serviceId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!theme.trim()) found["insight-theme"] = requiredText(labels["insight-theme"]);
    if (!text.trim()) found["insight-text"] = requiredText(labels["insight-text"]);
    if (!interviewedOn) found["insight-date"] = requiredText(labels["insight-date"]);
    else if (interviewedOn === INVALID_DATE) found["insight-date"] = t("record.form.dateInvalid");
    if (!form.check(found)) return;
    const result = await form.send(
      () =>
        request(RecordUserInsightMutation, {
          input: {
            officeId,
            theme,
            kind,
            text,
            interviewedOn,
            serviceId: serviceId || null,
            processStepId: stepId || null,
          },
        }).then((data) => data.recordUserInsight),
      isTypename("RecordUserInsightPayload"),
      {
        theme: "insight-theme",
        kind: "insight-kind",
        text: "insight-text",
        interviewedOn: "insight-date",
        serviceId: "insight-service",
        processStepId: "insight-step",
      },
    );
    if (result) onSaved(theme.trim());
  };

  return (
    <section aria-labelledby="insight-form-heading">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <VStack gap="space-16" style={{ maxWidth: "40rem" }}>
          <Heading id="insight-form-heading" level="3" size="medium">
            {t("record.insight.formTitle")}
          </Heading>
          <FormErrorSummary ref={form.summaryRef} errors={form.errors} fieldLabels={labels} />
          <TextField
            id="insight-theme"
            label={labels["insight-theme"]}
            description={t("record.insight.themeHint")}
            value={theme}
            onChange={(event) => setTheme(event.target.value)}
            error={form.errors["insight-theme"]}
            list="insight-theme-options"
            maxLength={100}
            autoComplete="off"
          />
          <datalist id="insight-theme-options">
            {themes.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <RadioGroup
            id="insight-kind"
            legend={labels["insight-kind"]}
            value={kind}
            onChange={(value: "QUOTE" | "SUMMARY") => setKind(value)}
            error={form.errors["insight-kind"]}
          >
            <Radio value="QUOTE" description={t("record.insight.kindHint.QUOTE")}>
              {t("record.insight.kind.QUOTE")}
            </Radio>
            <Radio value="SUMMARY" description={t("record.insight.kindHint.SUMMARY")}>
              {t("record.insight.kind.SUMMARY")}
            </Radio>
          </RadioGroup>
          <Textarea
            id="insight-text"
            label={labels["insight-text"]}
            value={text}
            onChange={(event) => setText(event.target.value)}
            error={form.errors["insight-text"]}
            maxLength={4000}
            minRows={3}
          />
          <DateField
            id="insight-date"
            label={labels["insight-date"]}
            defaultValue={interviewedOn}
            onChange={setInterviewedOn}
            error={form.errors["insight-date"]}
          />
          <Select
            id="insight-service"
            label={labels["insight-service"]}
            description={t("record.optional")}
            value={serviceId}
            onChange={(event) => setServiceId(event.target.value)}
            error={form.errors["insight-service"]}
          >
            <option value="">{t("record.insight.noService")}</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </Select>
          <Select
            id="insight-step"
            label={labels["insight-step"]}
            description={serviceId && steps.length === 0 ? t("record.insight.noFlow") : t("record.insight.stepHint")}
            value={stepId}
            onChange={(event) => setStepId(event.target.value)}
            error={form.errors["insight-step"]}
          >
            <option value="">{t("record.insight.noStep")}</option>
            {steps.map((step) => (
              <option key={step.id} value={step.id}>
                {step.order}. {step.name}
              </option>
            ))}
          </Select>
          <div>
            <Button type="submit" loading={form.busy}>
              {t("record.insight.submit")}
            </Button>
          </div>
        </VStack>
      </form>
    </section>
  );
}
