// The edits of the rollout plan, each one form in the plan's dialog: a new wave, a wave's
// name and dates, offices added to a wave, an office moved to another wave (with a reason;
// the old row is kept as history) and an office's dates per practice. Each form sends the
// version the user saw, shows the API's typed errors at their fields, and on a conflict
// keeps what was typed and offers the latest version.
import { Alert, BodyLong, BodyShort, Button, Checkbox, Heading, HStack, Select, Textarea, TextField, UNSAFE_Combobox, VStack } from "@navikt/ds-react";
import { createContext, useContext, useState, type FormEvent, type ReactNode } from "react";
import { LoadingMessage } from "../../components/States";
import { request, type ResultOf } from "../../graphql";
import { DateField, errorsFromResult, FormErrorSummary, INVALID_DATE, type FormErrors } from "../../hr/components";
import { formatDate, t } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";
import { useLoad, type Loaded } from "../../methods/record/use-load";
import { todayInNorway } from "../../lib/dates";
import { ChoiceSelect, FormButtons } from "../../scenarios/editor/fields";
import { useFormSubmission } from "../../scenarios/editor/form-submission";
import { isConflict, outcomeOf, type MutationErrorResult } from "../../scenarios/editor/model";
import {
  AddOfficesToWaveMutation,
  CreateRolloutWaveMutation,
  MoveOfficeToWaveMutation,
  OfficesWithoutRolloutQuery,
  RolloutMovePreviewQuery,
  UpdateOfficeRolloutMutation,
  UpdateRolloutWaveMutation,
} from "./documents";
import { historyEntries } from "./history";
import type { PlanRollout, PlanWave } from "./types";

export interface PlanFormContextValue {
  /** Closes the dialog, announces `message` and fetches the plan again. */
  finish: (message: string) => void;
  close: () => void;
  /** Fetches the plan again (to see another user's change). */
  reload: () => Promise<void>;
}

const PlanFormContext = createContext<PlanFormContextValue | null>(null);
export const PlanFormProvider = PlanFormContext.Provider;

function usePlanForm(): PlanFormContextValue {
  const value = useContext(PlanFormContext);
  if (!value) throw new Error("usePlanForm() must be used inside <PlanFormProvider>");
  return value;
}

// ---- the form frame -----------------------------------------------------------------------

/** Someone else saved first: what changed, and the way to the latest version. */
export function PlanConflictAlert({ error, onReload }: { error: MutationErrorResult; onReload: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Alert variant="warning" role="alert" data-testid="plan-conflict">
      <Heading level="3" size="xsmall" spacing>
        {t("adoption.plan.conflict.title")}
      </Heading>
      {error.message && <BodyShort spacing>{error.message}</BodyShort>}
      <BodyShort spacing size="small">
        {t("adoption.plan.conflict.keep")}
      </BodyShort>
      <Button
        type="button"
        size="small"
        variant="secondary"
        loading={busy}
        onClick={() => {
          setBusy(true);
          void onReload().finally(() => setBusy(false));
        }}
      >
        {t("adoption.plan.conflict.reload")}
      </Button>
    </Alert>
  );
}

function PlanForm({
  submitText,
  doneMessage,
  intro,
  fieldLabels,
  fieldForPath,
  validate,
  send,
  children,
}: {
  submitText: string;
  doneMessage: () => string;
  intro?: ReactNode;
  fieldLabels: Record<string, string>;
  /** API field paths (e.g. `name`, `officeIds.0`) to the ids of the fields they are about. */
  fieldForPath: Record<string, string>;
  validate: () => FormErrors;
  send: () => Promise<{ __typename?: string }>;
  children: (errors: FormErrors) => ReactNode;
}) {
  const form = usePlanForm();
  const { errors, busy, summaryRef, submit } = useFormSubmission();
  const [conflict, setConflict] = useState<MutationErrorResult | null>(null);
  const [reloaded, setReloaded] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(null);
    void submit(validate(), async () => {
      const result = await send();
      const outcome = outcomeOf(result);
      if (outcome.ok) return form.finish(doneMessage());
      // A stale version is nobody's typing error: it gets its own alert with the way forward.
      // A conflict without a version (a wave name already taken) belongs at the name field.
      if (isConflict(outcome.error)) {
        if (currentVersionOf(result) !== null) return setConflict(outcome.error);
        if (fieldForPath.name) return { [fieldForPath.name]: outcome.error.message ?? t("error.api.generic") };
        return setConflict(outcome.error);
      }
      return errorsFromResult(outcome.error, fieldForPath);
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <VStack gap="space-16">
        {intro}
        <FormErrorSummary ref={summaryRef} errors={errors} fieldLabels={fieldLabels} />
        {conflict && (
          <PlanConflictAlert
            error={conflict}
            onReload={async () => {
              await form.reload();
              setConflict(null);
              setReloaded(true);
            }}
          />
        )}
        {reloaded && !conflict && (
          <Alert variant="info" size="small" role="status">
            {t("adoption.plan.conflict.reloaded")}
          </Alert>
        )}
        {children(errors)}
        <FormButtons submitText={submitText} busy={busy} onCancel={form.close} />
      </VStack>
    </form>
  );
}

/** The version now stored, when the result is a stale-version ConflictError. */
function currentVersionOf(result: { __typename?: string }): number | null {
  return "currentVersion" in result && typeof result.currentVersion === "number" ? result.currentVersion : null;
}

// ---- shared field checks ----------------------------------------------------------------

function requireText(errors: FormErrors, id: string, value: string, label: string) {
  if (!value.trim()) errors[id] = t("adoption.plan.form.required", { field: label.toLowerCase() });
}

/** Both dates given (unless optional), valid, and the target after the start. */
function checkDates(
  errors: FormErrors,
  ids: { start: string; target: string },
  values: { start: string; target: string },
  optional = false,
) {
  for (const [key, value] of [
    ["start", values.start],
    ["target", values.target],
  ] as const) {
    if (value === INVALID_DATE) errors[ids[key]] = t("adoption.plan.form.dateInvalid");
    else if (!value && !optional) errors[ids[key]] = t("adoption.plan.form.dateRequired");
  }
  const bothValid = values.start && values.target && values.start !== INVALID_DATE && values.target !== INVALID_DATE;
  if (bothValid && values.target <= values.start) errors[ids.target] = t("adoption.plan.form.targetAfterStart");
}

const usable = (value: string) => (value && value !== INVALID_DATE ? value : undefined);

function DatePair({
  idPrefix,
  start,
  target,
  onStart,
  onTarget,
  errors,
  optionalDescription,
  labels = { start: t("adoption.plan.form.start"), target: t("adoption.plan.form.target") },
}: {
  idPrefix: string;
  start: string;
  target: string;
  onStart: (value: string) => void;
  onTarget: (value: string) => void;
  errors: FormErrors;
  /** Shown under optional fields (e.g. "Tomt = bølgens dato"). */
  optionalDescription?: string;
  /** The fields' labels, when "Planlagt start" and "Mål" alone would be ambiguous. */
  labels?: { start: string; target: string };
}) {
  const description = optionalDescription ? `${t("adoption.plan.form.dateHint")}. ${optionalDescription}` : undefined;
  return (
    <HStack gap="space-16" align="start" wrap>
      <DateField
        id={`${idPrefix}start`}
        label={labels.start}
        {...(description ? { description } : {})}
        {...(start && start !== INVALID_DATE ? { defaultValue: start } : {})}
        onChange={onStart}
        error={errors[`${idPrefix}start`]}
      />
      <DateField
        id={`${idPrefix}target`}
        label={labels.target}
        {...(description ? { description } : {})}
        {...(target && target !== INVALID_DATE ? { defaultValue: target } : {})}
        onChange={onTarget}
        error={errors[`${idPrefix}target`]}
      />
    </HStack>
  );
}

// ---- waves ----------------------------------------------------------------------------------

export function CreateWaveForm() {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [start, setStart] = useState("");
  const [target, setTarget] = useState("");
  const [isPilot, setIsPilot] = useState(false);
  const labels = {
    "wave-name": t("adoption.plan.wave.name"),
    "wave-description": t("adoption.plan.wave.description"),
    "wave-start": t("adoption.plan.form.start"),
    "wave-target": t("adoption.plan.form.target"),
    "wave-pilot": t("adoption.plan.wave.isPilot"),
  };
  return (
    <PlanForm
      submitText={t("adoption.plan.createWave.submit")}
      doneMessage={() => t("adoption.plan.createWave.done", { name: name.trim() })}
      fieldLabels={labels}
      fieldForPath={{ name: "wave-name", description: "wave-description", plannedStart: "wave-start", targetDate: "wave-target", isPilot: "wave-pilot" }}
      validate={() => {
        const errors: FormErrors = {};
        requireText(errors, "wave-name", name, labels["wave-name"]);
        checkDates(errors, { start: "wave-start", target: "wave-target" }, { start, target });
        return errors;
      }}
      send={() =>
        request(CreateRolloutWaveMutation, {
          input: {
            name: name.trim(),
            description: description.trim() || null,
            plannedStart: start,
            targetDate: target,
            isPilot,
          },
        }).then((data) => data.createRolloutWave)
      }
    >
      {(errors) => (
        <>
          <WaveFields name={name} description={description} onName={setName} onDescription={setDescription} errors={errors} />
          <DatePair idPrefix="wave-" start={start} target={target} onStart={setStart} onTarget={setTarget} errors={errors} />
          <Checkbox id="wave-pilot" checked={isPilot} onChange={(event) => setIsPilot(event.target.checked)} error={Boolean(errors["wave-pilot"])}>
            {labels["wave-pilot"]}
          </Checkbox>
        </>
      )}
    </PlanForm>
  );
}

function WaveFields({
  name,
  description,
  onName,
  onDescription,
  errors,
}: {
  name: string;
  description: string;
  onName: (value: string) => void;
  onDescription: (value: string) => void;
  errors: FormErrors;
}) {
  return (
    <>
      <TextField
        id="wave-name"
        label={t("adoption.plan.wave.name")}
        value={name}
        onChange={(event) => onName(event.target.value)}
        error={errors["wave-name"]}
        autoComplete="off"
      />
      <Textarea
        id="wave-description"
        label={t("adoption.plan.wave.description")}
        description={t("adoption.plan.form.optional")}
        value={description}
        onChange={(event) => onDescription(event.target.value)}
        error={errors["wave-description"]}
        minRows={2}
      />
    </>
  );
}

export function UpdateWaveForm({ wave }: { wave: PlanWave }) {
  const [name, setName] = useState(wave.name);
  const [description, setDescription] = useState(wave.description ?? "");
  const [start, setStart] = useState(wave.plannedStart);
  const [target, setTarget] = useState(wave.targetDate);
  const labels = {
    "wave-name": t("adoption.plan.wave.name"),
    "wave-description": t("adoption.plan.wave.description"),
    "wave-start": t("adoption.plan.form.start"),
    "wave-target": t("adoption.plan.form.target"),
  };
  return (
    <PlanForm
      submitText={t("adoption.plan.updateWave.submit")}
      doneMessage={() => t("adoption.plan.updateWave.done", { name: name.trim() })}
      intro={<BodyLong size="small">{t("adoption.plan.updateWave.intro")}</BodyLong>}
      fieldLabels={labels}
      fieldForPath={{ name: "wave-name", description: "wave-description", plannedStart: "wave-start", targetDate: "wave-target" }}
      validate={() => {
        const errors: FormErrors = {};
        requireText(errors, "wave-name", name, labels["wave-name"]);
        checkDates(errors, { start: "wave-start", target: "wave-target" }, { start, target });
        return errors;
      }}
      send={() =>
        request(UpdateRolloutWaveMutation, {
          input: {
            id: wave.id,
            version: wave.version,
            name: name.trim(),
            description: description.trim() || null,
            plannedStart: start,
            targetDate: target,
          },
        }).then((data) => data.updateRolloutWave)
      }
    >
      {(errors) => (
        <>
          <WaveFields name={name} description={description} onName={setName} onDescription={setDescription} errors={errors} />
          <DatePair idPrefix="wave-" start={start} target={target} onStart={setStart} onTarget={setTarget} errors={errors} />
        </>
      )}
    </PlanForm>
  );
}

// ---- offices --------------------------------------------------------------------------------

export function AddOfficesForm({ wave }: { wave: PlanWave }) {
  const offices = useLoad((signal) => request(OfficesWithoutRolloutQuery, {}, { signal }).then((data) => data.officesWithoutRollout), []);
  const [chosen, setChosen] = useState<string[]>([]);
  const [start, setStart] = useState("");
  const [target, setTarget] = useState("");
  const labels = {
    "add-offices": t("adoption.plan.addOffices.offices"),
    "add-start": t("adoption.plan.form.start"),
    "add-target": t("adoption.plan.form.target"),
  };
  if (offices.status === "loading") return <LoadingMessage text={t("adoption.plan.addOffices.loading")} />;
  if (offices.status === "error") return <Alert variant="error">{t("adoption.plan.addOffices.loadFailed")}</Alert>;
  const available = offices.data;
  const label = (office: { name: string; code: string }) => `${office.name} (${office.code})`;
  const options = available.map((office) => ({ value: office.id, label: label(office) }));
  const names = () =>
    chosen
      .map((id) => available.find((office) => office.id === id)?.name ?? "")
      .filter(Boolean)
      .join(", ");
  if (available.length === 0) {
    return (
      <VStack gap="space-16">
        <BodyLong>{t("adoption.plan.addOffices.none")}</BodyLong>
        <HStack>
          <CloseButton />
        </HStack>
      </VStack>
    );
  }
  return (
    <PlanForm
      submitText={t("adoption.plan.addOffices.submit")}
      doneMessage={() => t("adoption.plan.addOffices.done", { offices: names(), wave: wave.name })}
      intro={<BodyLong size="small">{t("adoption.plan.addOffices.intro", { start: formatDate(wave.plannedStart), target: formatDate(wave.targetDate) })}</BodyLong>}
      fieldLabels={labels}
      fieldForPath={{ officeIds: "add-offices", plannedStart: "add-start", targetDate: "add-target" }}
      validate={() => {
        const errors: FormErrors = {};
        if (chosen.length === 0) errors["add-offices"] = t("adoption.plan.addOffices.pick");
        checkDates(errors, { start: "add-start", target: "add-target" }, { start, target }, true);
        return errors;
      }}
      send={() => {
        const plannedStart = usable(start);
        const targetDate = usable(target);
        return request(AddOfficesToWaveMutation, {
          input: { waveId: wave.id, officeIds: chosen, ...(plannedStart ? { plannedStart } : {}), ...(targetDate ? { targetDate } : {}) },
        }).then((data) => data.addOfficesToWave);
      }}
    >
      {(errors) => (
        <>
          <UNSAFE_Combobox
            id="add-offices"
            label={labels["add-offices"]}
            description={t("adoption.plan.addOffices.description")}
            options={options}
            selectedOptions={options.filter((option) => chosen.includes(option.value))}
            isMultiSelect
            onToggleSelected={(officeId, isSelected) =>
              setChosen((current) => (isSelected ? [...current.filter((id) => id !== officeId), officeId] : current.filter((id) => id !== officeId)))
            }
            error={errors["add-offices"]}
            shouldAutocomplete={false}
          />
          <DatePair
            idPrefix="add-"
            start={start}
            target={target}
            onStart={setStart}
            onTarget={setTarget}
            errors={errors}
            optionalDescription={t("adoption.plan.form.waveDateDefault")}
          />
        </>
      )}
    </PlanForm>
  );
}

function CloseButton() {
  const form = usePlanForm();
  return (
    <Button type="button" variant="secondary" onClick={form.close}>
      {t("adoption.plan.form.close")}
    </Button>
  );
}

export function MoveOfficeForm({ rollout, wave, waves }: { rollout: PlanRollout; wave: PlanWave; waves: readonly PlanWave[] }) {
  const others = waves.filter((candidate) => candidate.id !== wave.id);
  const [waveId, setWaveId] = useState(others[0]?.id ?? "");
  const [reason, setReason] = useState("");
  const [start, setStart] = useState("");
  const [target, setTarget] = useState("");
  // null: the default month, from the office's start but not before this month, so a move
  // into a wave that started long ago does not make every month since then overdue.
  const [reportingChoice, setReportingChoice] = useState<string | null>(null);
  const plannedStart = usable(start) ?? others.find((candidate) => candidate.id === waveId)?.plannedStart ?? "";
  const reportingFrom = reportingChoice ?? latest(monthOf(plannedStart), monthOf(todayInNorway()));
  const preview = useLoad(
    (signal) =>
      waveId && plannedStart
        ? request(
            RolloutMovePreviewQuery,
            { input: { officeRolloutId: rollout.id, waveId, plannedStart, reportingFrom } },
            { signal },
          ).then((data) => data.rolloutMovePreview)
        : Promise.resolve(null),
    [waveId, plannedStart, reportingFrom],
  );
  const labels = {
    "move-wave": t("adoption.plan.move.wave"),
    "move-reason": t("adoption.plan.move.reason"),
    "move-start": t("adoption.plan.form.start"),
    "move-target": t("adoption.plan.form.target"),
    "move-reporting": t("adoption.plan.move.reportingFrom"),
  };
  if (others.length === 0) {
    return (
      <VStack gap="space-16">
        <BodyLong>{t("adoption.plan.move.noOtherWave")}</BodyLong>
        <HStack>
          <CloseButton />
        </HStack>
      </VStack>
    );
  }
  const targetWaveName = () => others.find((candidate) => candidate.id === waveId)?.name ?? "";
  const history = historyEntries(rollout.office.rolloutHistory);
  return (
    <PlanForm
      submitText={t("adoption.plan.move.submit")}
      doneMessage={() => t("adoption.plan.move.done", { office: rollout.office.name, wave: targetWaveName() })}
      intro={
        <VStack gap="space-8">
          <BodyLong size="small">{t("adoption.plan.move.intro", { office: rollout.office.name, wave: wave.name })}</BodyLong>
          {history.length > 1 && (
            <BodyShort size="small" textColor="subtle">
              {t("adoption.plan.move.earlier", { history: history.map((entry) => entry.text).join(" · ") })}
            </BodyShort>
          )}
        </VStack>
      }
      fieldLabels={labels}
      fieldForPath={{
        waveId: "move-wave",
        reason: "move-reason",
        plannedStart: "move-start",
        targetDate: "move-target",
        reportingFrom: "move-reporting",
        officeRolloutId: "move-wave",
      }}
      validate={() => {
        const errors: FormErrors = {};
        if (!waveId) errors["move-wave"] = t("adoption.plan.move.pickWave");
        requireText(errors, "move-reason", reason, labels["move-reason"]);
        checkDates(errors, { start: "move-start", target: "move-target" }, { start, target }, true);
        return errors;
      }}
      send={() => {
        const plannedStart = usable(start);
        const targetDate = usable(target);
        return request(MoveOfficeToWaveMutation, {
          input: {
            officeRolloutId: rollout.id,
            version: rollout.version,
            waveId,
            reason: reason.trim(),
            ...(plannedStart ? { plannedStart } : {}),
            ...(targetDate ? { targetDate } : {}),
            reportingFrom,
          },
        }).then((data) => data.moveOfficeToWave);
      }}
    >
      {(errors) => (
        <>
          <ChoiceSelect
            id="move-wave"
            label={labels["move-wave"]}
            choices={others.map((candidate) => ({
              id: candidate.id,
              label: t("adoption.plan.move.waveChoice", {
                name: candidate.name,
                start: formatDate(candidate.plannedStart),
                target: formatDate(candidate.targetDate),
              }),
            }))}
            value={waveId}
            onChange={(value) => {
              setWaveId(value);
              setReportingChoice(null);
            }}
            error={errors["move-wave"]}
          />
          <Textarea
            id="move-reason"
            label={labels["move-reason"]}
            description={t("adoption.plan.move.reasonDescription")}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={errors["move-reason"]}
            minRows={2}
            maxLength={2000}
          />
          <DatePair
            idPrefix="move-"
            start={start}
            target={target}
            onStart={(value) => {
              setStart(value);
              setReportingChoice(null);
            }}
            onTarget={setTarget}
            errors={errors}
            optionalDescription={t("adoption.plan.form.waveDateDefault")}
          />
          <BodyShort size="small" textColor="subtle">
            {t("adoption.plan.move.overridesDropped")}
          </BodyShort>
          {plannedStart && (
            <Select
              id="move-reporting"
              label={labels["move-reporting"]}
              description={t("adoption.plan.move.reportingFromDescription", { start: formatMonth(plannedStart, "long") })}
              value={reportingFrom}
              onChange={(event) => setReportingChoice(event.target.value)}
              error={errors["move-reporting"]}
            >
              {reportingMonths(monthOf(plannedStart), monthOf(todayInNorway())).map((month) => (
                <option key={month} value={month}>
                  {reportingMonthLabel(month, monthOf(plannedStart), monthOf(todayInNorway()))}
                </option>
              ))}
            </Select>
          )}
          <ReportConsequence officeName={rollout.office.name} preview={preview} />
        </>
      )}
    </PlanForm>
  );
}

// ---- what a move does to the office's monthly reports --------------------------------------

/** yyyy-mm-dd → the first day of its month. */
const monthOf = (isoDate: string) => `${isoDate.slice(0, 7)}-01`;
const latest = (a: string, b: string) => (a > b ? a : b);

function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return new Date(Date.UTC(year!, monthNumber! - 1 + count, 1)).toISOString().slice(0, 10);
}

/** The months reports can be due from: the start's month up to six months past the later of it and this month. */
function reportingMonths(startMonth: string, thisMonth: string): string[] {
  const last = addMonths(latest(startMonth, thisMonth), 6);
  const months: string[] = [];
  for (let month = startMonth; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

function reportingMonthLabel(month: string, startMonth: string, thisMonth: string): string {
  const name = formatMonth(month, "long");
  if (month === startMonth) return t("adoption.plan.move.reportingFromStart", { month: name });
  if (month === thisMonth) return t("adoption.plan.move.reportingFromThisMonth", { month: name });
  return name;
}

type MovePreview = NonNullable<ResultOf<typeof RolloutMovePreviewQuery>["rolloutMovePreview"]>;

/** The overdue reports before and after the move, live as the planner changes wave, start or month. */
function ReportConsequence({ officeName, preview }: { officeName: string; preview: Loaded<MovePreview | null> }) {
  if (preview.status === "loading") {
    return <LoadingMessage text={t("adoption.plan.move.reports.loading")} />;
  }
  if (preview.status === "error" || !preview.data) {
    return (
      <Alert variant="error" size="small" role="status">
        {t("adoption.plan.move.reports.failed")}
      </Alert>
    );
  }
  const { before, after, afterFromStart, earliestReportingFrom } = preview.data;
  const worse = after.overdueCount > before.overdueCount;
  const overdue = after.overduePeriods;
  return (
    <Alert variant={worse ? "warning" : "info"} size="small" role="status" data-testid="move-consequence">
      <Heading level="3" size="xsmall" spacing>
        {t("adoption.plan.move.reports.title")}
      </Heading>
      <BodyShort spacing>
        {t("adoption.plan.move.reports.overdue", { office: officeName, before: before.overdueCount, after: after.overdueCount })}
      </BodyShort>
      {overdue.length > 0 && (
        <BodyShort spacing size="small">
          {overdue.length === 1
            ? t("adoption.plan.move.reports.overdueMonth", { month: formatMonth(overdue[0]!, "long") })
            : t("adoption.plan.move.reports.overdueMonths", {
                from: formatMonth(overdue[0]!, "long"),
                to: formatMonth(overdue[overdue.length - 1]!, "long"),
              })}
        </BodyShort>
      )}
      <BodyShort size="small">{t("adoption.plan.move.reports.due", { count: after.dueCount })}</BodyShort>
      {afterFromStart.overdueCount > after.overdueCount && (
        <BodyShort size="small">
          {t("adoption.plan.move.reports.fromStart", {
            month: formatMonth(earliestReportingFrom, "long"),
            count: afterFromStart.overdueCount,
          })}
        </BodyShort>
      )}
    </Alert>
  );
}

interface PracticeDates {
  own: boolean;
  start: string;
  target: string;
}

export function EditDatesForm({ rollout }: { rollout: PlanRollout }) {
  const [start, setStart] = useState(rollout.plannedStart);
  const [target, setTarget] = useState(rollout.targetDate);
  const [practices, setPractices] = useState<Record<string, PracticeDates>>(() =>
    Object.fromEntries(
      rollout.practicePlans.map((plan) => [plan.practice.id, { own: plan.overridden, start: plan.plannedStart, target: plan.targetDate }]),
    ),
  );
  const setPractice = (practiceId: string, change: Partial<PracticeDates>) =>
    setPractices((current) => ({ ...current, [practiceId]: { ...current[practiceId]!, ...change } }));
  // Only practices with their own dates are sent; the others follow the office's dates.
  const sent = rollout.practicePlans.filter((plan) => practices[plan.practice.id]?.own);
  const labels: Record<string, string> = {
    "dates-start": t("adoption.plan.form.start"),
    "dates-target": t("adoption.plan.form.target"),
  };
  const fieldForPath: Record<string, string> = { plannedStart: "dates-start", targetDate: "dates-target" };
  sent.forEach((plan, index) => {
    const prefix = `practice-${index}-`;
    labels[`${prefix}start`] = t("adoption.plan.dates.practiceStart", { practice: plan.practice.name });
    labels[`${prefix}target`] = t("adoption.plan.dates.practiceTarget", { practice: plan.practice.name });
    fieldForPath[`practicePlans.${index}.plannedStart`] = `${prefix}start`;
    fieldForPath[`practicePlans.${index}.targetDate`] = `${prefix}target`;
    fieldForPath[`practicePlans.${index}.practiceId`] = `${prefix}start`;
    fieldForPath[`practicePlans.${index}`] = `${prefix}start`;
  });
  const sentIndex = new Map(sent.map((plan, index) => [plan.practice.id, index]));

  return (
    <PlanForm
      submitText={t("adoption.plan.dates.submit")}
      doneMessage={() => t("adoption.plan.dates.done", { office: rollout.office.name })}
      intro={<BodyLong size="small">{t("adoption.plan.dates.intro")}</BodyLong>}
      fieldLabels={labels}
      fieldForPath={fieldForPath}
      validate={() => {
        const errors: FormErrors = {};
        checkDates(errors, { start: "dates-start", target: "dates-target" }, { start, target });
        sent.forEach((plan, index) => {
          const dates = practices[plan.practice.id]!;
          checkDates(errors, { start: `practice-${index}-start`, target: `practice-${index}-target` }, dates);
        });
        return errors;
      }}
      send={() =>
        request(UpdateOfficeRolloutMutation, {
          input: {
            id: rollout.id,
            version: rollout.version,
            plannedStart: start,
            targetDate: target,
            practicePlans: sent.map((plan) => {
              const dates = practices[plan.practice.id]!;
              return { practiceId: plan.practice.id, plannedStart: dates.start, targetDate: dates.target };
            }),
          },
        }).then((data) => data.updateOfficeRollout)
      }
    >
      {(errors) => (
        <>
          <DatePair idPrefix="dates-" start={start} target={target} onStart={setStart} onTarget={setTarget} errors={errors} />
          <VStack as="fieldset" gap="space-12" className="samla-plan-fieldset">
            <legend>
              <Heading level="3" size="xsmall">
                {t("adoption.plan.dates.practices")}
              </Heading>
            </legend>
            {rollout.practicePlans.map((plan) => {
              const dates = practices[plan.practice.id]!;
              const index = sentIndex.get(plan.practice.id);
              return (
                <VStack key={plan.practice.id} gap="space-8">
                  <Checkbox checked={dates.own} onChange={(event) => setPractice(plan.practice.id, { own: event.target.checked })}>
                    {t("adoption.plan.dates.own", { practice: plan.practice.name })}
                  </Checkbox>
                  {dates.own && index !== undefined ? (
                    <div className="samla-plan-indent">
                      <DatePair
                        idPrefix={`practice-${index}-`}
                        start={dates.start}
                        target={dates.target}
                        onStart={(value) => setPractice(plan.practice.id, { start: value })}
                        onTarget={(value) => setPractice(plan.practice.id, { target: value })}
                        errors={errors}
                        labels={{
                          start: t("adoption.plan.dates.practiceStart", { practice: plan.practice.name }),
                          target: t("adoption.plan.dates.practiceTarget", { practice: plan.practice.name }),
                        }}
                      />
                    </div>
                  ) : (
                    <BodyShort size="small" textColor="subtle" className="samla-plan-indent">
                      {t("adoption.plan.dates.followsOffice")}
                    </BodyShort>
                  )}
                </VStack>
              );
            })}
          </VStack>
        </>
      )}
    </PlanForm>
  );
}
