// "Nytt scenario": for a merger (its source offices are the as-is) or for offices the
// planner picks, starting from the as-is, another scenario or a template office (Nav
// Lillestrøm by default, the spearhead office's design).
import { HStack, Radio, RadioGroup, Textarea, TextField, VStack } from "@navikt/ds-react";
import { useNavigate } from "@remix-run/react";
import { useEffect, useState, type FormEvent } from "react";
import { request } from "../../graphql";
import { DateField, errorsFromResult, FormErrorSummary, INVALID_DATE, type FormErrors } from "../../hr/components";
import { t } from "../../i18n";
import { BaseScenarioChoicesQuery, CreateScenarioMutation, OfficeByCodeQuery } from "./documents";
import { ChoiceSelect, FormButtons } from "./fields";
import { useFormSubmission } from "./form-submission";
import { DEFAULT_TEMPLATE_OFFICE_CODE, outcomeOf, type ScenarioBaseValue } from "./model";
import { OfficePicker, type OfficeChoice } from "./OfficePicker";

interface BaseChoice {
  id: string;
  name: string;
  mergerName?: string;
}

export function CreateScenarioForm({
  merger,
  onCancel,
}: {
  /** The merger the scenario is for; without one the planner picks the offices. */
  merger?: { id: string; name: string };
  onCancel: () => void;
}) {
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [offices, setOffices] = useState<OfficeChoice[]>([]);
  const [base, setBase] = useState<ScenarioBaseValue>("AS_IS");
  const [baseScenarioId, setBaseScenarioId] = useState("");
  const [baseChoices, setBaseChoices] = useState<BaseChoice[]>([]);
  const [template, setTemplate] = useState<OfficeChoice[]>([]);
  const [asOfDate, setAsOfDate] = useState("");
  const [effectiveDate, setEffectiveDate] = useState("");
  const { errors, busy, summaryRef, submit } = useFormSubmission();

  // The spearhead office is the default template.
  useEffect(() => {
    const controller = new AbortController();
    request(OfficeByCodeQuery, { code: DEFAULT_TEMPLATE_OFFICE_CODE }, { signal: controller.signal }).then(
      (data) => {
        const office = data.officeByCode;
        if (office) setTemplate((current) => (current.length === 0 ? [office] : current));
      },
      () => undefined
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (base !== "SCENARIO") return;
    const controller = new AbortController();
    request(BaseScenarioChoicesQuery, { filter: merger ? { mergerId: merger.id } : null }, { signal: controller.signal }).then(
      (data) =>
        setBaseChoices(
          data.scenarios.edges.map(({ node }) => ({
            id: node.id,
            name: node.name,
            ...(node.merger ? { mergerName: node.merger.name } : {}),
          }))
        ),
      () => setBaseChoices([])
    );
    return () => controller.abort();
  }, [base, merger?.id]);

  const labels: Record<string, string> = {
    "scenario-name": t("scenarioEditor.create.name"),
    "scenario-description": t("scenarioEditor.create.description"),
    "scenario-offices": t("scenarioEditor.create.offices"),
    "scenario-base": t("scenarioEditor.create.base"),
    "scenario-base-scenario": t("scenarioEditor.create.baseScenario"),
    "scenario-template": t("scenarioEditor.create.template"),
    "scenario-as-of": t("scenarioEditor.create.asOfDate"),
    "scenario-effective": t("scenarioEditor.create.effectiveDate"),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = {};
    if (!name.trim())
      found["scenario-name"] = t("scenarioEditor.form.required", { field: labels["scenario-name"]!.toLowerCase() });
    if (!merger && offices.length === 0) found["scenario-offices"] = t("scenarioEditor.create.officesRequired");
    if (base === "SCENARIO" && !baseScenarioId) found["scenario-base-scenario"] = t("scenarioEditor.create.baseScenarioRequired");
    if (base === "TEMPLATE" && template.length === 0) found["scenario-template"] = t("scenarioEditor.create.templateRequired");
    if (asOfDate === INVALID_DATE) found["scenario-as-of"] = t("scenarioEditor.form.dateInvalid");
    if (effectiveDate === INVALID_DATE) found["scenario-effective"] = t("scenarioEditor.form.dateInvalid");
    void submit(found, async () => {
      const data = await request(CreateScenarioMutation, {
        input: {
          name: name.trim(),
          ...(description.trim() ? { description: description.trim() } : {}),
          ...(merger ? { mergerId: merger.id } : { officeIds: offices.map((office) => office.id) }),
          base,
          ...(base === "SCENARIO" ? { baseScenarioId } : {}),
          ...(base === "TEMPLATE" ? { templateOfficeId: template[0]!.id } : {}),
          ...(asOfDate ? { asOfDate } : {}),
          ...(effectiveDate ? { effectiveDate } : {}),
        },
      });
      const result = data.createScenario;
      if (result.__typename === "CreateScenarioPayload") return navigate(`/scenarier/${encodeURIComponent(result.scenario.id)}`);
      const outcome = outcomeOf(result);
      return outcome.ok
        ? undefined
        : errorsFromResult(outcome.error, {
            name: "scenario-name",
            description: "scenario-description",
            officeIds: "scenario-offices",
            mergerId: "scenario-offices",
            base: "scenario-base",
            baseScenarioId: "scenario-base-scenario",
            templateOfficeId: "scenario-template",
            asOfDate: "scenario-as-of",
            effectiveDate: "scenario-effective",
          });
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <VStack gap="space-16">
        <FormErrorSummary ref={summaryRef} errors={errors} fieldLabels={labels} />
        <TextField
          id="scenario-name"
          label={labels["scenario-name"]}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors["scenario-name"]}
          autoComplete="off"
        />
        <Textarea
          id="scenario-description"
          label={labels["scenario-description"]}
          description={t("scenarioEditor.form.optional")}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={errors["scenario-description"]}
          minRows={2}
        />
        {!merger && (
          <OfficePicker
            id="scenario-offices"
            label={labels["scenario-offices"]!}
            statuses={["ACTIVE"]}
            multiple
            value={offices}
            onChange={setOffices}
            error={errors["scenario-offices"]}
          />
        )}
        <RadioGroup
          id="scenario-base"
          legend={labels["scenario-base"]}
          value={base}
          onChange={(value: ScenarioBaseValue) => setBase(value)}
          error={errors["scenario-base"]}
        >
          <Radio value="AS_IS" description={t("scenarioEditor.create.base.AS_IS.description")}>
            {t("scenarioEditor.base.AS_IS")}
          </Radio>
          <Radio value="SCENARIO" description={t("scenarioEditor.create.base.SCENARIO.description")}>
            {t("scenarioEditor.base.SCENARIO")}
          </Radio>
          <Radio value="TEMPLATE" description={t("scenarioEditor.create.base.TEMPLATE.description")}>
            {t("scenarioEditor.base.TEMPLATE")}
          </Radio>
        </RadioGroup>
        {base === "SCENARIO" && (
          <ChoiceSelect
            id="scenario-base-scenario"
            label={labels["scenario-base-scenario"]!}
            choices={baseChoices.map((choice) => ({
              id: choice.id,
              label: choice.mergerName && !merger ? `${choice.name} (${choice.mergerName})` : choice.name,
            }))}
            value={baseScenarioId}
            onChange={setBaseScenarioId}
            error={errors["scenario-base-scenario"]}
            emptyText={t("scenarioEditor.form.choose")}
          />
        )}
        {base === "TEMPLATE" && (
          <OfficePicker
            id="scenario-template"
            label={labels["scenario-template"]!}
            description={t("scenarioEditor.create.templateDescription")}
            statuses={["ACTIVE"]}
            value={template}
            onChange={setTemplate}
            error={errors["scenario-template"]}
          />
        )}
        <HStack gap="space-16" align="start" wrap>
          <DateField
            id="scenario-as-of"
            label={labels["scenario-as-of"]!}
            description={t("scenarioEditor.create.asOfDate.description")}
            onChange={setAsOfDate}
            error={errors["scenario-as-of"]}
          />
          <DateField
            id="scenario-effective"
            label={labels["scenario-effective"]!}
            description={t("scenarioEditor.create.effectiveDate.description")}
            onChange={setEffectiveDate}
            error={errors["scenario-effective"]}
          />
        </HStack>
        <FormButtons submitText={t("scenarioEditor.create.submit")} busy={busy} onCancel={onCancel} />
      </VStack>
    </form>
  );
}
