// The submit cycle every form of these screens shares: check the fields, send, and show
// what came back at the fields (or in the summary, focused after a failed submit).
import { useState } from "react";
import { describeError } from "../../components/States";
import { useFocusOnErrors, type FormErrors } from "../../hr/components";

export function useFormSubmission() {
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const summaryRef = useFocusOnErrors(errors, attempt);

  /**
   * Shows `found` (the fields' own checks); when there is nothing, runs `send`, which
   * returns the API's errors by field id, or nothing when it succeeded.
   */
  const submit = async (found: FormErrors, send: () => Promise<FormErrors | void>) => {
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const apiErrors = await send();
      if (apiErrors) setErrors(apiErrors);
    } catch (error) {
      setErrors({ general: describeError(error) });
    } finally {
      setBusy(false);
      setAttempt((n) => n + 1);
    }
  };

  return { errors, busy, summaryRef, submit };
}
