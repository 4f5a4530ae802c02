// /hr/personer/:id: a person's current and past assignments, their SSO link, and the
// HR actions on them (assign, change, end, move, link/unlink).
import { ArrowLeftIcon } from "@navikt/aksel-icons";
import {
  Alert,
  BodyShort,
  Box,
  Button,
  Heading,
  HStack,
  Label,
  Link,
  Modal,
  Table,
  TextField,
  VStack,
} from "@navikt/ds-react";
import { Link as RemixLink, useParams, type MetaFunction } from "@remix-run/react";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { signIn } from "../auth";
import { describeError, ErrorState, LoadingMessage } from "../components/States";
import { request, type ResultOf } from "../graphql";
import { formatDate, formatPercent, t } from "../i18n";
import { useClientLoaderData } from "../routing";
import { mayUseHr } from "../hr/access";
import { ChangeAssignmentForm, EndAssignmentForm, MovePersonForm } from "../hr/AssignmentForms";
import { HrSubNav, NoAccess } from "../hr/components";
import { todayInNorway } from "../lib/dates";
import { HrPersonQuery, HrRolesQuery, LinkSsoMutation, UnlinkSsoMutation } from "../hr/documents";
import { ht } from "../hr/texts";

export const meta: MetaFunction = () => [{ title: `${ht("hr.people.title")} – ${ht("hr.title")} – ${t("app.name")}` }];

export async function clientLoader() {
  const session = await signIn();
  return { allowed: mayUseHr(session.user.roles) };
}

type Person = NonNullable<ResultOf<typeof HrPersonQuery>["person"]>;
type Assignment = Person["assignments"][number];
type Role = ResultOf<typeof HrRolesQuery>["roles"][number];

type Dialog = { kind: "end"; assignment: Assignment } | { kind: "change"; assignment: Assignment } | { kind: "move" } | null;

export default function HrPersonRoute() {
  const { allowed } = useClientLoaderData<typeof clientLoader>();
  const { id = "" } = useParams();
  if (!allowed) return <NoAccess />;
  return <HrPerson key={id} id={id} />;
}

function HrPerson({ id }: { id: string }) {
  const [person, setPerson] = useState<Person | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const data = await request(HrPersonQuery, { id, today: todayInNorway() }, { signal });
        setPerson(data.person);
        setError(null);
      } catch (caught) {
        if (!signal?.aborted) setError(caught);
      }
    },
    [id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    request(HrRolesQuery, {}, { signal: controller.signal }).then(
      (data) => setRoles(data.roles),
      () => undefined,
    );
    return () => controller.abort();
  }, [load]);

  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    void load();
  };

  const back = (
    <Link as={RemixLink} to="/hr">
      <ArrowLeftIcon aria-hidden />
      {ht("hr.person.back")}
    </Link>
  );

  if (error) return <VStack gap="space-24">{back}<ErrorState title={ht("hr.person.error")} error={error} headingLevel="1" /></VStack>;
  if (person === undefined) return <LoadingMessage text={ht("hr.person.loading")} />;
  if (person === null) {
    return (
      <VStack gap="space-24">
        {back}
        <Heading level="1" size="large">
          {ht("hr.person.notFound")}
        </Heading>
      </VStack>
    );
  }

  const current = person.assignments.filter((assignment) => assignment.isCurrent);
  const other = person.assignments.filter((assignment) => !assignment.isCurrent);
  const today = todayInNorway();

  return (
    <VStack gap="space-32">
      <HrSubNav />
      <VStack gap="space-12" align="start">
        {back}
        <Heading level="1" size="xlarge">
          {person.name}
        </Heading>
        <HStack gap="space-32" wrap>
          <Fact label={ht("hr.person.email")} value={person.email} />
          <Fact label={ht("hr.person.employer")} value={t(`employer.${person.employer}`)} />
          <Fact label={ht("hr.person.fteToday")} value={person.fteOn === null ? "–" : formatPercent(person.fteOn)} />
        </HStack>
      </VStack>

      {notice && (
        <Alert variant="success" role="status" closeButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}

      <HStack gap="space-16">
        <Button as={RemixLink} to={`/hr/tildel?person=${encodeURIComponent(person.id)}`}>
          {ht("hr.person.assign")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setDialog({ kind: "move" })} disabled={current.length === 0}>
          {ht("hr.person.move")}
        </Button>
      </HStack>

      <section aria-labelledby="current-heading">
        <Heading id="current-heading" level="2" size="medium" spacing>
          {ht("hr.person.current")}
        </Heading>
        {current.length === 0 ? (
          <BodyShort>{ht("hr.person.noCurrent")}</BodyShort>
        ) : (
          <AssignmentTable
            caption={ht("hr.person.current")}
            assignments={current}
            onEnd={(assignment) => setDialog({ kind: "end", assignment })}
            onChange={(assignment) => setDialog({ kind: "change", assignment })}
          />
        )}
      </section>

      <section aria-labelledby="past-heading">
        <Heading id="past-heading" level="2" size="medium" spacing>
          {ht("hr.person.past")}
        </Heading>
        {other.length === 0 ? (
          <BodyShort>{ht("hr.person.noPast")}</BodyShort>
        ) : (
          <AssignmentTable
            caption={ht("hr.person.past")}
            assignments={other}
            // Planned assignments (not started yet) can still be ended or changed.
            onEnd={(assignment) => setDialog({ kind: "end", assignment })}
            onChange={(assignment) => setDialog({ kind: "change", assignment })}
            actionable={(assignment) => assignment.startDate > today}
          />
        )}
      </section>

      <SsoLink person={person} onChanged={done} />

      <Modal
        open={dialog !== null}
        onClose={() => setDialog(null)}
        header={{
          heading:
            dialog?.kind === "end" ? ht("hr.end.title") : dialog?.kind === "change" ? ht("hr.change.title") : ht("hr.move.title"),
        }}
        width="medium"
      >
        <Modal.Body>
          {dialog?.kind === "end" && (
            <EndAssignmentForm assignmentId={dialog.assignment.id} onDone={done} onCancel={() => setDialog(null)} />
          )}
          {dialog?.kind === "change" && (
            <ChangeAssignmentForm assignment={dialog.assignment} roles={roles} onDone={done} onCancel={() => setDialog(null)} />
          )}
          {dialog?.kind === "move" && <MovePersonForm personId={person.id} onDone={done} onCancel={() => setDialog(null)} />}
        </Modal.Body>
      </Modal>
    </VStack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <VStack gap="space-4">
      <Label as="p" size="small">
        {label}
      </Label>
      <BodyShort>{value}</BodyShort>
    </VStack>
  );
}

function AssignmentTable({
  caption,
  assignments,
  onEnd,
  onChange,
  actionable = () => true,
}: {
  caption: string;
  assignments: Assignment[];
  onEnd: (assignment: Assignment) => void;
  onChange: (assignment: Assignment) => void;
  actionable?: (assignment: Assignment) => boolean;
}) {
  return (
    <div className="samla-table-scroll">
      <Table>
        <caption className="aksel-sr-only">{caption}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{ht("hr.col.role")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{ht("hr.col.office")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{ht("hr.col.team")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{ht("hr.col.fte")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{ht("hr.col.start")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{ht("hr.col.end")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{ht("hr.col.reportsTo")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{ht("hr.col.actions")}</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {assignments.map((assignment) => {
            const name = `${assignment.role.name}, ${assignment.team.office.name}`;
            return (
              <Table.Row key={assignment.id} data-testid="assignment-row">
                <Table.HeaderCell scope="row">{assignment.role.name}</Table.HeaderCell>
                <Table.DataCell>
                  <Link as={RemixLink} to={`/kontorer/${encodeURIComponent(assignment.team.office.id)}`}>
                    {assignment.team.office.name} ({assignment.team.office.code})
                  </Link>
                </Table.DataCell>
                <Table.DataCell>{assignment.team.name}</Table.DataCell>
                <Table.DataCell>{formatPercent(assignment.fte)}</Table.DataCell>
                <Table.DataCell>{formatDate(assignment.startDate)}</Table.DataCell>
                <Table.DataCell>{assignment.endDate ? formatDate(assignment.endDate) : ht("hr.assignment.open")}</Table.DataCell>
                <Table.DataCell>{assignment.reportsTo?.name ?? "–"}</Table.DataCell>
                <Table.DataCell>
                  {actionable(assignment) && (
                    <HStack gap="space-8" wrap={false}>
                      <Button
                        type="button"
                        size="small"
                        variant="secondary"
                        onClick={() => onChange(assignment)}
                        aria-label={`${ht("hr.assignment.change")}: ${name}`}
                      >
                        {ht("hr.assignment.change")}
                      </Button>
                      <Button
                        type="button"
                        size="small"
                        variant="secondary"
                        onClick={() => onEnd(assignment)}
                        aria-label={`${ht("hr.assignment.end")}: ${name}`}
                      >
                        {ht("hr.assignment.end")}
                      </Button>
                    </HStack>
                  )}
                </Table.DataCell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}

function SsoLink({ person, onChanged }: { person: Person; onChanged: (message: string) => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const link = async (event: FormEvent) => {
    event.preventDefault();
    const usernameOrEmail = value.trim();
    if (!usernameOrEmail) return setError(ht("hr.sso.required"));
    setBusy(true);
    try {
      const data = await request(LinkSsoMutation, { input: { personId: person.id, usernameOrEmail } });
      const result = data.linkPersonToSsoUser;
      if (result.__typename === "LinkPersonToSsoUserPayload") {
        setValue("");
        setError(undefined);
        onChanged(ht("hr.sso.linkedDone", { username: result.person.ssoUser?.username ?? usernameOrEmail }));
      } else {
        setError("message" in result && result.message ? result.message : t("error.api.generic"));
      }
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const unlink = async () => {
    setBusy(true);
    try {
      const data = await request(UnlinkSsoMutation, { input: { personId: person.id } });
      const result = data.unlinkPersonFromSsoUser;
      if (result.__typename === "UnlinkPersonFromSsoUserPayload") onChanged(ht("hr.sso.unlinkedDone"));
      else setError("message" in result && result.message ? result.message : t("error.api.generic"));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const linked = person.ssoSubject !== null && person.ssoSubject !== undefined;
  return (
    <section aria-labelledby="sso-heading">
      <Box padding="space-24" borderWidth="1" borderRadius="12" borderColor="neutral-subtle">
        <VStack gap="space-16" align="start">
          <Heading id="sso-heading" level="2" size="medium">
            {ht("hr.sso.title")}
          </Heading>
          <BodyShort data-testid="sso-status">
            {!linked
              ? ht("hr.sso.notLinked")
              : person.ssoUser
                ? ht("hr.sso.linked", {
                    username: person.ssoUser.email ? `${person.ssoUser.username} (${person.ssoUser.email})` : person.ssoUser.username,
                  })
                : ht("hr.sso.linkedUnknown", { subject: person.ssoSubject ?? "" })}
          </BodyShort>
          <BodyShort size="small">{ht("hr.sso.explain")}</BodyShort>
          <form onSubmit={(event) => void link(event)} noValidate>
            <HStack gap="space-16" align="end" wrap>
              <TextField
                id="sso-user"
                label={linked ? ht("hr.sso.relink") : ht("hr.sso.field")}
                description={linked ? ht("hr.sso.field") : undefined}
                value={value}
                onChange={(event) => setValue(event.target.value)}
                error={error}
                autoComplete="off"
              />
              <Button type="submit" variant="secondary" loading={busy}>
                {ht("hr.sso.link")}
              </Button>
            </HStack>
          </form>
          {linked && (
            <Button type="button" variant="tertiary" onClick={() => void unlink()} disabled={busy}>
              {ht("hr.sso.unlink")}
            </Button>
          )}
        </VStack>
      </Box>
    </section>
  );
}
