// Case flow: the office's flow of a service as steps (stage, responsible role, working
// time, waiting time, hand-offs), the flows recorded before, and a form that records the
// flow as it is now (starting from the current one, so a change is a small edit).
import { PlusIcon, TrashIcon } from "@navikt/aksel-icons";
import {
  BodyShort,
  Box,
  Button,
  Detail,
  Fieldset,
  Heading,
  HStack,
  Select,
  Table,
  Textarea,
  TextField,
  VStack,
} from "@navikt/ds-react";
import { useState, type FormEvent } from "react";
import { ErrorState, LoadingMessage } from "../../components/States";
import { request, type ResultOf } from "../../graphql";
import { DateField, FormErrorSummary, INVALID_DATE } from "../../hr/components";
import { todayInNorway } from "../../lib/dates";
import { formatDate, formatPercent, t } from "../../i18n";
import { MethodsRecordFlowQuery, RecordProcessFlowMutation } from "./documents";
import { checkSteps, draftsFrom, emptyStep, flowTotals, type StepDraft, type StepField } from "./flow";
import { formatDecimal } from "../compare/format";
import { isTypename, requiredText, SavedNotice, useFormState } from "./forms";
import type { CaseFlowStage, PanelProps, RecordRole, RecordService } from "./types";
import { useLoad } from "./use-load";

type Flow = NonNullable<NonNullable<ResultOf<typeof MethodsRecordFlowQuery>["office"]>["processFlow"]>;

export function FlowPanel({
  office,
  canRecord,
  services,
  serviceId,
  onServiceChange,
  stages,
  roles,
}: PanelProps & {
  services: RecordService[];
  serviceId: string;
  onServiceChange: (id: string) => void;
  stages: CaseFlowStage[];
  roles: RecordRole[];
}) {
  const [reloads, setReloads] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const service = services.find((candidate) => candidate.id === serviceId) ?? services[0];

  const flows = useLoad(
    (signal) =>
      service
        ? request(MethodsRecordFlowQuery, { id: office.id, serviceId: service.id }, { signal }).then((data) => data.office)
        : Promise.resolve(null),
    [office.id, service?.id, reloads],
  );

  if (!service) return <BodyShort>{t("record.flow.noServices")}</BodyShort>;
  const stageName = (key: string) => stages.find((stage) => stage.key === key)?.name ?? key;

  return (
    <VStack gap="space-32">
      <Select
        id="flow-service"
        label={t("record.flow.service")}
        value={service.id}
        onChange={(event) => {
          setNotice(null);
          onServiceChange(event.target.value);
        }}
        style={{ maxWidth: "32rem" }}
      >
        {services.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </Select>
      <SavedNotice message={notice} onClose={() => setNotice(null)} />
      {flows.status === "error" ? (
        <ErrorState title={t("record.flow.error")} error={flows.error} />
      ) : flows.status === "loading" || !flows.data ? (
        <LoadingMessage text={t("record.flow.loading")} />
      ) : (
        <>
          <CurrentFlow flow={flows.data.processFlow ?? null} serviceName={service.name} stageName={stageName} />
          <EarlierFlows flows={flows.data.processFlows.edges.map((edge) => edge.node)} />
          {canRecord && (
            <FlowForm
              key={`${service.id}-${reloads}`}
              officeId={office.id}
              service={service}
              current={flows.data.processFlow ?? null}
              stages={stages}
              roles={roles}
              onSaved={(recordedOn) => {
                setNotice(t("record.flow.saved", { service: service.name, date: formatDate(recordedOn) }));
                setReloads((n) => n + 1);
              }}
            />
          )}
        </>
      )}
    </VStack>
  );
}

function CurrentFlow({
  flow,
  serviceName,
  stageName,
}: {
  flow: Flow | null;
  serviceName: string;
  stageName: (key: string) => string;
}) {
  if (!flow) {
    return (
      <section aria-labelledby="flow-current-heading">
        <Heading id="flow-current-heading" level="3" size="medium" spacing>
          {t("record.flow.current", { service: serviceName })}
        </Heading>
        <BodyShort>{t("record.flow.none")}</BodyShort>
      </section>
    );
  }
  const totals = flowTotals(flow.steps);
  return (
    <section aria-labelledby="flow-current-heading">
      <Heading id="flow-current-heading" level="3" size="medium" spacing>
        {t("record.flow.current", { service: serviceName })}
      </Heading>
      <BodyShort spacing>
        {t("record.flow.recordedBy", { date: formatDate(flow.recordedOn), author: flow.authorName })}
      </BodyShort>
      {flow.note && <BodyShort spacing>{flow.note}</BodyShort>}
      <div className="samla-table-scroll">
        <Table size="small" data-testid="flow-current">
          <caption className="aksel-sr-only">{t("record.flow.current", { service: serviceName })}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col" align="right">
                {t("record.flow.col.order")}
              </Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("record.flow.col.step")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("record.flow.col.stage")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("record.flow.col.role")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col" align="right">
                {t("record.flow.col.duration")}
              </Table.ColumnHeader>
              <Table.ColumnHeader scope="col" align="right">
                {t("record.flow.col.waiting")}
              </Table.ColumnHeader>
              <Table.ColumnHeader scope="col" align="right">
                {t("record.flow.col.handOffs")}
              </Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {flow.steps.map((step) => (
              <Table.Row key={step.id}>
                <Table.DataCell align="right">{step.order}</Table.DataCell>
                <Table.HeaderCell scope="row">{step.name}</Table.HeaderCell>
                <Table.DataCell>{stageName(step.stageKey)}</Table.DataCell>
                <Table.DataCell>{step.responsibleRole?.name ?? "–"}</Table.DataCell>
                <Table.DataCell align="right">{formatDecimal(step.durationDays, 2)}</Table.DataCell>
                <Table.DataCell align="right">{formatDecimal(step.waitingDays, 2)}</Table.DataCell>
                <Table.DataCell align="right">{step.handOffs}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <dl className="samla-facts" style={{ marginTop: "var(--ax-space-16)" }} data-testid="flow-totals">
        <Figure label={t("record.flow.leadTime")} value={t("record.flow.days", { days: formatDecimal(totals.leadTimeDays, 2) })} />
        <Figure label={t("record.flow.waitingShare")} value={formatPercent(totals.waitingShare)} />
        <Figure label={t("record.flow.handOffs")} value={String(totals.handOffs)} />
      </dl>
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>
        <Detail textColor="subtle">{label}</Detail>
      </dt>
      <dd>
        <BodyShort weight="semibold">{value}</BodyShort>
      </dd>
    </div>
  );
}

function EarlierFlows({ flows }: { flows: Flow[] }) {
  if (flows.length < 2) return null;
  return (
    <section aria-labelledby="flow-history-heading">
      <Heading id="flow-history-heading" level="3" size="medium" spacing>
        {t("record.flow.history")}
      </Heading>
      <div className="samla-table-scroll">
        <Table size="small">
          <caption className="aksel-sr-only">{t("record.flow.history")}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("record.flow.col.recordedOn")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col" align="right">
                {t("record.flow.col.steps")}
              </Table.ColumnHeader>
              <Table.ColumnHeader scope="col" align="right">
                {t("record.flow.leadTime")}
              </Table.ColumnHeader>
              <Table.ColumnHeader scope="col" align="right">
                {t("record.flow.waitingShare")}
              </Table.ColumnHeader>
              <Table.ColumnHeader scope="col" align="right">
                {t("record.flow.handOffs")}
              </Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("record.col.author")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {flows.map((flow) => {
              const totals = flowTotals(flow.steps);
              return (
                <Table.Row key={flow.id}>
                  <Table.HeaderCell scope="row">{formatDate(flow.recordedOn)}</Table.HeaderCell>
                  <Table.DataCell align="right">{flow.steps.length}</Table.DataCell>
                  <Table.DataCell align="right">{t("record.flow.days", { days: formatDecimal(totals.leadTimeDays, 2) })}</Table.DataCell>
                  <Table.DataCell align="right">{formatPercent(totals.waitingShare)}</Table.DataCell>
                  <Table.DataCell align="right">{totals.handOffs}</Table.DataCell>
                  <Table.DataCell>{flow.authorName}</Table.DataCell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

const STEP_FIELD_IDS: Record<StepField | "stageKey" | "responsibleRoleId", string> = {
  stageKey: "stage",
  name: "name",
  responsibleRoleId: "role",
  durationDays: "duration",
  waitingDays: "waiting",
  handOffs: "handoffs",
};

const stepFieldId = (index: number, field: keyof typeof STEP_FIELD_IDS) => `flow-step-${index + 1}-${STEP_FIELD_IDS[field]}`;

function FlowForm({
  officeId,
  service,
  current,
  stages,
  roles,
  onSaved,
}: {
  officeId: string;
  service: RecordService;
  current: Flow | null;
  stages: CaseFlowStage[];
  roles: RecordRole[];
  onSaved: (recordedOn: string) => void;
}) {
  const firstStage = stages[0]?.key ?? "";
  const [recordedOn, setRecordedOn] = useState(todayInNorway());
  const [note, setNote] = useState("");
  const [steps, setSteps] = useState<StepDraft[]>(() => (current ? draftsFrom(current.steps) : [emptyStep(firstStage)]));
  const form = useFormState();

  const stepLabels = (index: number) => ({
    [stepFieldId(index, "stageKey")]: `${t("record.flow.stepN", { n: index + 1 })}: ${t("record.flow.col.stage")}`,
    [stepFieldId(index, "name")]: `${t("record.flow.stepN", { n: index + 1 })}: ${t("record.flow.stepName")}`,
    [stepFieldId(index, "responsibleRoleId")]: `${t("record.flow.stepN", { n: index + 1 })}: ${t("record.flow.col.role")}`,
    [stepFieldId(index, "durationDays")]: `${t("record.flow.stepN", { n: index + 1 })}: ${t("record.flow.col.duration")}`,
    [stepFieldId(index, "waitingDays")]: `${t("record.flow.stepN", { n: index + 1 })}: ${t("record.flow.col.waiting")}`,
    [stepFieldId(index, "handOffs")]: `${t("record.flow.stepN", { n: index + 1 })}: ${t("record.flow.col.handOffs")}`,
  });
  const labels: Record<string, string> = {
    "flow-date": t("record.flow.date"),
    "flow-note": t("record.flow.note"),
    ...Object.assign({}, ...steps.map((_, index) => stepLabels(index))),
  };

  const update = (index: number, change: Partial<StepDraft>) =>
    setSteps((all) => all.map((step, at) => (at === index ? { ...step, ...change } : step)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!recordedOn) found["flow-date"] = requiredText(labels["flow-date"]!);
    else if (recordedOn === INVALID_DATE) found["flow-date"] = t("record.form.dateInvalid");
    const checked = checkSteps(steps);
    for (const problem of checked.errors) {
      found[stepFieldId(problem.index, problem.field)] ??= {
        required: t("record.form.requiredShort"),
        number: t("record.form.numberInvalid"),
        negative: t("record.form.negative"),
        decimals: t("record.form.tooManyDecimals", { places: 2 }),
        whole: t("record.form.wholeNumber"),
      }[problem.problem];
    }
    if (steps.length === 0) found.general = t("record.flow.noSteps");
    if (!form.check(found)) return;
    const fieldForPath: Record<string, string> = { recordedOn: "flow-date", note: "flow-note", steps: "general" };
    steps.forEach((_, index) => {
      for (const field of Object.keys(STEP_FIELD_IDS) as Array<keyof typeof STEP_FIELD_IDS>) {
        fieldForPath[`steps.${index}.${field}`] = stepFieldId(index, field);
      }
    });
    const result = await form.send(
      () =>
        request(RecordProcessFlowMutation, {
          input: { officeId, serviceId: service.id, recordedOn, note: note.trim() || null, steps: checked.steps },
        }).then((data) => data.recordProcessFlow),
      isTypename("RecordProcessFlowPayload"),
      fieldForPath,
    );
    if (result) onSaved(recordedOn);
  };

  return (
    <section aria-labelledby="flow-form-heading">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <VStack gap="space-16">
          <Heading id="flow-form-heading" level="3" size="medium">
            {t("record.flow.formTitle", { service: service.name })}
          </Heading>
          <BodyShort style={{ maxWidth: "48rem" }}>
            {current ? t("record.flow.formIntroFromCurrent") : t("record.flow.formIntro")}
          </BodyShort>
          <FormErrorSummary ref={form.summaryRef} errors={form.errors} fieldLabels={labels} />
          <DateField
            id="flow-date"
            label={labels["flow-date"]!}
            defaultValue={recordedOn}
            onChange={setRecordedOn}
            error={form.errors["flow-date"]}
          />
          <Textarea
            id="flow-note"
            label={labels["flow-note"]!}
            description={t("record.optional")}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            error={form.errors["flow-note"]}
            maxLength={2000}
            minRows={2}
            style={{ maxWidth: "40rem" }}
          />
          {steps.map((step, index) => (
            <Box key={step.key} padding="space-16" borderWidth="1" borderRadius="8" borderColor="neutral-subtle">
              <Fieldset legend={t("record.flow.stepN", { n: index + 1 })} size="small">
                <HStack gap="space-16" align="start" wrap>
                  <Select
                    id={stepFieldId(index, "stageKey")}
                    label={t("record.flow.col.stage")}
                    value={step.stageKey}
                    onChange={(event) => update(index, { stageKey: event.target.value })}
                    error={form.errors[stepFieldId(index, "stageKey")]}
                    size="small"
                  >
                    {stages.map((stage) => (
                      <option key={stage.key} value={stage.key}>
                        {stage.name}
                      </option>
                    ))}
                  </Select>
                  <TextField
                    id={stepFieldId(index, "name")}
                    label={t("record.flow.stepName")}
                    value={step.name}
                    onChange={(event) => update(index, { name: event.target.value })}
                    error={form.errors[stepFieldId(index, "name")]}
                    size="small"
                    maxLength={200}
                    style={{ minWidth: "16rem" }}
                  />
                  <Select
                    id={stepFieldId(index, "responsibleRoleId")}
                    label={t("record.flow.col.role")}
                    value={step.responsibleRoleId}
                    onChange={(event) => update(index, { responsibleRoleId: event.target.value })}
                    error={form.errors[stepFieldId(index, "responsibleRoleId")]}
                    size="small"
                  >
                    <option value="">{t("record.flow.noRole")}</option>
                    {roles.map((role) => (
                      <option key={role.id} value={role.id}>
                        {role.name}
                      </option>
                    ))}
                  </Select>
                  <TextField
                    id={stepFieldId(index, "durationDays")}
                    label={t("record.flow.col.duration")}
                    inputMode="decimal"
                    value={step.durationDays}
                    onChange={(event) => update(index, { durationDays: event.target.value })}
                    error={form.errors[stepFieldId(index, "durationDays")]}
                    size="small"
                    htmlSize={8}
                  />
                  <TextField
                    id={stepFieldId(index, "waitingDays")}
                    label={t("record.flow.col.waiting")}
                    inputMode="decimal"
                    value={step.waitingDays}
                    onChange={(event) => update(index, { waitingDays: event.target.value })}
                    error={form.errors[stepFieldId(index, "waitingDays")]}
                    size="small"
                    htmlSize={8}
                  />
                  <TextField
                    id={stepFieldId(index, "handOffs")}
                    label={t("record.flow.col.handOffs")}
                    inputMode="numeric"
                    value={step.handOffs}
                    onChange={(event) => update(index, { handOffs: event.target.value })}
                    error={form.errors[stepFieldId(index, "handOffs")]}
                    size="small"
                    htmlSize={6}
                  />
                </HStack>
                <Button
                  type="button"
                  size="small"
                  variant="tertiary"
                  icon={<TrashIcon aria-hidden />}
                  onClick={() => setSteps((all) => all.filter((_, at) => at !== index))}
                  disabled={steps.length === 1}
                  style={{ marginTop: "var(--ax-space-8)" }}
                >
                  {t("record.flow.removeStep", { n: index + 1 })}
                </Button>
              </Fieldset>
            </Box>
          ))}
          <HStack gap="space-16">
            <Button
              type="button"
              variant="secondary"
              icon={<PlusIcon aria-hidden />}
              onClick={() => setSteps((all) => [...all, emptyStep(all[all.length - 1]?.stageKey ?? firstStage)])}
              disabled={steps.length >= 50}
            >
              {t("record.flow.addStep")}
            </Button>
            <Button type="submit" loading={form.busy}>
              {t("record.flow.submit")}
            </Button>
          </HStack>
        </VStack>
      </form>
    </section>
  );
}
