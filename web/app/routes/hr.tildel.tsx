// /hr/tildel: assign a role (person, role, office → team, FTE, dates, reports-to). Shows
// the person's total FTE at the start date, and the API's typed errors next to the field.
import { Alert, BodyShort, Button, Heading, HStack, Link, Select, TextField, VStack } from "@navikt/ds-react";
import { Link as RemixLink, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useEffect, useState, type FormEvent } from "react";
import { signIn } from "../auth";
import { describeError } from "../components/States";
import { request, type ResultOf } from "../graphql";
import { formatDate, formatPercent, t } from "../i18n";
import { useClientLoaderData } from "../routing";
import { mayUseHr } from "../hr/access";
import {
  DateField,
  errorsFromResult,
  FormErrorSummary,
  HrSubNav,
  INVALID_DATE,
  NoAccess,
  OfficeTeamPicker,
  PersonPicker,
  useFocusOnErrors,
  type FormErrors,
  type PickedPerson,
} from "../hr/components";
import { AssignRoleMutation, HrPersonFteQuery, HrPersonQuery, HrRolesQuery } from "../hr/documents";
import { todayInNorway } from "../lib/dates";
import { addFte, parseFtePercent } from "../hr/fte";
import { ht } from "../hr/texts";

export const meta: MetaFunction = () => [{ title: `${ht("hr.assign.title")} – ${ht("hr.title")} – ${t("app.name")}` }];

export async function clientLoader() {
  const session = await signIn();
  return { allowed: mayUseHr(session.user.roles) };
}

type Role = ResultOf<typeof HrRolesQuery>["roles"][number];

export default function HrAssignRoute() {
  const { allowed } = useClientLoaderData<typeof clientLoader>();
  const [params] = useSearchParams();
  if (!allowed) return <NoAccess />;
  const personId = params.get("person") ?? "";
  return <AssignRole key={personId} initialPersonId={personId} />;
}

const FIELD = {
  person: "assign-person",
  role: "assign-role",
  office: "assign-office",
  team: "assign-team",
  fte: "assign-fte",
  start: "assign-start",
  end: "assign-end",
  reportsTo: "assign-reports-to",
} as const;

function AssignRole({ initialPersonId }: { initialPersonId: string }) {
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const [roleId, setRoleId] = useState("");
  const [place, setPlace] = useState({ officeId: "", teamId: "" });
  const [ftePercent, setFtePercent] = useState("100");
  const [startDate, setStartDate] = useState(todayInNorway());
  const [endDate, setEndDate] = useState("");
  const [reportsTo, setReportsTo] = useState<PickedPerson | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ message: string; personId: string } | null>(null);
  const [fteAtStart, setFteAtStart] = useState<number | null>(null);
  const summaryRef = useFocusOnErrors(errors, attempt);

  const labels: Record<string, string> = {
    [FIELD.person]: ht("hr.assign.person"),
    [FIELD.role]: ht("hr.assign.role"),
    [FIELD.office]: ht("hr.assign.office"),
    [FIELD.team]: ht("hr.assign.team"),
    [FIELD.fte]: ht("hr.assign.fte"),
    [FIELD.start]: ht("hr.assign.start"),
    [FIELD.end]: ht("hr.assign.end"),
    [FIELD.reportsTo]: ht("hr.assign.reportsTo"),
  };

  useEffect(() => {
    const controller = new AbortController();
    request(HrRolesQuery, {}, { signal: controller.signal }).then(
      (data) => setRoles(data.roles),
      () => undefined,
    );
    if (initialPersonId) {
      request(HrPersonQuery, { id: initialPersonId, today: todayInNorway() }, { signal: controller.signal }).then(
        (data) => data.person && setPerson({ id: data.person.id, name: data.person.name, email: data.person.email }),
        () => undefined,
      );
    }
    return () => controller.abort();
  }, [initialPersonId]);

  // The person's total FTE on the chosen start date, so HR sees what the API will check.
  useEffect(() => {
    setFteAtStart(null);
    if (!person || !startDate || startDate === INVALID_DATE) return;
    const controller = new AbortController();
    request(HrPersonFteQuery, { personId: person.id, date: startDate }, { signal: controller.signal }).then(
      (data) => setFteAtStart(data.personFte),
      () => undefined,
    );
    return () => controller.abort();
  }, [person, startDate, done]);

  const fte = parseFtePercent(ftePercent);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = {};
    const required = (id: string) => ht("hr.form.required", { field: (labels[id] ?? "").toLowerCase() });
    if (!person) found[FIELD.person] = required(FIELD.person);
    if (!roleId) found[FIELD.role] = required(FIELD.role);
    if (!place.officeId) found[FIELD.office] = required(FIELD.office);
    else if (!place.teamId) found[FIELD.team] = required(FIELD.team);
    if (fte === null) found[FIELD.fte] = ht("hr.form.fteInvalid");
    if (!startDate) found[FIELD.start] = required(FIELD.start);
    else if (startDate === INVALID_DATE) found[FIELD.start] = ht("hr.form.dateInvalid");
    if (endDate === INVALID_DATE) found[FIELD.end] = ht("hr.form.dateInvalid");
    // End before start is the API's rule too; its message is shown when it refuses.
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0 || !person || fte === null) return;

    setBusy(true);
    setDone(null);
    try {
      const data = await request(AssignRoleMutation, {
        input: {
          personId: person.id,
          roleId,
          teamId: place.teamId,
          fte,
          startDate,
          ...(endDate ? { endDate } : {}),
          ...(reportsTo ? { reportsToId: reportsTo.id } : {}),
        },
      });
      const result = data.assignRole;
      if (result.__typename === "AssignRolePayload") {
        setDone({
          personId: result.assignment.person.id,
          message: ht("hr.assign.done", {
            name: result.assignment.person.name,
            role: result.assignment.role.name,
            team: result.assignment.team.name,
          }),
        });
        setErrors({});
      } else {
        setErrors(
          errorsFromResult(result, {
            personId: FIELD.person,
            roleId: FIELD.role,
            teamId: FIELD.team,
            fte: FIELD.fte,
            startDate: FIELD.start,
            endDate: FIELD.end,
            reportsToId: FIELD.reportsTo,
          }),
        );
        setAttempt((n) => n + 1);
      }
    } catch (error) {
      setErrors({ general: describeError(error) });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const total = fteAtStart !== null && fte !== null ? addFte(fteAtStart, fte) : null;

  return (
    <VStack gap="space-24">
      <HrSubNav />
      <VStack gap="space-8">
        <Heading level="1" size="xlarge">
          {ht("hr.assign.title")}
        </Heading>
        <BodyShort>{ht("hr.assign.intro")}</BodyShort>
      </VStack>
      {done && (
        <Alert variant="success" role="status">
          <VStack gap="space-8">
            <BodyShort>{done.message}</BodyShort>
            <Link as={RemixLink} to={`/hr/personer/${encodeURIComponent(done.personId)}`}>
              {person?.name ?? ht("hr.assign.person")}
            </Link>
          </VStack>
        </Alert>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate style={{ maxWidth: "48rem" }}>
        <VStack gap="space-24">
          <FormErrorSummary ref={summaryRef} errors={errors} fieldLabels={labels} />
          <PersonPicker
            id={FIELD.person}
            label={labels[FIELD.person]!}
            description={ht("hr.assign.personDescription")}
            value={person}
            onChange={setPerson}
            error={errors[FIELD.person]}
          />
          <Select
            id={FIELD.role}
            label={labels[FIELD.role]}
            value={roleId}
            onChange={(event) => setRoleId(event.target.value)}
            error={errors[FIELD.role]}
            style={{ maxWidth: "24rem" }}
          >
            <option value="">{ht("hr.assign.chooseRole")}</option>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </Select>
          <OfficeTeamPicker
            idPrefix="assign-"
            officeId={place.officeId}
            teamId={place.teamId}
            onChange={setPlace}
            officeError={errors[FIELD.office]}
            teamError={errors[FIELD.team]}
          />
          <TextField
            id={FIELD.fte}
            label={labels[FIELD.fte]}
            description={ht("hr.assign.fteDescription")}
            inputMode="numeric"
            htmlSize={6}
            value={ftePercent}
            onChange={(event) => setFtePercent(event.target.value)}
            error={errors[FIELD.fte]}
          />
          <HStack gap="space-24" wrap>
            <DateField
              id={FIELD.start}
              label={labels[FIELD.start]!}
              defaultValue={startDate}
              onChange={setStartDate}
              error={errors[FIELD.start]}
            />
            <DateField
              id={FIELD.end}
              label={`${labels[FIELD.end]} ${ht("hr.form.optional")}`}
              onChange={setEndDate}
              error={errors[FIELD.end]}
            />
          </HStack>
          {person && fteAtStart !== null && total !== null && startDate !== INVALID_DATE && (
            <Alert variant={total > 1 ? "warning" : "info"} size="small" data-testid="fte-at-start">
              <BodyShort>
                {ht("hr.assign.fteAt", {
                  name: person.name,
                  fte: formatPercent(fteAtStart),
                  date: formatDate(startDate),
                  total: formatPercent(total),
                })}
              </BodyShort>
              {total > 1 && <BodyShort>{ht("hr.assign.fteAtOver")}</BodyShort>}
            </Alert>
          )}
          <PersonPicker
            id={FIELD.reportsTo}
            label={`${labels[FIELD.reportsTo]} ${ht("hr.form.optional")}`}
            description={ht("hr.assign.personDescription")}
            value={reportsTo}
            onChange={setReportsTo}
            error={errors[FIELD.reportsTo]}
          />
          <HStack>
            <Button type="submit" loading={busy}>
              {ht("hr.assign.submit")}
            </Button>
          </HStack>
        </VStack>
      </form>
    </VStack>
  );
}
