// /innforing/manedsrapport?maned=2026-10: the month's rollout summary for the directorate
// as one printable document. Print CSS hides the app's header, navigation and controls.
import { ArrowLeftIcon, PrinterSmallIcon } from "@navikt/aksel-icons";
import { BodyLong, Button, Detail, Heading, HStack, Link, Select, VStack } from "@navikt/ds-react";
import { Link as RemixLink, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useCallback, useEffect } from "react";
import { signIn } from "../auth";
import { LoadingMessage, ErrorState } from "../components/States";
import { asOfFor, loadMonthlySummary, summaryMonth } from "../adoption/summary/data";
import { MonthlySummaryView } from "../adoption/summary/MonthlySummaryView";
import { formatDate, t } from "../i18n";
import { todayInNorway } from "../lib/dates";
import { formatMonth } from "../methods/compare/format";
import { addMonths, monthsBetween } from "../methods/compare/url-state";
import { useClientLoaderData } from "../routing";
import { useApiData } from "../scenarios/analysis/use-api-data";
import "../adoption/summary/summary.css";

export const meta: MetaFunction = () => [{ title: `${t("adoption.summary.title")} – ${t("app.name")}` }];

const SUMMARY_ROLES = ["planner", "viewer", "admin"] as const;
/** How many months back the month picker offers. */
const MONTHS_BACK = 35;

export async function clientLoader() {
  const session = await signIn();
  const roles: readonly string[] = session.user.roles;
  return { allowed: SUMMARY_ROLES.some((role) => roles.includes(role)), today: todayInNorway() };
}

export default function MonthlySummaryRoute() {
  const { allowed, today } = useClientLoaderData<typeof clientLoader>();
  if (!allowed) {
    return (
      <VStack gap="space-16" align="start" data-testid="no-access">
        <Heading level="1" size="large">
          {t("adoption.summary.noAccess.title")}
        </Heading>
        <BodyLong>{t("adoption.summary.noAccess.body")}</BodyLong>
        <Link as={RemixLink} to="/innforing">
          {t("adoption.summary.back")}
        </Link>
      </VStack>
    );
  }
  return <MonthlySummaryPage today={today} />;
}

function MonthlySummaryPage({ today }: { today: string }) {
  const [params, setParams] = useSearchParams();
  const month = summaryMonth(params.get("maned"), today);
  const currentMonth = today.slice(0, 7);
  const load = useCallback((signal: AbortSignal) => loadMonthlySummary(month, today, signal), [month, today]);
  const page = useApiData(load, month);
  const monthName = formatMonth(month, "long");

  useEffect(() => {
    document.title = `${t("adoption.summary.heading", { month: monthName })} – ${t("app.name")}`;
  }, [monthName]);

  return (
    <div className="samla-summary-page">
      <VStack gap="space-32" as="article" aria-labelledby="manedsrapport-tittel">
        <VStack gap="space-12">
          <div className="samla-summary-hide">
            <Link as={RemixLink} to="/innforing">
              <ArrowLeftIcon aria-hidden />
              {t("adoption.summary.back")}
            </Link>
          </div>
          <Detail textColor="subtle">{t("adoption.summary.kicker")}</Detail>
          <Heading id="manedsrapport-tittel" level="1" size="xlarge">
            {t("adoption.summary.heading", { month: monthName })}
          </Heading>
          <Detail textColor="subtle">
            {t("adoption.summary.printedOn", { date: formatDate(today), asOf: formatDate(asOfFor(month, today)) })}
          </Detail>
          <HStack gap="space-16" align="end" wrap className="samla-summary-hide">
            <Select
              label={t("adoption.summary.month")}
              value={month}
              onChange={(event) => setParams({ maned: event.target.value }, { preventScrollReset: true })}
              style={{ minWidth: "12rem" }}
            >
              {monthsBetween(addMonths(currentMonth, -MONTHS_BACK), currentMonth).map((option) => (
                <option key={option} value={option}>
                  {formatMonth(option, "long")}
                </option>
              ))}
            </Select>
            <Button type="button" icon={<PrinterSmallIcon aria-hidden />} onClick={() => window.print()}>
              {t("adoption.summary.print")}
            </Button>
          </HStack>
        </VStack>
        {page.status === "loading" && <LoadingMessage text={t("adoption.summary.loading")} />}
        {page.status === "error" && <ErrorState title={t("adoption.summary.error")} error={page.error} />}
        {page.status === "ok" && <MonthlySummaryView summary={page.data} />}
      </VStack>
    </div>
  );
}
