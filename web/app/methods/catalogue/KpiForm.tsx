// Create or change a KPI in the catalogue: unit, which direction is good, and the target.
import { HStack, Radio, RadioGroup, Textarea, TextField, VStack } from "@navikt/ds-react";
import { useState, type FormEvent } from "react";
import { request, type ResultOf } from "../../graphql";
import { FormErrorSummary } from "../../hr/components";
import { t } from "../../i18n";
import { decimalForInput, decimalPlaces, parseDecimal } from "../record/format";
import { FormButtons, isTypename, requiredText, useFormState } from "../record/forms";
import { CatalogueKpisQuery, CreateKpiMutation, UpdateKpiMutation } from "./documents";

export type CatalogueKpi = ResultOf<typeof CatalogueKpisQuery>["kpis"][number];
type Direction = CatalogueKpi["direction"];

const FIELD_FOR_PATH: Record<string, string> = {
  code: "kpi-code",
  name: "kpi-name",
  unit: "kpi-unit",
  direction: "kpi-direction",
  target: "kpi-target",
  description: "kpi-description",
  sortOrder: "kpi-sort",
};

export function KpiForm({
  kpi,
  onSaved,
  onConflict,
  onCancel,
}: {
  kpi: CatalogueKpi | null;
  onSaved: (message: string) => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState(kpi?.code ?? "");
  const [name, setName] = useState(kpi?.name ?? "");
  const [unit, setUnit] = useState(kpi?.unit ?? "");
  const [direction, setDirection] = useState<Direction>(kpi?.direction ?? "HIGHER_IS_BETTER");
  const [target, setTarget] = useState(kpi?.target != null ? decimalForInput(kpi.target) : "");
  const [description, setDescription] = useState(kpi?.description ?? "");
  const [sortOrder, setSortOrder] = useState(kpi ? String(kpi.sortOrder) : "");
  const form = useFormState();
  const labels: Record<string, string> = {
    "kpi-code": t("catalogue.kpi.code"),
    "kpi-name": t("catalogue.kpi.name"),
    "kpi-unit": t("catalogue.kpi.unit"),
    "kpi-direction": t("catalogue.kpi.direction"),
    "kpi-target": t("catalogue.kpi.target"),
    "kpi-description": t("catalogue.kpi.description"),
    "kpi-sort": t("catalogue.sortOrder"),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = { "kpi-code": code, "kpi-name": name, "kpi-unit": unit };
    for (const [field, value] of Object.entries(required)) if (!value.trim()) found[field] = requiredText(labels[field]!);
    const targetValue = target.trim() === "" ? null : parseDecimal(target);
    if (target.trim() !== "" && targetValue === null) found["kpi-target"] = t("record.form.numberInvalid");
    else if (decimalPlaces(target) > 3) found["kpi-target"] = t("record.form.tooManyDecimals", { places: 3 });
    const order = sortOrder.trim() === "" ? null : Number(sortOrder.trim());
    if (order !== null && (!Number.isInteger(order) || order < 0)) found["kpi-sort"] = t("catalogue.sortOrderInvalid");
    if (!form.check(found)) return;
    const fields = {
      code,
      name,
      unit,
      direction,
      // An emptied target field removes the target.
      target: targetValue,
      description: description.trim() || null,
      ...(order !== null ? { sortOrder: order } : {}),
    };
    if (kpi) {
      const result = await form.send(
        () => request(UpdateKpiMutation, { input: { id: kpi.id, version: kpi.version, ...fields } }).then((data) => data.updateKpi),
        isTypename("UpdateKpiPayload"),
        FIELD_FOR_PATH,
        (failed) => {
          if (failed.__typename === "ConflictError") onConflict();
        },
      );
      if (result) onSaved(t("catalogue.kpi.saved", { name: result.kpi.name }));
    } else {
      const result = await form.send(
        () => request(CreateKpiMutation, { input: fields }).then((data) => data.createKpi),
        isTypename("CreateKpiPayload"),
        FIELD_FOR_PATH,
      );
      if (result) onSaved(t("catalogue.kpi.created", { name: result.kpi.name }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <VStack gap="space-16">
        <FormErrorSummary ref={form.summaryRef} errors={form.errors} fieldLabels={labels} />
        <HStack gap="space-16" align="start" wrap>
          <TextField
            id="kpi-code"
            label={labels["kpi-code"]}
            description={t("catalogue.codeHint")}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={form.errors["kpi-code"]}
            maxLength={40}
            autoComplete="off"
          />
          <TextField
            id="kpi-sort"
            label={labels["kpi-sort"]}
            description={t("catalogue.sortOrderHint")}
            inputMode="numeric"
            value={sortOrder}
            onChange={(event) => setSortOrder(event.target.value)}
            error={form.errors["kpi-sort"]}
            htmlSize={6}
          />
        </HStack>
        <TextField
          id="kpi-name"
          label={labels["kpi-name"]}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.errors["kpi-name"]}
          maxLength={200}
        />
        <HStack gap="space-16" align="start" wrap>
          <TextField
            id="kpi-unit"
            label={labels["kpi-unit"]}
            description={t("catalogue.kpi.unitHint")}
            value={unit}
            onChange={(event) => setUnit(event.target.value)}
            error={form.errors["kpi-unit"]}
            htmlSize={10}
          />
          <TextField
            id="kpi-target"
            label={labels["kpi-target"]}
            description={t("catalogue.kpi.targetHint")}
            inputMode="decimal"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            error={form.errors["kpi-target"]}
            htmlSize={10}
          />
        </HStack>
        <RadioGroup
          id="kpi-direction"
          legend={labels["kpi-direction"]}
          value={direction}
          onChange={(value: Direction) => setDirection(value)}
          error={form.errors["kpi-direction"]}
        >
          <Radio value="HIGHER_IS_BETTER">{t("record.kpi.direction.HIGHER_IS_BETTER")}</Radio>
          <Radio value="LOWER_IS_BETTER">{t("record.kpi.direction.LOWER_IS_BETTER")}</Radio>
        </RadioGroup>
        <Textarea
          id="kpi-description"
          label={labels["kpi-description"]}
          description={t("record.optional")}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={form.errors["kpi-description"]}
          maxLength={2000}
          minRows={2}
        />
        <FormButtons submitText={kpi ? t("catalogue.kpi.save") : t("catalogue.kpi.create")} busy={form.busy} onCancel={onCancel} />
      </VStack>
    </form>
  );
}
