// Maturity: the office's latest level per practice, one practice's history (each row names
// the practice version it was judged against, so a later catalogue change does not rewrite
// it), and the form that records a new assessment against the version in force.
import {
  BodyShort,
  Button,
  Detail,
  Heading,
  Radio,
  RadioGroup,
  Select,
  Table,
  Textarea,
  VStack,
} from "@navikt/ds-react";
import { useState, type FormEvent } from "react";
import { ErrorState, LoadingMessage } from "../../components/States";
import { request, type ResultOf } from "../../graphql";
import { DateField, FormErrorSummary, INVALID_DATE } from "../../hr/components";
import { todayInNorway } from "../../lib/dates";
import { usePagedConnection } from "../../hr/use-paged-connection";
import { formatDate, t } from "../../i18n";
import {
  MethodsRecordLatestMaturityQuery,
  MethodsRecordMaturityHistoryQuery,
  RecordMaturityAssessmentMutation,
} from "./documents";
import { isTypename, PagedFooter, requiredText, SavedNotice, useFormState } from "./forms";
import type { PanelProps, RecordPractice } from "./types";
import { useLoad } from "./use-load";

type HistoryPage = NonNullable<ResultOf<typeof MethodsRecordMaturityHistoryQuery>["office"]>["maturityAssessments"];

const HISTORY_PAGE = 50;

export function themeName(theme: string): string {
  return t(`record.theme.${theme}` as "record.theme.USER_INSIGHT");
}

/** The practices as <optgroup>s by theme, in catalogue order. */
export function PracticeOptions({ practices }: { practices: readonly RecordPractice[] }) {
  const themes = [...new Set(practices.map((practice) => practice.theme))];
  return (
    <>
      {themes.map((theme) => (
        <optgroup key={theme} label={themeName(theme)}>
          {practices
            .filter((practice) => practice.theme === theme)
            .map((practice) => (
              <option key={practice.id} value={practice.id}>
                {practice.name}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

export function MaturityPanel({
  office,
  canRecord,
  practices,
  practiceId,
  onPracticeChange,
}: PanelProps & { practices: RecordPractice[]; practiceId: string; onPracticeChange: (id: string) => void }) {
  const [reloads, setReloads] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const practice = practices.find((candidate) => candidate.id === practiceId) ?? practices[0];

  if (!practice) return <BodyShort>{t("record.maturity.noPractices")}</BodyShort>;

  const saved = (message: string) => {
    setNotice(message);
    setReloads((n) => n + 1);
  };

  return (
    <VStack gap="space-32">
      <LatestLevels officeId={office.id} practices={practices} reloads={reloads} onShowHistory={onPracticeChange} />

      <section aria-labelledby="maturity-practice-heading">
        <VStack gap="space-24">
          <Heading id="maturity-practice-heading" level="3" size="medium">
            {t("record.maturity.onePractice")}
          </Heading>
          <Select
            id="maturity-practice"
            label={t("record.maturity.practice")}
            description={t("record.maturity.practiceHint")}
            value={practice.id}
            onChange={(event) => {
              setNotice(null);
              onPracticeChange(event.target.value);
            }}
            style={{ maxWidth: "32rem" }}
          >
            <PracticeOptions practices={practices} />
          </Select>
          <BodyShort>{practice.description}</BodyShort>
          <SavedNotice message={notice} onClose={() => setNotice(null)} />
          {canRecord && (
            <MaturityForm key={`form-${practice.id}-${reloads}`} officeId={office.id} practice={practice} onSaved={saved} />
          )}
          <MaturityHistory key={`history-${practice.id}-${reloads}`} officeId={office.id} practice={practice} />
        </VStack>
      </section>
    </VStack>
  );
}

function LatestLevels({
  officeId,
  practices,
  reloads,
  onShowHistory,
}: {
  officeId: string;
  practices: RecordPractice[];
  reloads: number;
  onShowHistory: (practiceId: string) => void;
}) {
  const latest = useLoad(
    (signal) =>
      request(MethodsRecordLatestMaturityQuery, { id: officeId }, { signal }).then(
        (data) => data.office?.latestMaturityAssessments ?? [],
      ),
    [officeId, reloads],
  );

  const byPractice = new Map((latest.status === "ok" ? latest.data : []).map((assessment) => [assessment.practice.id, assessment]));

  return (
    <section aria-labelledby="maturity-latest-heading">
      <Heading id="maturity-latest-heading" level="3" size="medium" spacing>
        {t("record.maturity.latest")}
      </Heading>
      {latest.status === "error" ? (
        <ErrorState title={t("record.maturity.latestError")} error={latest.error} />
      ) : latest.status === "loading" ? (
        <LoadingMessage text={t("record.maturity.loading")} />
      ) : (
        <div className="samla-table-scroll">
          <Table size="small" data-testid="maturity-latest">
            <caption className="aksel-sr-only">{t("record.maturity.latest")}</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader scope="col">{t("record.maturity.col.practice")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("record.maturity.col.theme")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col" align="right">
                  {t("record.maturity.col.level")}
                </Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("record.maturity.col.date")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("record.maturity.col.history")}</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {practices.map((practice) => {
                const assessment = byPractice.get(practice.id);
                return (
                  <Table.Row key={practice.id}>
                    <Table.HeaderCell scope="row">{practice.name}</Table.HeaderCell>
                    <Table.DataCell>{themeName(practice.theme)}</Table.DataCell>
                    <Table.DataCell align="right">{assessment ? assessment.level : "–"}</Table.DataCell>
                    <Table.DataCell>
                      {assessment ? formatDate(assessment.assessedOn) : t("record.maturity.notAssessed")}
                    </Table.DataCell>
                    <Table.DataCell>
                      <Button
                        type="button"
                        size="xsmall"
                        variant="tertiary"
                        onClick={() => {
                          onShowHistory(practice.id);
                          document.getElementById("maturity-practice")?.focus();
                        }}
                        aria-label={t("record.maturity.showHistoryFor", { practice: practice.name })}
                      >
                        {t("record.maturity.showHistory")}
                      </Button>
                    </Table.DataCell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function MaturityForm({
  officeId,
  practice,
  onSaved,
}: {
  officeId: string;
  practice: RecordPractice;
  onSaved: (message: string) => void;
}) {
  const [level, setLevel] = useState<string>("");
  const [assessedOn, setAssessedOn] = useState(todayInNorway());
  const [evidence, setEvidence] = useState("");
  const form = useFormState();
  const labels = {
    "maturity-level": t("record.maturity.level"),
    "maturity-date": t("record.maturity.date"),
    "maturity-evidence": t("record.maturity.evidence"),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (level === "") found["maturity-level"] = t("record.maturity.levelRequired");
    if (!assessedOn) found["maturity-date"] = requiredText(labels["maturity-date"]);
    else if (assessedOn === INVALID_DATE) found["maturity-date"] = t("record.form.dateInvalid");
    if (!evidence.trim()) found["maturity-evidence"] = requiredText(labels["maturity-evidence"]);
    if (!form.check(found)) return;
    const result = await form.send(
      () =>
        request(RecordMaturityAssessmentMutation, {
          input: { officeId, practiceId: practice.id, level: Number(level), assessedOn, evidence },
        }).then((data) => data.recordMaturityAssessment),
      isTypename("RecordMaturityAssessmentPayload"),
      {
        level: "maturity-level",
        assessedOn: "maturity-date",
        evidence: "maturity-evidence",
        practiceId: "maturity-level",
        officeId: "maturity-date",
      },
    );
    if (result) onSaved(t("record.maturity.saved", { practice: practice.name, level }));
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="maturity-form-heading">
      <VStack gap="space-16" style={{ maxWidth: "40rem" }}>
        <Heading id="maturity-form-heading" level="4" size="small">
          {t("record.maturity.formTitle")}
        </Heading>
        <FormErrorSummary ref={form.summaryRef} errors={form.errors} fieldLabels={labels} />
        <RadioGroup
          id="maturity-level"
          legend={labels["maturity-level"]}
          description={t("record.maturity.levelHint", { version: practice.currentVersion })}
          value={level}
          onChange={(value: string) => setLevel(value)}
          error={form.errors["maturity-level"]}
        >
          {practice.levels.map((text, index) => (
            <Radio key={index} value={String(index)} description={text}>
              {t("record.maturity.levelOption", { level: index })}
            </Radio>
          ))}
        </RadioGroup>
        <DateField
          id="maturity-date"
          label={labels["maturity-date"]}
          defaultValue={assessedOn}
          onChange={setAssessedOn}
          error={form.errors["maturity-date"]}
        />
        <Textarea
          id="maturity-evidence"
          label={labels["maturity-evidence"]}
          description={t("record.maturity.evidenceHint")}
          value={evidence}
          onChange={(event) => setEvidence(event.target.value)}
          error={form.errors["maturity-evidence"]}
          maxLength={4000}
          minRows={3}
        />
        <div>
          <Button type="submit" loading={form.busy}>
            {t("record.maturity.submit")}
          </Button>
        </div>
      </VStack>
    </form>
  );
}

function MaturityHistory({ officeId, practice }: { officeId: string; practice: RecordPractice }) {
  const history = usePagedConnection<HistoryPage["edges"][number]["node"], HistoryPage>((after, signal) =>
    request(MethodsRecordMaturityHistoryQuery, { id: officeId, practiceId: practice.id, first: HISTORY_PAGE, after }, { signal }).then(
      (data) =>
        data.office?.maturityAssessments ?? { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
    ),
  );
  const headingId = "maturity-history-heading";

  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId} level="4" size="small" spacing>
        {t("record.maturity.history", { practice: practice.name })}
      </Heading>
      {history.error ? (
        <ErrorState title={t("record.maturity.historyError")} error={history.error} />
      ) : history.pages.length === 0 ? (
        <LoadingMessage text={t("record.maturity.loading")} />
      ) : history.nodes.length === 0 ? (
        <BodyShort>{t("record.maturity.historyEmpty")}</BodyShort>
      ) : (
        <VStack gap="space-12" align="start">
          <div className="samla-table-scroll" style={{ width: "100%" }}>
            <Table size="small" data-testid="maturity-history">
              <caption className="aksel-sr-only">{t("record.maturity.history", { practice: practice.name })}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeader scope="col">{t("record.maturity.col.date")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("record.maturity.col.level")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("record.maturity.col.evidence")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("record.maturity.col.version")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("record.col.author")}</Table.ColumnHeader>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {history.nodes.map((assessment) => (
                  <Table.Row key={assessment.id}>
                    <Table.HeaderCell scope="row">{formatDate(assessment.assessedOn)}</Table.HeaderCell>
                    <Table.DataCell>
                      <BodyShort size="small" weight="semibold">
                        {t("record.maturity.levelOption", { level: assessment.level })}
                      </BodyShort>
                      <Detail textColor="subtle">{assessment.levelText}</Detail>
                    </Table.DataCell>
                    <Table.DataCell style={{ maxWidth: "32rem" }}>{assessment.evidence}</Table.DataCell>
                    <Table.DataCell>
                      {t("record.maturity.versionName", {
                        name: assessment.practiceVersion.name,
                        number: assessment.practiceVersion.number,
                      })}
                    </Table.DataCell>
                    <Table.DataCell>{assessment.authorName}</Table.DataCell>
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
  );
}
