// The office leader's form: a stage and an optional note per practice, the month's KPI
// values and the three texts. It saves itself a moment after each change (with the version
// it saw); a save that fails keeps everything typed, and a conflict fetches the latest
// version with the user's changes put back on top. "Send inn rapporten" saves first, then
// submits; missing stages are shown at their fields.
import { Alert, BodyShort, Button, Fieldset, Heading, HStack, Select, Textarea, TextField, VStack } from "@navikt/ds-react";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { describeError } from "../../components/States";
import { request } from "../../graphql";
import { errorsFromResult, FormErrorSummary, useFocusOnErrors, type FormErrors } from "../../hr/components";
import { formatTime, t } from "../../i18n";
import { decimalForInput } from "../../methods/record/format";
import { SaveProgressReportMutation, SubmitProgressReportMutation } from "./documents";
import {
  ADOPTION_STAGES,
  changeDraft,
  draftFromReport,
  mergeUnsaved,
  practicesWithoutStage,
  saveValues,
  stageName,
  type DraftField,
  type ReportDraft,
} from "./model";
import type { Report, ReportKpi, ReportPractice } from "./types";
import { useAutosave, type AutosaveState, type SaveOutcome } from "./use-autosave";

/** The pause after the last keystroke before saving. */
const AUTOSAVE_DELAY_MS = 1500;
const TEXT_MAX = 4000;

export function ReportForm({
  report,
  practices,
  kpis,
  onSaved,
  onSubmitted,
  fetchLatest,
}: {
  report: Report;
  practices: readonly ReportPractice[];
  kpis: readonly ReportKpi[];
  /** The report as the API has it after a save (the page keeps it for its other parts). */
  onSaved: (report: Report) => void;
  onSubmitted: (report: Report) => void;
  /** Reads the report again (after a conflict). */
  fetchLatest: () => Promise<Report | null>;
}) {
  const practiceIds = useMemo(() => practices.map((practice) => practice.id), [practices]);
  const kpiIds = useMemo(() => kpis.map((kpi) => kpi.id), [kpis]);
  const [draft, setDraft] = useState<ReportDraft>(() => draftFromReport(report, practiceIds, decimalForInput));
  const draftRef = useRef(draft);
  const version = useRef(report.version);
  // Fields changed since the last save, with the change count when each last changed.
  const unsaved = useRef(new Map<DraftField, number>());
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const summaryRef = useFocusOnErrors(errors, attempt);

  const stageFieldId = (index: number) => `report-stage-${index}`;
  const kpiFieldId = (index: number) => `report-kpi-${index}`;
  const labels: Record<string, string> = {
    "report-stages": t("reports.form.stages"),
    "report-learning": t("reports.form.learning"),
    "report-obstacles": t("reports.form.obstacles"),
    "report-help": t("reports.form.helpNeeded"),
    ...Object.fromEntries(practices.map((practice, index) => [stageFieldId(index), practice.name])),
    ...Object.fromEntries(kpis.map((kpi, index) => [kpiFieldId(index), kpi.name])),
  };
  const fieldForPath: Record<string, string> = {
    stages: "report-stages",
    kpiValues: "general",
    learning: "report-learning",
    obstacles: "report-obstacles",
    helpNeeded: "report-help",
  };

  /** Errors of KPI texts that are not numbers (kept in the field, left out of saves). */
  const kpiErrors = (current: ReportDraft): FormErrors => {
    const { invalidKpiIds } = saveValues(current, practiceIds, kpiIds);
    return Object.fromEntries(
      invalidKpiIds.map((id) => [kpiFieldId(kpiIds.indexOf(id)), t("reports.form.numberInvalid")]),
    );
  };

  const save = async (covering: number): Promise<SaveOutcome> => {
    const { values } = saveValues(draftRef.current, practiceIds, kpiIds);
    try {
      const data = await request(SaveProgressReportMutation, {
        input: { id: report.id, version: version.current, ...values },
      });
      const result = data.saveProgressReport;
      if (result.__typename === "SaveProgressReportPayload") {
        version.current = result.progressReport.version;
        for (const [field, changedAt] of unsaved.current) if (changedAt <= covering) unsaved.current.delete(field);
        onSaved(result.progressReport);
        return { kind: "saved" };
      }
      if (result.__typename === "ConflictError") return { kind: "conflict" };
      if (result.__typename === "InvalidStatusTransitionError") {
        return { kind: "closed", message: result.message ?? t("reports.save.closed") };
      }
      const found = errorsFromResult(result, fieldForPath);
      setErrors((current) => ({ ...current, ...found }));
      return { kind: "error", message: result.message ?? t("error.api.generic") };
    } catch (error) {
      return { kind: "error", message: describeError(error) };
    }
  };
  const autosave = useAutosave(save, AUTOSAVE_DELAY_MS);

  const change = (field: DraftField, value: string) => {
    const next = changeDraft(draftRef.current, field, value);
    draftRef.current = next;
    setDraft(next);
    unsaved.current.set(field, autosave.changeCount() + 1);
    autosave.changed();
    // A corrected field loses its error at once; new KPI errors show as they are typed.
    setErrors((current) => {
      const rest = Object.fromEntries(
        Object.entries(current).filter(([key]) => !key.startsWith("report-kpi-") && key !== fieldIdOf(field)),
      );
      return { ...rest, ...kpiErrors(next) };
    });
  };

  const fieldIdOf = (field: DraftField): string => {
    if (field.startsWith("stage:")) return stageFieldId(practiceIds.indexOf(field.slice(6)));
    if (field === "learning") return "report-learning";
    if (field === "obstacles") return "report-obstacles";
    if (field === "helpNeeded") return "report-help";
    return "";
  };

  const reloadLatest = async () => {
    const latest = await fetchLatest();
    if (!latest) return;
    const merged = mergeUnsaved(draftFromReport(latest, practiceIds, decimalForInput), draftRef.current, new Set(unsaved.current.keys()));
    draftRef.current = merged;
    setDraft(merged);
    version.current = latest.version;
    onSaved(latest);
    autosave.resume();
    if (latest.viewerCanEdit && unsaved.current.size > 0) await autosave.flush({ force: true });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = { ...kpiErrors(draftRef.current) };
    for (const practiceId of practicesWithoutStage(draftRef.current, practiceIds)) {
      const index = practiceIds.indexOf(practiceId);
      found[stageFieldId(index)] = t("reports.form.stageMissing", { practice: practices[index]!.name });
    }
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setSubmitting(true);
    try {
      // Save first, so what is submitted is exactly what is on the screen.
      if (!(await autosave.flush({ force: true }))) return;
      const data = await request(SubmitProgressReportMutation, { input: { id: report.id, version: version.current } });
      const result = data.submitProgressReport;
      if (result.__typename === "SubmitProgressReportPayload") {
        onSubmitted(result.progressReport);
        return;
      }
      setErrors(errorsFromResult(result, fieldForPath));
      setAttempt((n) => n + 1);
    } catch (error) {
      setErrors({ general: describeError(error) });
      setAttempt((n) => n + 1);
    } finally {
      setSubmitting(false);
    }
  };

  const closed = autosave.state.kind === "closed";
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="report-form-heading">
      <VStack gap="space-32">
        <Heading id="report-form-heading" level="2" size="medium" className="aksel-sr-only">
          {t("reports.report.title")}
        </Heading>
        <FormErrorSummary ref={summaryRef} errors={errors} fieldLabels={labels} />

        <Fieldset
          id="report-stages"
          legend={t("reports.form.stages")}
          description={t("reports.form.stagesHint")}
          error={errors["report-stages"]}
          tabIndex={-1}
        >
          <VStack gap="space-20">
            {practices.map((practice, index) => {
              const entry = draft.stages[practice.id] ?? { stage: "", note: "" };
              return (
                <div
                  key={practice.id}
                  style={{
                    display: "grid",
                    gridTemplateColumns: "repeat(auto-fit, minmax(14rem, 24rem))",
                    columnGap: "var(--ax-space-16)",
                    rowGap: "var(--ax-space-8)",
                    alignItems: "end",
                  }}
                >
                  <Select
                    id={stageFieldId(index)}
                    label={practice.name}
                    value={entry.stage}
                    onChange={(event) => change(`stage:${practice.id}`, event.target.value)}
                    error={errors[stageFieldId(index)]}
                    disabled={closed}
                  >
                    {!entry.stage && <option value="">{t("reports.form.chooseStage")}</option>}
                    {ADOPTION_STAGES.map((stage) => (
                      <option key={stage} value={stage}>
                        {stageName(stage)}
                      </option>
                    ))}
                  </Select>
                  <TextField
                    // Shown as "Merknad (valgfri)"; screen readers hear which practice it is about.
                    label={
                      <>
                        {t("reports.form.noteShort")}
                        <span className="aksel-sr-only"> {t("reports.form.noteAbout", { practice: practice.name })}</span>{" "}
                        {t("reports.form.optional")}
                      </>
                    }
                    value={entry.note}
                    onChange={(event) => change(`note:${practice.id}`, event.target.value)}
                    maxLength={TEXT_MAX}
                    disabled={closed}
                  />
                </div>
              );
            })}
          </VStack>
        </Fieldset>

        {kpis.length > 0 && (
          <Fieldset legend={t("reports.form.kpis")} description={t("reports.form.kpisHint")}>
            <HStack gap="space-24" wrap>
              {kpis.map((kpi, index) => (
                <div key={kpi.id} style={{ flex: "0 1 14rem" }}>
                  <TextField
                    id={kpiFieldId(index)}
                    label={kpi.name}
                    description={kpi.unit.trim() ? t("reports.form.unit", { unit: kpi.unit }) : undefined}
                    inputMode="decimal"
                    value={draft.kpiTexts[kpi.id] ?? ""}
                    onChange={(event) => change(`kpi:${kpi.id}`, event.target.value)}
                    error={errors[kpiFieldId(index)]}
                    disabled={closed}
                  />
                </div>
              ))}
            </HStack>
          </Fieldset>
        )}

        <Fieldset legend={t("reports.form.texts")} hideLegend>
          <VStack gap="space-20" style={{ maxWidth: "48rem" }}>
            <Textarea
              id="report-learning"
              label={t("reports.form.learning")}
              value={draft.learning}
              onChange={(event) => change("learning", event.target.value)}
              maxLength={TEXT_MAX}
              minRows={3}
              error={errors["report-learning"]}
              disabled={closed}
            />
            <Textarea
              id="report-obstacles"
              label={t("reports.form.obstacles")}
              description={t("reports.form.obstaclesHint")}
              value={draft.obstacles}
              onChange={(event) => change("obstacles", event.target.value)}
              maxLength={TEXT_MAX}
              minRows={3}
              error={errors["report-obstacles"]}
              disabled={closed}
            />
            <Textarea
              id="report-help"
              label={t("reports.form.helpNeeded")}
              value={draft.helpNeeded}
              onChange={(event) => change("helpNeeded", event.target.value)}
              maxLength={TEXT_MAX}
              minRows={3}
              error={errors["report-help"]}
              disabled={closed}
            />
          </VStack>
        </Fieldset>

        <SaveStatus state={autosave.state} onRetry={() => void autosave.flush()} onReload={reloadLatest} />

        <VStack gap="space-12" align="start">
          <BodyShort style={{ maxWidth: "48rem" }}>{t("reports.form.submitHint")}</BodyShort>
          <Button type="submit" loading={submitting} disabled={closed}>
            {t("reports.form.submit")}
          </Button>
        </VStack>
      </VStack>
    </form>
  );
}

/** Where the autosave stands: a status line, or what to do when it failed. */
function SaveStatus({
  state,
  onRetry,
  onReload,
}: {
  state: AutosaveState;
  onRetry: () => void;
  onReload: () => Promise<void>;
}) {
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  if (state.kind === "conflict") {
    return (
      <Alert variant="warning" role="alert" data-testid="report-save-status">
        <Heading level="3" size="xsmall" spacing>
          {t("reports.save.conflict.title")}
        </Heading>
        <BodyShort spacing>{t("reports.save.conflict.body")}</BodyShort>
        {reloadError !== null && <BodyShort spacing>{describeError(reloadError)}</BodyShort>}
        <Button
          type="button"
          size="small"
          variant="secondary"
          loading={reloading}
          onClick={() => {
            setReloading(true);
            setReloadError(null);
            onReload()
              .catch((error: unknown) => setReloadError(error))
              .finally(() => setReloading(false));
          }}
        >
          {t("reports.save.conflict.reload")}
        </Button>
      </Alert>
    );
  }
  if (state.kind === "error") {
    return (
      <Alert variant="error" role="alert" data-testid="report-save-status">
        <BodyShort spacing>
          {t("reports.save.error")} {state.message}
        </BodyShort>
        <Button type="button" size="small" variant="secondary" onClick={onRetry}>
          {t("reports.save.retry")}
        </Button>
      </Alert>
    );
  }
  if (state.kind === "closed") {
    return (
      <Alert variant="warning" role="alert" data-testid="report-save-status">
        {state.message || t("reports.save.closed")}
      </Alert>
    );
  }
  const text =
    state.kind === "saving"
      ? t("reports.save.saving")
      : state.kind === "saved"
        ? t("reports.save.saved", { time: formatTime(state.at) })
        : state.kind === "pending"
          ? t("reports.save.unsaved")
          : "";
  return (
    <BodyShort role="status" data-testid="report-save-status" style={{ minHeight: "1.5em" }}>
      {text}
    </BodyShort>
  );
}
