// /innforing/rapporter/:id: one office's progress report for one month. The office's leader
// fills it in (autosaved) and submits it; the directorate acknowledges it or asks for
// changes; everyone who may read it sees its comments and every submission as it was
// sent. Whoever may not read it gets a page saying so (the API refuses it with FORBIDDEN).
import { ArrowLeftIcon } from "@navikt/aksel-icons";
import { Alert, BodyLong, BodyShort, Heading, HStack, Link, Skeleton, VStack } from "@navikt/ds-react";
import {
  Await,
  Link as RemixLink,
  useAsyncError,
  type ClientLoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/react";
import { Suspense, useEffect, useMemo, useState } from "react";
import { ProgressReportEarlierQuery, ProgressReportPageQuery } from "../adoption/reports/documents";
import { daysBetween, isDone, previousMonth, reportMonth } from "../adoption/reports/model";
import { ReportForm } from "../adoption/reports/ReportForm";
import { ReportComments, ReportContent, ReportStatusTag, SubmissionHistory } from "../adoption/reports/ReportParts";
import { ReviewBox } from "../adoption/reports/ReviewBox";
import type { Report, ReportKpi, ReportPractice } from "../adoption/reports/types";
import { AdoptionSubNav } from "../adoption/navigation";
import { useAuth } from "../auth";
import { ErrorState, LoadingMessage } from "../components/States";
import { ApiError, isApiError, request } from "../graphql";
import { formatDate, t } from "../i18n";
import { todayInNorway } from "../lib/dates";
import { formatDateTime } from "../scenarios/editor/format";
import { useClientLoaderData } from "../routing";

interface PageData {
  report: Report;
  practices: ReportPractice[];
  kpis: ReportKpi[];
}

async function fetchPage(id: string, signal?: AbortSignal): Promise<PageData> {
  const data = await request(ProgressReportPageQuery, { id }, { signal });
  if (!data.progressReport) throw new ApiError(`Progress report ${id} not found`, "result", { typename: "NotFoundError" });
  return {
    report: data.progressReport,
    // In the catalogues' own order (practices by theme, then order), as elsewhere in Samla.
    practices: data.practices,
    kpis: data.kpis,
  };
}

export const meta: MetaFunction = () => [{ title: `${t("reports.report.title")} – ${t("app.name")}` }];

export function clientLoader({ params, request: routeRequest }: ClientLoaderFunctionArgs) {
  const page = fetchPage(params.id ?? "", routeRequest.signal);
  page.catch(() => undefined); // shown by <Await>
  return { page, id: params.id ?? "" };
}

export default function ProgressReportRoute() {
  const { page, id } = useClientLoaderData<typeof clientLoader>();
  const { user } = useAuth();
  return (
    <VStack gap="space-24">
      <AdoptionSubNav roles={user.roles} />
      <div>
        <Link as={RemixLink} to="/innforing/rapporter">
          <ArrowLeftIcon aria-hidden />
          {t("reports.report.back")}
        </Link>
      </div>
      <Suspense fallback={<PageSkeleton />}>
        <Await resolve={page} errorElement={<PageError />}>
          {(loaded) => <ReportScreen key={id} data={loaded} />}
        </Await>
      </Suspense>
    </VStack>
  );
}

function PageSkeleton() {
  return (
    <VStack gap="space-24">
      <LoadingMessage text={t("reports.report.loading")} />
      <Skeleton variant="text" width="28rem" height="3rem" aria-hidden />
      <Skeleton variant="rectangle" height="16rem" aria-hidden />
    </VStack>
  );
}

function PageError() {
  const error = useAsyncError();
  if (isApiError(error) && error.kind === "forbidden") {
    return (
      <VStack gap="space-16" align="start" data-testid="report-forbidden">
        <Heading level="1" size="xlarge">
          {t("reports.report.forbidden.title")}
        </Heading>
        <BodyLong style={{ maxWidth: "48rem" }}>{t("reports.report.forbidden.body")}</BodyLong>
      </VStack>
    );
  }
  if (isApiError(error) && error.details.typename === "NotFoundError") {
    return (
      <VStack gap="space-16" align="start" data-testid="report-not-found">
        <Heading level="1" size="xlarge">
          {t("reports.report.notFound.title")}
        </Heading>
        <BodyLong>{t("reports.report.notFound.body")}</BodyLong>
      </VStack>
    );
  }
  return <ErrorState title={t("reports.report.error")} error={error} headingLevel="1" />;
}

function ReportScreen({ data }: { data: PageData }) {
  const [report, setReport] = useState(data.report);
  const [notice, setNotice] = useState<string | null>(null);
  const [prefilledFrom, setPrefilledFrom] = useState<string | null>(null);
  const month = reportMonth(report.period);
  const today = todayInNorway();
  const overdueDays = isDone(report.status) ? 0 : daysBetween(report.dueDate, today);
  // Submissions name practices and KPIs by code: today's names and units, by code and by id.
  const practiceNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const practice of [...report.stages.map((entry) => entry.practice), ...data.practices]) {
      names.set(practice.code, practice.name);
      names.set(practice.id, practice.name);
    }
    return names;
  }, [data.practices, report.stages]);
  const kpiInfo = useMemo(() => {
    const info = new Map<string, { name: string; unit: string }>();
    for (const kpi of data.kpis) {
      info.set(kpi.code, { name: kpi.name, unit: kpi.unit });
      info.set(kpi.id, { name: kpi.name, unit: kpi.unit });
    }
    return info;
  }, [data.kpis]);
  const latestChangeRequest = [...report.comments].reverse().find((comment) => comment.kind === "CHANGES_REQUESTED");

  useEffect(() => {
    document.title = `${t("reports.report.heading", { office: report.office.name, month })} – ${t("app.name")}`;
  }, [report.office.name, month]);

  // A new draft is prefilled from the office's latest earlier report: say which one, so the
  // leader knows the stages and numbers are last month's until they change them.
  const isFreshDraft = data.report.status === "DRAFT" && data.report.submissions.length === 0 && data.report.viewerCanEdit;
  useEffect(() => {
    if (!isFreshDraft) return;
    const controller = new AbortController();
    request(
      ProgressReportEarlierQuery,
      { officeId: data.report.office.id, periodTo: previousMonth(data.report.period) },
      { signal: controller.signal },
    )
      .then((earlier) => setPrefilledFrom(earlier.progressReports.edges[0]?.node.period ?? null))
      .catch(() => setPrefilledFrom(null));
    return () => controller.abort();
  }, [isFreshDraft, data.report.office.id, data.report.period]);

  const fetchLatest = async (): Promise<Report | null> => {
    const latest = await fetchPage(report.id);
    setReport(latest.report);
    return latest.report;
  };

  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <HStack gap="space-16" align="center" wrap>
          <Heading level="1" size="xlarge">
            {t("reports.report.heading", { office: report.office.name, month })}
          </Heading>
          <ReportStatusTag status={report.status} size="medium" testId="report-status" />
        </HStack>
        <BodyShort data-testid="report-due">{t("reports.report.dueOn", { date: formatDate(report.dueDate) })}</BodyShort>
        <BodyShort size="small">
          {t("reports.report.createdBy", { name: report.createdByName, when: formatDateTime(report.createdAt) })}
        </BodyShort>
        {report.submittedAt && report.submittedByName && (
          <BodyShort size="small">
            {t("reports.report.submittedBy", { name: report.submittedByName, when: formatDateTime(report.submittedAt) })}
          </BodyShort>
        )}
        {report.status === "ACKNOWLEDGED" && report.acknowledgedAt && report.acknowledgedByName && (
          <BodyShort size="small">
            {t("reports.report.acknowledgedBy", { name: report.acknowledgedByName, when: formatDateTime(report.acknowledgedAt) })}
          </BodyShort>
        )}
      </VStack>

      {notice && (
        <Alert variant="success" role="status" closeButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {overdueDays > 0 && (
        <Alert variant="warning" data-testid="report-overdue">
          {overdueDays === 1
            ? t("reports.report.overdueOneDay", { date: formatDate(report.dueDate) })
            : t("reports.report.overdue", { date: formatDate(report.dueDate), days: overdueDays })}
        </Alert>
      )}
      {report.status === "CHANGES_REQUESTED" && latestChangeRequest && (
        <Alert variant="warning" data-testid="report-changes-requested">
          <Heading level="2" size="small" spacing>
            {t("reports.report.changesRequested")}
          </Heading>
          <BodyLong spacing style={{ whiteSpace: "pre-wrap" }}>
            {latestChangeRequest.body}
          </BodyLong>
          <BodyShort size="small">
            {t("reports.comments.by", { name: latestChangeRequest.authorName, when: formatDateTime(latestChangeRequest.createdAt) })}
            {report.viewerCanEdit ? ` ${t("reports.report.changesRequestedHint")}` : ""}
          </BodyShort>
        </Alert>
      )}

      {report.viewerCanEdit ? (
        <VStack gap="space-16">
          {prefilledFrom && report.status === "DRAFT" && (
            <Alert variant="info" size="small" data-testid="report-prefilled">
              <BodyShort weight="semibold">{t("reports.report.prefilled", { month: reportMonth(prefilledFrom) })}</BodyShort>
              <BodyShort>{t("reports.report.prefilledHint")}</BodyShort>
            </Alert>
          )}
          <ReportForm
            report={report}
            practices={data.practices}
            kpis={data.kpis}
            onSaved={setReport}
            onSubmitted={(submitted) => {
              setReport(submitted);
              setNotice(t("reports.form.submitted"));
              window.scrollTo({ top: 0 });
            }}
            fetchLatest={fetchLatest}
          />
        </VStack>
      ) : (
        <VStack gap="space-16">
          <BodyShort data-testid="report-read-only">
            {isDone(report.status) ? t("reports.report.readOnly") : t("reports.report.viewOnly")}
          </BodyShort>
          <div data-testid="report-content">
            <ReportContent report={report} />
          </div>
        </VStack>
      )}

      {report.viewerCanReview && (
        <ReviewBox
          report={report}
          onDone={(reviewed, message) => {
            setReport(reviewed);
            setNotice(message);
          }}
        />
      )}

      <ReportComments comments={report.comments} />
      <SubmissionHistory submissions={report.submissions} practiceNames={practiceNames} kpis={kpiInfo} />
    </VStack>
  );
}
