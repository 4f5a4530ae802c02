// Forms on a person's HR page: end an assignment, change one (the API ends the old one
// and starts a new one, so history stays) and move the person to another team.
import { BodyLong, Button, HStack, Select, TextField, VStack } from "@navikt/ds-react";
import { useState, type FormEvent } from "react";
import { request } from "../graphql";
import { describeError } from "../components/States";
import {
  DateField,
  errorsFromResult,
  FormErrorSummary,
  INVALID_DATE,
  OfficeTeamPicker,
  useFocusOnErrors,
  type FormErrors,
} from "./components";
import { todayInNorway } from "../lib/dates";
import { ChangeAssignmentMutation, EndAssignmentMutation, MovePersonMutation } from "./documents";
import { parseFtePercent } from "./fte";
import { ht } from "./texts";

interface FormProps {
  onDone: (message: string) => void;
  onCancel: () => void;
}

function requireDate(errors: FormErrors, id: string, value: string, label: string) {
  if (!value) errors[id] = ht("hr.form.required", { field: label.toLowerCase() });
  else if (value === INVALID_DATE) errors[id] = ht("hr.form.dateInvalid");
}

function FormButtons({ submitText, busy, onCancel }: { submitText: string; busy: boolean; onCancel: () => void }) {
  return (
    <HStack gap="space-16">
      <Button type="submit" loading={busy}>
        {submitText}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
        {ht("hr.form.cancel")}
      </Button>
    </HStack>
  );
}

/** Tries a mutation; a thrown error (network, refused) becomes a general form error. */
async function run<T>(action: () => Promise<T>, setErrors: (errors: FormErrors) => void): Promise<T | null> {
  try {
    return await action();
  } catch (error) {
    setErrors({ general: describeError(error) });
    return null;
  }
}

export function EndAssignmentForm({ assignmentId, onDone, onCancel }: FormProps & { assignmentId: string }) {
  const [endDate, setEndDate] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const summaryRef = useFocusOnErrors(errors, attempt);
  const labels = { "end-date": ht("hr.end.date") };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = {};
    requireDate(found, "end-date", endDate, labels["end-date"]);
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const data = await run(() => request(EndAssignmentMutation, { input: { id: assignmentId, endDate } }), setErrors);
    setBusy(false);
    if (!data) return setAttempt((n) => n + 1);
    const result = data.endAssignment;
    if (result.__typename === "EndAssignmentPayload") return onDone(ht("hr.end.done"));
    setErrors(errorsFromResult(result, { endDate: "end-date", id: "end-date" }));
    setAttempt((n) => n + 1);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <VStack gap="space-16">
        <FormErrorSummary ref={summaryRef} errors={errors} fieldLabels={labels} />
        <DateField id="end-date" label={labels["end-date"]} onChange={setEndDate} error={errors["end-date"]} />
        <FormButtons submitText={ht("hr.end.submit")} busy={busy} onCancel={onCancel} />
      </VStack>
    </form>
  );
}

export interface ChangeableAssignment {
  id: string;
  fte: number;
  role: { id: string; name: string };
  team: { id: string; name: string; office: { id: string } };
}

export function ChangeAssignmentForm({
  assignment,
  roles,
  onDone,
  onCancel,
}: FormProps & { assignment: ChangeableAssignment; roles: Array<{ id: string; name: string }> }) {
  // Most changes take effect from today; the field starts there (issue 14: it started empty).
  const [initialDate] = useState(() => todayInNorway());
  const [changeDate, setChangeDate] = useState(initialDate);
  const [roleId, setRoleId] = useState("");
  const [place, setPlace] = useState({ officeId: assignment.team.office.id, teamId: "" });
  const [ftePercent, setFtePercent] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const summaryRef = useFocusOnErrors(errors, attempt);
  const labels = {
    "change-date": ht("hr.change.date"),
    "change-role": ht("hr.assign.role"),
    "change-team": ht("hr.assign.team"),
    "change-fte": ht("hr.assign.fte"),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = {};
    requireDate(found, "change-date", changeDate, labels["change-date"]);
    const fte = ftePercent.trim() ? parseFtePercent(ftePercent) : undefined;
    if (fte === null) found["change-fte"] = ht("hr.form.fteInvalid");
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const input = {
      assignmentId: assignment.id,
      changeDate,
      ...(roleId ? { roleId } : {}),
      ...(place.teamId ? { teamId: place.teamId } : {}),
      ...(fte != null ? { fte } : {}),
    };
    const data = await run(() => request(ChangeAssignmentMutation, { input }), setErrors);
    setBusy(false);
    if (!data) return setAttempt((n) => n + 1);
    const result = data.changeAssignment;
    if (result.__typename === "ChangeAssignmentPayload") return onDone(ht("hr.change.done"));
    setErrors(
      errorsFromResult(result, {
        changeDate: "change-date",
        startDate: "change-date",
        roleId: "change-role",
        teamId: "change-team",
        fte: "change-fte",
      }),
    );
    setAttempt((n) => n + 1);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <VStack gap="space-16">
        <BodyLong>{ht("hr.change.intro")}</BodyLong>
        <FormErrorSummary ref={summaryRef} errors={errors} fieldLabels={labels} />
        <DateField
          id="change-date"
          label={labels["change-date"]}
          defaultValue={initialDate}
          onChange={setChangeDate}
          error={errors["change-date"]}
        />
        <Select
          id="change-role"
          label={labels["change-role"]}
          value={roleId}
          onChange={(event) => setRoleId(event.target.value)}
          error={errors["change-role"]}
        >
          <option value="">{`${ht("hr.change.keep")} (${assignment.role.name})`}</option>
          {roles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
            </option>
          ))}
        </Select>
        <OfficeTeamPicker
          idPrefix="change-"
          officeId={place.officeId}
          teamId={place.teamId}
          onChange={setPlace}
          teamError={errors["change-team"]}
          emptyTeamLabel={`${ht("hr.change.keep")} (${assignment.team.name})`}
        />
        <TextField
          id="change-fte"
          label={labels["change-fte"]}
          description={`${ht("hr.assign.fteDescription")}. ${ht("hr.change.keep")}: ${Math.round(assignment.fte * 100)} %`}
          inputMode="numeric"
          value={ftePercent}
          onChange={(event) => setFtePercent(event.target.value)}
          error={errors["change-fte"]}
          htmlSize={6}
        />
        <FormButtons submitText={ht("hr.change.submit")} busy={busy} onCancel={onCancel} />
      </VStack>
    </form>
  );
}

export function MovePersonForm({ personId, onDone, onCancel }: FormProps & { personId: string }) {
  const [moveDate, setMoveDate] = useState("");
  const [place, setPlace] = useState({ officeId: "", teamId: "" });
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const summaryRef = useFocusOnErrors(errors, attempt);
  const labels = { "move-office": ht("hr.assign.office"), "move-team": ht("hr.assign.team"), "move-date": ht("hr.move.date") };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = {};
    if (!place.officeId) found["move-office"] = ht("hr.form.required", { field: labels["move-office"].toLowerCase() });
    else if (!place.teamId) found["move-team"] = ht("hr.form.required", { field: labels["move-team"].toLowerCase() });
    requireDate(found, "move-date", moveDate, labels["move-date"]);
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const data = await run(
      () => request(MovePersonMutation, { input: { personId, teamId: place.teamId, moveDate } }),
      setErrors,
    );
    setBusy(false);
    if (!data) return setAttempt((n) => n + 1);
    const result = data.movePersonToTeam;
    if (result.__typename === "MovePersonToTeamPayload") return onDone(ht("hr.move.done"));
    setErrors(errorsFromResult(result, { moveDate: "move-date", startDate: "move-date", teamId: "move-team", fte: "move-date" }));
    setAttempt((n) => n + 1);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <VStack gap="space-16">
        <BodyLong>{ht("hr.move.intro")}</BodyLong>
        <FormErrorSummary ref={summaryRef} errors={errors} fieldLabels={labels} />
        <OfficeTeamPicker
          idPrefix="move-"
          officeId={place.officeId}
          teamId={place.teamId}
          onChange={setPlace}
          officeError={errors["move-office"]}
          teamError={errors["move-team"]}
        />
        <DateField id="move-date" label={labels["move-date"]} onChange={setMoveDate} error={errors["move-date"]} />
        <FormButtons submitText={ht("hr.move.submit")} busy={busy} onCancel={onCancel} />
      </VStack>
    </form>
  );
}
