// The form every scenario edit uses: it sends the scenario version the user saw, shows the
// API's typed errors at their fields, and on a ConflictError keeps what the user typed and
// offers "Hent siste versjon" so they can check the other change and save again.
import { Alert, BodyShort, Button, Heading, HStack, TextField, VStack } from "@navikt/ds-react";
import { createContext, useContext, useState, type FormEvent, type ReactNode } from "react";
import { DateField, errorsFromResult, FormErrorSummary, INVALID_DATE, type FormErrors } from "../../hr/components";
import { t } from "../../i18n";
import { FormButtons } from "./fields";
import { useFormSubmission } from "./form-submission";
import { isConflict, outcomeOf, parseWave, type MutationErrorResult } from "./model";

export interface EditorContextValue {
  scenarioId: string;
  /** The version the user sees now; every edit sends it. */
  version: number;
  /** Fetches the scenario again (after an edit or to see another user's change). */
  reload: () => Promise<void>;
  /** Closes the dialog, announces `message` and refetches. */
  finish: (message: string) => void;
  close: () => void;
}

const EditorContext = createContext<EditorContextValue | null>(null);
export const EditorProvider = EditorContext.Provider;

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditor() must be used inside <EditorProvider>");
  return value;
}

/** A mutation's result union, before it is known to be the payload or an error. */
export type ResultUnion = { __typename?: string };

/** The ConflictError (its message names what changed since), with the way to the latest version. */
export function ConflictAlert({ error, onReload }: { error: MutationErrorResult; onReload: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Alert variant="warning" role="alert">
      <Heading level="3" size="xsmall" spacing>
        {t("scenarioEditor.conflict.title")}
      </Heading>
      <BodyShort spacing>{error.message ?? t("error.api.generic")}</BodyShort>
      <BodyShort spacing size="small">
        {t("scenarioEditor.conflict.keep")}
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
        {t("scenarioEditor.conflict.reload")}
      </Button>
    </Alert>
  );
}

export interface EditFormProps {
  submitText: string;
  /** Announced when the edit is saved. */
  doneMessage: string;
  intro?: ReactNode;
  fieldLabels?: Record<string, string>;
  /** API field paths (e.g. `name`, `positionIds.0`) to the ids of the fields they are about. */
  fieldForPath?: Record<string, string>;
  /** Checks the fields before anything is sent; errors by field id. */
  validate?: () => FormErrors;
  /** Runs the mutation with the version the user sees. */
  send: (version: number) => Promise<ResultUnion>;
  danger?: boolean;
  /** The fields; given the current errors by field id so each field shows its own. */
  children?: (errors: FormErrors) => ReactNode;
}

export function EditForm({
  submitText,
  doneMessage,
  intro,
  fieldLabels = {},
  fieldForPath = {},
  validate,
  send,
  danger = false,
  children,
}: EditFormProps) {
  const editor = useEditor();
  const { errors, busy, summaryRef, submit } = useFormSubmission();
  const [conflict, setConflict] = useState<MutationErrorResult | null>(null);
  const [reloadedTo, setReloadedTo] = useState<number | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(null);
    void submit(validate?.() ?? {}, async () => {
      const outcome = outcomeOf(await send(editor.version));
      if (outcome.ok) return editor.finish(doneMessage);
      // A conflict is not a field's fault: it gets its own alert with the way forward.
      if (isConflict(outcome.error)) return setConflict(outcome.error);
      return errorsFromResult(outcome.error, fieldForPath);
    });
  };

  const reload = async () => {
    await editor.reload();
    setConflict(null);
    setReloadedTo(Date.now());
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <VStack gap="space-16">
        {intro}
        <FormErrorSummary ref={summaryRef} errors={errors} fieldLabels={fieldLabels} />
        {conflict && <ConflictAlert error={conflict} onReload={reload} />}
        {reloadedTo !== null && !conflict && (
          <Alert variant="info" size="small" role="status">
            {t("scenarioEditor.conflict.reloaded", { version: editor.version })}
          </Alert>
        )}
        {children?.(errors)}
        <FormButtons submitText={submitText} busy={busy} onCancel={editor.close} danger={danger} />
      </VStack>
    </form>
  );
}

// --- effective date and wave (every edit may set them) ----------------------------------

export interface Timing {
  effectiveDate: string;
  wave: string;
}

export const NO_TIMING: Timing = { effectiveDate: "", wave: "" };

/** Optional effective date and wave; empty means the scenario's effective date. */
export function TimingFields({
  idPrefix,
  value,
  onChange,
  errors,
}: {
  idPrefix: string;
  value: Timing;
  onChange: (value: Timing) => void;
  errors: FormErrors;
}) {
  return (
    <HStack gap="space-16" align="start" wrap>
      <DateField
        id={`${idPrefix}effective-date`}
        label={t("scenarioEditor.form.effectiveDate")}
        description={t("scenarioEditor.form.effectiveDate.description")}
        onChange={(effectiveDate) => onChange({ ...value, effectiveDate })}
        error={errors[`${idPrefix}effective-date`]}
      />
      <TextField
        id={`${idPrefix}wave`}
        label={t("scenarioEditor.form.wave")}
        description={t("scenarioEditor.form.wave.description")}
        inputMode="numeric"
        htmlSize={4}
        value={value.wave}
        onChange={(event) => onChange({ ...value, wave: event.target.value })}
        error={errors[`${idPrefix}wave`]}
      />
    </HStack>
  );
}

/** Checks the timing fields; adds errors by field id. */
export function validateTiming(idPrefix: string, value: Timing, errors: FormErrors): void {
  if (value.effectiveDate === INVALID_DATE) errors[`${idPrefix}effective-date`] = t("scenarioEditor.form.dateInvalid");
  if (parseWave(value.wave) === null) errors[`${idPrefix}wave`] = t("scenarioEditor.form.waveInvalid");
}

/** The timing as mutation input fields (left out when empty). */
export function timingInput(value: Timing): { effectiveDate?: string; wave?: number } {
  const wave = parseWave(value.wave);
  return {
    ...(value.effectiveDate && value.effectiveDate !== INVALID_DATE ? { effectiveDate: value.effectiveDate } : {}),
    ...(typeof wave === "number" ? { wave } : {}),
  };
}

/** API paths of the timing fields, for `fieldForPath`. */
export function timingPaths(idPrefix: string): Record<string, string> {
  return { effectiveDate: `${idPrefix}effective-date`, wave: `${idPrefix}wave` };
}

export function timingLabels(idPrefix: string): Record<string, string> {
  return {
    [`${idPrefix}effective-date`]: t("scenarioEditor.form.effectiveDate"),
    [`${idPrefix}wave`]: t("scenarioEditor.form.wave"),
  };
}
