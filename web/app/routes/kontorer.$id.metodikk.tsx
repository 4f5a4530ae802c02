// /kontorer/:id/metodikk: what an office has recorded about its working methods (maturity,
// KPIs, case flows, user insights, culture) and, for its leader or a planner, the forms
// that record more. Everyone with a Samla role may read; the API refuses the rest, and the
// page offers forms only where Office.viewerCanRecordMethods says the API would accept.
// The tab, practice and service are in the URL, so a view can be shared.
import { ArrowLeftIcon } from "@navikt/aksel-icons";
import { Alert, BodyShort, Heading, Link, Skeleton, Tabs, VStack } from "@navikt/ds-react";
import {
  Await,
  Link as RemixLink,
  useAsyncError,
  useSearchParams,
  type ClientLoaderFunctionArgs,
  type MetaFunction,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { Suspense, useEffect } from "react";
import { ErrorState, LoadingMessage } from "../components/States";
import { ApiError, isApiError, request, type ResultOf } from "../graphql";
import { t } from "../i18n";
import { CulturePanel } from "../methods/record/CulturePanel";
import { MethodsRecordPageQuery } from "../methods/record/documents";
import { FlowPanel } from "../methods/record/FlowPanel";
import { InsightPanel } from "../methods/record/InsightPanel";
import { KpiPanel } from "../methods/record/KpiPanel";
import { MaturityPanel } from "../methods/record/MaturityPanel";
import { useClientLoaderData } from "../routing";

type PageData = ResultOf<typeof MethodsRecordPageQuery> & { office: NonNullable<ResultOf<typeof MethodsRecordPageQuery>["office"]> };

const TABS = ["modenhet", "kpi", "saksflyt", "innsikt", "kultur"] as const;
type Tab = (typeof TABS)[number];

const TAB_LABELS = {
  modenhet: "record.tab.maturity",
  kpi: "record.tab.kpi",
  saksflyt: "record.tab.flow",
  innsikt: "record.tab.insight",
  kultur: "record.tab.culture",
} as const;

async function fetchPage(id: string, signal?: AbortSignal): Promise<PageData> {
  const data = await request(MethodsRecordPageQuery, { id }, { signal });
  if (!data.office) throw new ApiError(`Office ${id} not found`, "result", { typename: "NotFoundError" });
  return { ...data, office: data.office };
}

export const meta: MetaFunction = () => [{ title: `${t("record.title")} – ${t("app.name")}` }];

export function clientLoader({ params, request: routeRequest }: ClientLoaderFunctionArgs) {
  const page = fetchPage(params.id ?? "", routeRequest.signal);
  page.catch(() => undefined); // shown by <Await>
  return { page };
}

// The tab, practice and service live in the search params; changing them must not
// reload the page's data (and reset the forms).
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentParams, nextParams, defaultShouldRevalidate }) =>
  currentParams.id !== nextParams.id ? defaultShouldRevalidate : false;

export default function OfficeMethodsRoute() {
  const { page } = useClientLoaderData<typeof clientLoader>();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Await resolve={page} errorElement={<PageError />}>
        {(loaded) => <OfficeMethods data={loaded} />}
      </Await>
    </Suspense>
  );
}

function PageSkeleton() {
  return (
    <VStack gap="space-24">
      <LoadingMessage text={t("record.loading")} />
      <Skeleton variant="text" width="24rem" height="3rem" aria-hidden />
      <Skeleton variant="rectangle" height="12rem" aria-hidden />
    </VStack>
  );
}

function PageError() {
  const error = useAsyncError();
  if (isApiError(error) && error.details.typename === "NotFoundError") {
    return (
      <VStack gap="space-16" align="start">
        <Heading level="1" size="xlarge">
          {t("office.notFound.title")}
        </Heading>
        <BodyShort>{t("office.notFound.body")}</BodyShort>
        <Link as={RemixLink} to="/kontorer">
          {t("office.backToList")}
        </Link>
      </VStack>
    );
  }
  return <ErrorState title={t("record.error")} error={error} headingLevel="1" />;
}

function OfficeMethods({ data }: { data: PageData }) {
  const { office } = data;
  const [searchParams, setSearchParams] = useSearchParams();
  const tabParam = searchParams.get("fane");
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : "modenhet";
  const newestFlowService = office.processFlows.edges[0]?.node.service.id;
  const serviceId = searchParams.get("tjeneste") ?? newestFlowService ?? data.services[0]?.id ?? "";
  const practiceId = searchParams.get("praksis") ?? data.practices[0]?.id ?? "";
  const canRecord = office.viewerCanRecordMethods;

  useEffect(() => {
    document.title = `${t("record.title")}: ${office.name} – ${t("app.name")}`;
  }, [office.name]);

  /** Sets one search param, keeping the others; replaces the history entry (no back-button trail per click). */
  const setParam = (name: string, value: string) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(name, value);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  return (
    <VStack gap="space-32">
      <div>
        <Link as={RemixLink} to={`/kontorer/${encodeURIComponent(office.id)}`}>
          <ArrowLeftIcon aria-hidden />
          {t("record.backToOffice", { office: office.name })}
        </Link>
      </div>
      <VStack gap="space-12">
        <Heading level="1" size="xlarge">
          {t("record.heading", { office: office.name })}
        </Heading>
        <BodyShort style={{ maxWidth: "48rem" }}>{t("record.intro")}</BodyShort>
        {canRecord ? (
          <BodyShort data-testid="record-access">{t("record.canRecord")}</BodyShort>
        ) : (
          <Alert variant="info" data-testid="record-access">
            {t("record.readOnly")}
          </Alert>
        )}
      </VStack>

      <Tabs value={tab} onChange={(value) => setParam("fane", value)}>
        <Tabs.List>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value} label={t(TAB_LABELS[value])} />
          ))}
        </Tabs.List>
        <Tabs.Panel value="modenhet" style={{ paddingBlock: "var(--ax-space-24)" }}>
          <MaturityPanel
            office={office}
            canRecord={canRecord}
            practices={data.practices}
            practiceId={practiceId}
            onPracticeChange={(id) => setParam("praksis", id)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="kpi" style={{ paddingBlock: "var(--ax-space-24)" }}>
          <KpiPanel office={office} canRecord={canRecord} kpis={data.kpis} />
        </Tabs.Panel>
        <Tabs.Panel value="saksflyt" style={{ paddingBlock: "var(--ax-space-24)" }}>
          <FlowPanel
            office={office}
            canRecord={canRecord}
            services={data.services}
            serviceId={serviceId}
            onServiceChange={(id) => setParam("tjeneste", id)}
            stages={data.caseFlowStages}
            roles={data.roles}
          />
        </Tabs.Panel>
        <Tabs.Panel value="innsikt" style={{ paddingBlock: "var(--ax-space-24)" }}>
          <InsightPanel office={office} canRecord={canRecord} services={data.services} />
        </Tabs.Panel>
        <Tabs.Panel value="kultur" style={{ paddingBlock: "var(--ax-space-24)" }}>
          <CulturePanel office={office} canRecord={canRecord} />
        </Tabs.Panel>
      </Tabs>
    </VStack>
  );
}
