// Culture mapping: on a date, the current and target score (1-5) on each dimension; the
// gap (target − current) is what the improvement work aims at.
import { PlusIcon } from "@navikt/aksel-icons";
import { BodyShort, Button, Heading, HStack, Table, TextField, VStack } from "@navikt/ds-react";
import { useState, type FormEvent, type ReactNode } from "react";
import { ErrorState, LoadingMessage } from "../../components/States";
import { request, type ResultOf } from "../../graphql";
import { DateField, FormErrorSummary, INVALID_DATE } from "../../hr/components";
import { todayInNorway } from "../../lib/dates";
import { usePagedConnection } from "../../hr/use-paged-connection";
import { formatDate, t } from "../../i18n";
import { MethodsRecordCultureQuery, RecordCultureAssessmentMutation } from "./documents";
import { formatDecimal } from "../compare/format";
import { decimalPlaces, parseDecimal } from "./format";
import { isTypename, PagedFooter, requiredText, SavedNotice, useFormState } from "./forms";
import type { PanelProps } from "./types";

type CulturePage = NonNullable<ResultOf<typeof MethodsRecordCultureQuery>["office"]>["cultureAssessments"];
type CultureRow = CulturePage["edges"][number]["node"];

const PAGE_SIZE = 50;

export function CulturePanel({ office, canRecord }: PanelProps) {
  const [reloads, setReloads] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [dimensions, setDimensions] = useState<string[] | null>(null);

  return (
    <VStack gap="space-32">
      <SavedNotice message={notice} onClose={() => setNotice(null)} />
      <CultureHistory key={reloads} officeId={office.id} onDimensions={setDimensions}>
        {(latest) =>
          canRecord &&
          dimensions !== null && (
            <CultureForm
              officeId={office.id}
              dimensions={dimensions}
              latest={latest}
              onSaved={(assessedOn) => {
                setNotice(t("record.culture.saved", { date: formatDate(assessedOn) }));
                setReloads((n) => n + 1);
              }}
            />
          )
        }
      </CultureHistory>
    </VStack>
  );
}

/** The history table, and (as children) the form, which starts from the latest scores. */
function CultureHistory({
  officeId,
  onDimensions,
  children,
}: {
  officeId: string;
  onDimensions: (dimensions: string[]) => void;
  children: (latest: Map<string, CultureRow>) => ReactNode;
}) {
  const history = usePagedConnection<CultureRow, CulturePage>((after, signal) =>
    request(MethodsRecordCultureQuery, { id: officeId, first: PAGE_SIZE, after }, { signal }).then((data) => {
      onDimensions(data.cultureDimensions);
      return data.office?.cultureAssessments ?? { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
    }),
  );
  // Newest first, so the first row seen per dimension is its latest.
  const latest = new Map<string, CultureRow>();
  for (const row of history.nodes) if (!latest.has(row.dimension)) latest.set(row.dimension, row);

  return (
    <>
      {history.pages.length > 0 && children(latest)}
      <section aria-labelledby="culture-history-heading">
        <Heading id="culture-history-heading" level="3" size="medium" spacing>
          {t("record.culture.history")}
        </Heading>
        {history.error ? (
          <ErrorState title={t("record.culture.error")} error={history.error} />
        ) : history.pages.length === 0 ? (
          <LoadingMessage text={t("record.culture.loading")} />
        ) : history.nodes.length === 0 ? (
          <BodyShort>{t("record.culture.empty")}</BodyShort>
        ) : (
          <VStack gap="space-12" align="start">
            <div className="samla-table-scroll" style={{ width: "100%" }}>
              <Table size="small" data-testid="culture-history">
                <caption className="aksel-sr-only">{t("record.culture.history")}</caption>
                <Table.Header>
                  <Table.Row>
                    <Table.ColumnHeader scope="col">{t("record.culture.col.date")}</Table.ColumnHeader>
                    <Table.ColumnHeader scope="col">{t("record.culture.col.dimension")}</Table.ColumnHeader>
                    <Table.ColumnHeader scope="col" align="right">
                      {t("record.culture.current")}
                    </Table.ColumnHeader>
                    <Table.ColumnHeader scope="col" align="right">
                      {t("record.culture.target")}
                    </Table.ColumnHeader>
                    <Table.ColumnHeader scope="col" align="right">
                      {t("record.culture.col.gap")}
                    </Table.ColumnHeader>
                    <Table.ColumnHeader scope="col">{t("record.col.author")}</Table.ColumnHeader>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {history.nodes.map((row) => (
                    <Table.Row key={row.id}>
                      <Table.DataCell>{formatDate(row.assessedOn)}</Table.DataCell>
                      <Table.HeaderCell scope="row">{row.dimension}</Table.HeaderCell>
                      <Table.DataCell align="right">{formatDecimal(row.currentScore, 1)}</Table.DataCell>
                      <Table.DataCell align="right">{formatDecimal(row.targetScore, 1)}</Table.DataCell>
                      <Table.DataCell align="right">{formatDecimal(row.gap, 1)}</Table.DataCell>
                      <Table.DataCell>{row.authorName}</Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
            <PagedFooter
              shown={history.nodes.length}
              total={history.lastPage?.totalCount ?? 0}
              hasMore={history.lastPage?.pageInfo.hasNextPage ?? false}
              loading={history.loading}
              onMore={history.loadMore}
            />
          </VStack>
        )}
      </section>
    </>
  );
}

interface DimensionDraft {
  key: number;
  /** Named by the catalogue of dimensions in use (fixed) or typed (a new one). */
  fixed: boolean;
  dimension: string;
  current: string;
  target: string;
}

function CultureForm({
  officeId,
  dimensions,
  latest,
  onSaved,
}: {
  officeId: string;
  dimensions: string[];
  latest: Map<string, CultureRow>;
  onSaved: (assessedOn: string) => void;
}) {
  const [assessedOn, setAssessedOn] = useState(todayInNorway());
  const [rows, setRows] = useState<DimensionDraft[]>(() =>
    dimensions.map((dimension, index) => ({ key: index, fixed: true, dimension, current: "", target: "" })),
  );
  const form = useFormState();
  const id = (index: number, field: "name" | "current" | "target") => `culture-${index + 1}-${field}`;
  const rowName = (row: DimensionDraft, index: number) => row.dimension.trim() || t("record.culture.newN", { n: index + 1 });
  const labels: Record<string, string> = { "culture-date": t("record.culture.date") };
  rows.forEach((row, index) => {
    labels[id(index, "name")] = t("record.culture.dimension");
    labels[id(index, "current")] = `${rowName(row, index)}: ${t("record.culture.current")}`;
    labels[id(index, "target")] = `${rowName(row, index)}: ${t("record.culture.target")}`;
  });

  const update = (index: number, change: Partial<DimensionDraft>) =>
    setRows((all) => all.map((row, at) => (at === index ? { ...row, ...change } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!assessedOn) found["culture-date"] = requiredText(labels["culture-date"]!);
    else if (assessedOn === INVALID_DATE) found["culture-date"] = t("record.form.dateInvalid");
    const sent: Array<{ index: number; dimension: string; currentScore: number; targetScore: number }> = [];
    rows.forEach((row, index) => {
      const filled = row.current.trim() || row.target.trim() || (!row.fixed && row.dimension.trim());
      if (!filled) return;
      if (!row.dimension.trim()) found[id(index, "name")] = requiredText(t("record.culture.dimension"));
      const score = (field: "current" | "target"): number => {
        const text = row[field].trim();
        const value = parseDecimal(text);
        if (!text) found[id(index, field)] = t("record.form.requiredShort");
        else if (value === null) found[id(index, field)] = t("record.form.numberInvalid");
        else if (value < 1 || value > 5) found[id(index, field)] = t("record.culture.scoreRange");
        else if (decimalPlaces(text) > 1) found[id(index, field)] = t("record.form.tooManyDecimals", { places: 1 });
        return value ?? 0;
      };
      sent.push({ index, dimension: row.dimension.trim(), currentScore: score("current"), targetScore: score("target") });
    });
    if (sent.length === 0 && Object.keys(found).length === 0) found.general = t("record.culture.noScores");
    if (!form.check(found)) return;
    const fieldForPath: Record<string, string> = { assessedOn: "culture-date", dimensions: "general" };
    sent.forEach((entry, at) => {
      fieldForPath[`dimensions.${at}.dimension`] = id(entry.index, "name");
      fieldForPath[`dimensions.${at}.currentScore`] = id(entry.index, "current");
      fieldForPath[`dimensions.${at}.targetScore`] = id(entry.index, "target");
    });
    const result = await form.send(
      () =>
        request(RecordCultureAssessmentMutation, {
          input: {
            officeId,
            assessedOn,
            dimensions: sent.map(({ dimension, currentScore, targetScore }) => ({ dimension, currentScore, targetScore })),
          },
        }).then((data) => data.recordCultureAssessment),
      isTypename("RecordCultureAssessmentPayload"),
      fieldForPath,
    );
    if (result) onSaved(assessedOn);
  };

  return (
    <section aria-labelledby="culture-form-heading">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <VStack gap="space-16" style={{ maxWidth: "48rem" }}>
          <Heading id="culture-form-heading" level="3" size="medium">
            {t("record.culture.formTitle")}
          </Heading>
          <BodyShort>{t("record.culture.formIntro")}</BodyShort>
          <FormErrorSummary ref={form.summaryRef} errors={form.errors} fieldLabels={labels} />
          <DateField
            id="culture-date"
            label={labels["culture-date"]!}
            defaultValue={assessedOn}
            onChange={setAssessedOn}
            error={form.errors["culture-date"]}
          />
          {rows.map((row, index) => {
            const last = latest.get(row.dimension);
            return (
              <fieldset key={row.key} style={{ border: 0, padding: 0, margin: 0 }}>
                <legend className={row.fixed ? undefined : "aksel-sr-only"}>
                  <BodyShort weight="semibold">{rowName(row, index)}</BodyShort>
                </legend>
                <HStack gap="space-16" align="start" wrap>
                  {!row.fixed && (
                    <TextField
                      id={id(index, "name")}
                      label={t("record.culture.dimension")}
                      value={row.dimension}
                      onChange={(event) => update(index, { dimension: event.target.value })}
                      error={form.errors[id(index, "name")]}
                      maxLength={100}
                      size="small"
                    />
                  )}
                  <TextField
                    id={id(index, "current")}
                    label={t("record.culture.current")}
                    description={last ? t("record.culture.last", { score: formatDecimal(last.currentScore, 1) }) : undefined}
                    inputMode="decimal"
                    value={row.current}
                    onChange={(event) => update(index, { current: event.target.value })}
                    error={form.errors[id(index, "current")]}
                    htmlSize={6}
                    size="small"
                  />
                  <TextField
                    id={id(index, "target")}
                    label={t("record.culture.target")}
                    description={last ? t("record.culture.last", { score: formatDecimal(last.targetScore, 1) }) : undefined}
                    inputMode="decimal"
                    value={row.target}
                    onChange={(event) => update(index, { target: event.target.value })}
                    error={form.errors[id(index, "target")]}
                    htmlSize={6}
                    size="small"
                  />
                </HStack>
              </fieldset>
            );
          })}
          <HStack gap="space-16">
            <Button
              type="button"
              variant="secondary"
              icon={<PlusIcon aria-hidden />}
              onClick={() =>
                setRows((all) => [...all, { key: all.length, fixed: false, dimension: "", current: "", target: "" }])
              }
              disabled={rows.length >= 20}
            >
              {t("record.culture.addDimension")}
            </Button>
            <Button type="submit" loading={form.busy}>
              {t("record.culture.submit")}
            </Button>
          </HStack>
        </VStack>
      </form>
    </section>
  );
}
