// Form plumbing shared by the recording and catalogue forms: errors by field (summary plus
// the field itself, as on the HR screens), a busy flag, and mutations whose thrown errors
// (network, refused) become a general error instead of an unhandled rejection.
import { Alert, BodyShort, Button, HStack, VStack } from "@navikt/ds-react";
import { useState } from "react";
import { describeError } from "../../components/States";
import { errorsFromResult, useFocusOnErrors, type FormErrors, type MutationError } from "../../hr/components";
import { t } from "../../i18n";

export function useFormState() {
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const summaryRef = useFocusOnErrors(errors, attempt);
  return {
    errors,
    busy,
    summaryRef,
    /** Shows `found` (focusing the summary when there are any); true when the form is clean. */
    check(found: FormErrors): boolean {
      setErrors(found);
      setAttempt((n) => n + 1);
      return Object.keys(found).length === 0;
    },
    clear() {
      setErrors({});
    },
    /**
     * Sends a mutation and returns its result, or null after showing why it failed: a
     * thrown error as a general error, a typed error at its fields through `fieldForPath`.
     */
    async send<Result extends { __typename: string }, Payload extends Result>(
      action: () => Promise<Result>,
      isPayload: (result: Result) => result is Payload,
      fieldForPath: Record<string, string>,
      onTypedError?: (result: Result) => void,
    ): Promise<Payload | null> {
      setBusy(true);
      try {
        const result = await action();
        if (isPayload(result)) {
          setErrors({});
          return result;
        }
        setErrors(errorsFromResult(result as MutationError, fieldForPath));
        onTypedError?.(result);
      } catch (error) {
        setErrors({ general: describeError(error) });
      } finally {
        setBusy(false);
      }
      setAttempt((n) => n + 1);
      return null;
    },
  };
}

/** A type guard for a mutation's payload member, by its typename. */
export function isTypename<Name extends string>(name: Name) {
  return <Result extends { __typename: string }>(result: Result): result is Extract<Result, { __typename: Name }> =>
    result.__typename === name;
}

/** The message after a save; a status, so screen readers announce it. */
export function SavedNotice({ message, onClose }: { message: string | null; onClose: () => void }) {
  if (!message) return null;
  return (
    <Alert variant="success" role="status" closeButton onClose={onClose}>
      {message}
    </Alert>
  );
}

/** "Must be filled in" for a field, in the form's words. */
export function requiredText(label: string): string {
  return t("record.form.required", { field: label.toLocaleLowerCase() });
}

/** A dialog form's submit and cancel buttons. */
export function FormButtons({ submitText, busy, onCancel }: { submitText: string; busy: boolean; onCancel: () => void }) {
  return (
    <HStack gap="space-16">
      <Button type="submit" loading={busy}>
        {submitText}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
        {t("catalogue.cancel")}
      </Button>
    </HStack>
  );
}

/** Under a paged list: how many are shown of how many, and "Vis flere" while there are more. */
export function PagedFooter({
  shown,
  total,
  hasMore,
  loading,
  onMore,
}: {
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  return (
    <VStack gap="space-12" align="start">
      <BodyShort size="small" role="status">
        {t("record.shownOf", { shown, total })}
      </BodyShort>
      {hasMore && (
        <Button type="button" size="small" variant="secondary" onClick={onMore} loading={loading}>
          {t("record.showMore")}
        </Button>
      )}
    </VStack>
  );
}
