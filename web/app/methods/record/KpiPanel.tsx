// KPIs: the values of one month (a second recording of a month replaces its values), and
// a year's history as months × KPIs.
import { BodyShort, Button, Fieldset, Heading, HStack, Select, Table, TextField, VStack } from "@navikt/ds-react";
import { useEffect, useState, type FormEvent } from "react";
import { ErrorState, LoadingMessage } from "../../components/States";
import { request, type ResultOf } from "../../graphql";
import { FormErrorSummary } from "../../hr/components";
import { todayInNorway } from "../../lib/dates";
import { t } from "../../i18n";
import { formatDecimal, formatMonth as formatShortMonth } from "../compare/format";
import { MethodsRecordKpiValuesQuery, RecordKpiMeasurementsMutation } from "./documents";
import {
  decimalForInput,
  decimalPlaces,
  lastMonthOf,
  monthName,
  monthOf,
  parseDecimal,
  periodOf,
  yearsBetween,
} from "./format";
import { isTypename, SavedNotice, useFormState } from "./forms";
import type { PanelProps, RecordKpi } from "./types";
import { useLoad } from "./use-load";

const formatMonth = (period: string) => formatShortMonth(period, "long");

type Measurement = NonNullable<ResultOf<typeof MethodsRecordKpiValuesQuery>["office"]>["kpiMeasurements"]["edges"][number]["node"];

/** Every value of the months from–to, page by page (a year of all KPIs can pass one page). */
async function fetchValues(officeId: string, from: string, to: string, signal: AbortSignal): Promise<Measurement[]> {
  const values: Measurement[] = [];
  let after: string | null = null;
  for (;;) {
    const data: ResultOf<typeof MethodsRecordKpiValuesQuery> = await request(
      MethodsRecordKpiValuesQuery,
      { id: officeId, from, to, first: 100, after },
      { signal },
    );
    const page = data.office?.kpiMeasurements;
    if (!page) return values;
    values.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return values;
    after = page.pageInfo.endCursor;
  }
}

export function kpiDescription(kpi: RecordKpi): string {
  const direction = t(`record.kpi.direction.${kpi.direction}`);
  return kpi.target == null
    ? direction
    : t("record.kpi.targetAndDirection", { target: `${formatDecimal(kpi.target, 3)} ${kpi.unit}`, direction });
}

export function KpiPanel({ office, canRecord, kpis }: PanelProps & { kpis: RecordKpi[] }) {
  const thisMonth = monthOf(todayInNorway());
  const [historyYear, setHistoryYear] = useState(Number(thisMonth.slice(0, 4)));
  const [reloads, setReloads] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  if (kpis.length === 0) return <BodyShort>{t("record.kpi.noKpis")}</BodyShort>;

  return (
    <VStack gap="space-32">
      <SavedNotice message={notice} onClose={() => setNotice(null)} />
      {canRecord && (
        <KpiMonthForm
          officeId={office.id}
          firstMonth={monthOf(office.validFrom)}
          lastMonth={office.validTo && office.validTo < thisMonth ? monthOf(office.validTo) : thisMonth}
          kpis={kpis}
          reloads={reloads}
          onSaved={(period) => {
            setNotice(t("record.kpi.saved", { month: formatMonth(period) }));
            setHistoryYear(Number(period.slice(0, 4)));
            setReloads((n) => n + 1);
          }}
        />
      )}
      <KpiHistory
        officeId={office.id}
        years={yearsBetween(office.validFrom, office.validTo && office.validTo < thisMonth ? office.validTo : thisMonth)}
        year={historyYear}
        onYearChange={setHistoryYear}
        kpis={kpis}
        reloads={reloads}
      />
    </VStack>
  );
}

function KpiMonthForm({
  officeId,
  firstMonth,
  lastMonth,
  kpis,
  reloads,
  onSaved,
}: {
  officeId: string;
  firstMonth: string;
  lastMonth: string;
  kpis: RecordKpi[];
  reloads: number;
  onSaved: (period: string) => void;
}) {
  const [year, setYear] = useState(Number(lastMonth.slice(0, 4)));
  const [month, setMonth] = useState(Number(lastMonth.slice(5, 7)));
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [recorded, setRecorded] = useState<"loading" | "none" | "some">("loading");
  const form = useFormState();
  const period = periodOf(year, month);
  const fieldId = (kpi: RecordKpi) => `kpi-value-${kpi.code}`;
  const labels: Record<string, string> = {
    "kpi-period": t("record.kpi.month"),
    ...Object.fromEntries(kpis.map((kpi) => [fieldId(kpi), `${kpi.name} (${kpi.unit})`])),
  };

  // The month's values so far, so a correction starts from what is there.
  useEffect(() => {
    const controller = new AbortController();
    setRecorded("loading");
    fetchValues(officeId, period, period, controller.signal).then(
      (values) => {
        setTexts(Object.fromEntries(values.map((value) => [value.kpi.id, decimalForInput(value.value)])));
        setRecorded(values.length > 0 ? "some" : "none");
      },
      () => {
        if (!controller.signal.aborted) {
          setTexts({});
          setRecorded("none");
        }
      },
    );
    return () => controller.abort();
  }, [officeId, period, reloads]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (period > lastMonth) found["kpi-period"] = t("record.kpi.monthTooLate", { month: formatMonth(lastMonth) });
    else if (period < firstMonth) found["kpi-period"] = t("record.kpi.monthTooEarly", { month: formatMonth(firstMonth) });
    const values: Array<{ kpiId: string; value: number; field: string }> = [];
    for (const kpi of kpis) {
      const text = texts[kpi.id]?.trim() ?? "";
      if (!text) continue;
      const value = parseDecimal(text);
      if (value === null) found[fieldId(kpi)] = t("record.form.numberInvalid");
      else if (decimalPlaces(text) > 3) found[fieldId(kpi)] = t("record.form.tooManyDecimals", { places: 3 });
      else values.push({ kpiId: kpi.id, value, field: fieldId(kpi) });
    }
    if (values.length === 0 && Object.keys(found).length === 0) found.general = t("record.kpi.noValues");
    if (!form.check(found)) return;
    const fieldForPath: Record<string, string> = { period: "kpi-period", values: "general" };
    values.forEach((entry, index) => {
      fieldForPath[`values.${index}.value`] = entry.field;
      fieldForPath[`values.${index}.kpiId`] = entry.field;
      fieldForPath[`values.${index}`] = entry.field;
    });
    const result = await form.send(
      () =>
        request(RecordKpiMeasurementsMutation, {
          input: { officeId, period, values: values.map(({ kpiId, value }) => ({ kpiId, value })) },
        }).then((data) => data.recordKpiMeasurements),
      isTypename("RecordKpiMeasurementsPayload"),
      fieldForPath,
    );
    if (result) onSaved(period);
  };

  const years = yearsBetween(firstMonth, lastMonth);
  return (
    <section aria-labelledby="kpi-form-heading">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <VStack gap="space-16" style={{ maxWidth: "40rem" }}>
          <Heading id="kpi-form-heading" level="3" size="medium">
            {t("record.kpi.formTitle")}
          </Heading>
          <BodyShort>{t("record.kpi.formIntro")}</BodyShort>
          <FormErrorSummary ref={form.summaryRef} errors={form.errors} fieldLabels={labels} />
          <Fieldset legend={t("record.kpi.month")} error={form.errors["kpi-period"]} id="kpi-period">
            <HStack gap="space-16" wrap>
              <Select
                label={t("record.kpi.monthOfYear")}
                value={String(month)}
                onChange={(event) => setMonth(Number(event.target.value))}
              >
                {Array.from({ length: 12 }, (_, index) => (
                  <option key={index + 1} value={String(index + 1)}>
                    {monthName(index + 1)}
                  </option>
                ))}
              </Select>
              <Select label={t("record.kpi.year")} value={String(year)} onChange={(event) => setYear(Number(event.target.value))}>
                {years.map((candidate) => (
                  <option key={candidate} value={String(candidate)}>
                    {candidate}
                  </option>
                ))}
              </Select>
            </HStack>
          </Fieldset>
          <BodyShort size="small" role="status" data-testid="kpi-month-status">
            {recorded === "loading"
              ? t("record.kpi.loadingMonth")
              : recorded === "some"
                ? t("record.kpi.monthHasValues", { month: formatMonth(period) })
                : t("record.kpi.monthEmpty", { month: formatMonth(period) })}
          </BodyShort>
          {kpis.map((kpi) => (
            <TextField
              key={kpi.id}
              id={fieldId(kpi)}
              label={labels[fieldId(kpi)]}
              description={kpiDescription(kpi)}
              inputMode="decimal"
              value={texts[kpi.id] ?? ""}
              onChange={(event) => setTexts((current) => ({ ...current, [kpi.id]: event.target.value }))}
              error={form.errors[fieldId(kpi)]}
              htmlSize={12}
              autoComplete="off"
            />
          ))}
          <div>
            <Button type="submit" loading={form.busy} disabled={recorded === "loading"}>
              {t("record.kpi.submit")}
            </Button>
          </div>
        </VStack>
      </form>
    </section>
  );
}

function KpiHistory({
  officeId,
  years,
  year,
  onYearChange,
  kpis,
  reloads,
}: {
  officeId: string;
  years: number[];
  year: number;
  onYearChange: (year: number) => void;
  kpis: RecordKpi[];
  reloads: number;
}) {
  const loaded = useLoad(
    (signal) => fetchValues(officeId, periodOf(year, 1), lastMonthOf(year), signal),
    [officeId, year, reloads],
  );

  // Months newest first (the API's order), each with its values by KPI.
  const months = new Map<string, Map<string, number>>();
  for (const value of loaded.status === "ok" ? loaded.data : []) {
    const row = months.get(value.period) ?? new Map<string, number>();
    row.set(value.kpi.id, value.value);
    months.set(value.period, row);
  }
  const caption = t("record.kpi.historyCaption", { year });

  return (
    <section aria-labelledby="kpi-history-heading">
      <VStack gap="space-16">
        <Heading id="kpi-history-heading" level="3" size="medium">
          {t("record.kpi.history")}
        </Heading>
        <Select
          label={t("record.kpi.historyYear")}
          value={String(year)}
          onChange={(event) => onYearChange(Number(event.target.value))}
          style={{ maxWidth: "10rem" }}
        >
          {years.map((candidate) => (
            <option key={candidate} value={String(candidate)}>
              {candidate}
            </option>
          ))}
        </Select>
        {loaded.status === "error" ? (
          <ErrorState title={t("record.kpi.historyError")} error={loaded.error} />
        ) : loaded.status === "loading" ? (
          <LoadingMessage text={t("record.kpi.loading")} />
        ) : months.size === 0 ? (
          <BodyShort>{t("record.kpi.historyEmpty", { year })}</BodyShort>
        ) : (
          <div className="samla-table-scroll">
            <Table size="small" data-testid="kpi-history">
              <caption className="aksel-sr-only">{caption}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeader scope="col">{t("record.kpi.col.month")}</Table.ColumnHeader>
                  {kpis.map((kpi) => (
                    <Table.ColumnHeader key={kpi.id} scope="col" align="right">
                      {kpi.name} ({kpi.unit})
                    </Table.ColumnHeader>
                  ))}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {[...months].map(([period, row]) => (
                  <Table.Row key={period}>
                    <Table.HeaderCell scope="row">{formatMonth(period)}</Table.HeaderCell>
                    {kpis.map((kpi) => {
                      const value = row.get(kpi.id);
                      return (
                        <Table.DataCell key={kpi.id} align="right">
                          {value === undefined ? "–" : formatDecimal(value, 3)}
                        </Table.DataCell>
                      );
                    })}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </VStack>
    </section>
  );
}
