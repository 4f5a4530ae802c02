// The dashboard's filter (wave and month, kept in the URL) and its exports.
import { DownloadIcon, PrinterSmallIcon } from "@navikt/aksel-icons";
import { BodyShort, Button, HStack, Link, Select, VStack } from "@navikt/ds-react";
import { Link as RemixLink } from "@remix-run/react";
import { useState } from "react";
import { ErrorState } from "../../components/States";
import { expectTypename, request } from "../../graphql";
import { downloadBase64File } from "../../lib/download";
import { t } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";
import { monthsBetween } from "../../methods/compare/url-state";
import type { RolloutWaveOption } from "./data";
import { AdoptionDashboardExportQuery } from "./documents";
import type { DashboardFilter, DashboardState } from "./url-state";

export function DashboardControls({
  state,
  waves,
  firstMonth,
  currentMonth,
  onChange,
}: {
  state: DashboardState;
  waves: RolloutWaveOption[];
  firstMonth: string;
  currentMonth: string;
  onChange: (next: DashboardState) => void;
}) {
  const months = monthsBetween(firstMonth, currentMonth);
  return (
    <form role="search" aria-label={t("adoption.dashboard.filter.legend")} onSubmit={(event) => event.preventDefault()}>
      <HStack gap="space-16" align="end" wrap>
        <Select
          label={t("adoption.dashboard.filter.wave")}
          value={state.waveId ?? ""}
          onChange={(event) => onChange({ ...state, waveId: event.target.value || null })}
          style={{ minWidth: "16rem" }}
        >
          <option value="">{t("adoption.dashboard.filter.allWaves")}</option>
          {waves.map((wave) => (
            <option key={wave.id} value={wave.id}>
              {t("adoption.dashboard.filter.waveOption", { name: wave.name, count: wave.officeCount })}
            </option>
          ))}
        </Select>
        <Select
          label={t("adoption.dashboard.filter.month")}
          value={state.month && state.month !== currentMonth ? state.month : ""}
          onChange={(event) => onChange({ ...state, month: event.target.value || null })}
          style={{ minWidth: "12rem" }}
        >
          <option value="">{t("adoption.dashboard.filter.currentMonth", { month: formatMonth(currentMonth, "long") })}</option>
          {months
            .filter((month) => month !== currentMonth)
            .map((month) => (
              <option key={month} value={month}>
                {formatMonth(month, "long")}
              </option>
            ))}
        </Select>
        {(state.waveId || state.month) && (
          <Button type="button" variant="tertiary" size="medium" onClick={() => onChange({ waveId: null, month: null })}>
            {t("adoption.dashboard.filter.reset")}
          </Button>
        )}
      </HStack>
    </form>
  );
}

/** `summaryHref`: the monthly summary for the chosen month (null: the user may not read it). */
export function DashboardExport({ filter, summaryHref }: { filter: DashboardFilter; summaryHref: string | null }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setDone(false);
    setError(null);
    try {
      const data = await request(AdoptionDashboardExportQuery, { filter });
      downloadBase64File(expectTypename(data.adoptionDashboardExport, "ExportFile"));
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <VStack gap="space-8">
      <HStack gap="space-16" align="center" wrap>
        <BodyShort weight="semibold">{t("adoption.dashboard.export.label")}</BodyShort>
        <Button type="button" variant="secondary" size="small" icon={<DownloadIcon aria-hidden />} loading={busy} onClick={() => void download()}>
          {t("adoption.dashboard.export.xlsx")}
        </Button>
        {summaryHref && (
          <Link as={RemixLink} to={summaryHref}>
            <PrinterSmallIcon aria-hidden />
            {t("adoption.dashboard.export.summary")}
          </Link>
        )}
      </HStack>
      <BodyShort size="small" role="status">
        {done ? t("adoption.dashboard.export.done") : ""}
      </BodyShort>
      {error !== null && <ErrorState title={t("adoption.dashboard.export.failed")} error={error} />}
    </VStack>
  );
}
