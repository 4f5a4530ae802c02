// Form fields and small pieces the merger and scenario screens share.
import { BodyShort, Button, Checkbox, CheckboxGroup, HStack, Label, Select, TextField } from "@navikt/ds-react";
import type { ReactNode } from "react";
import { t } from "../../i18n";

export interface Choice {
  id: string;
  label: string;
}

/** A Select of choices, with an optional empty choice first. */
export function ChoiceSelect({
  id,
  label,
  choices,
  value,
  onChange,
  error,
  emptyText,
}: {
  id: string;
  label: string;
  choices: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** The empty choice's text; without it there is no empty choice. */
  emptyText?: string;
}) {
  return (
    <Select id={id} label={label} value={value} onChange={(event) => onChange(event.target.value)} error={error}>
      {emptyText !== undefined && <option value="">{emptyText}</option>}
      {choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.label}
        </option>
      ))}
    </Select>
  );
}

/** The services a team delivers, as checkboxes (the catalogue is short). */
export function ServiceChoices({
  id,
  services,
  value,
  onChange,
  error,
}: {
  id: string;
  services: ReadonlyArray<{ id: string; name: string }>;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  return (
    <CheckboxGroup id={id} legend={t("scenarioEditor.team.services")} value={value} onChange={onChange} error={error}>
      {services.map((service) => (
        <Checkbox key={service.id} value={service.id}>
          {service.name}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}

/** FTE as a whole percentage (1-100). */
export function FteField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <TextField
      id={id}
      label={t("scenarioEditor.position.fte")}
      description={t("scenarioEditor.form.fteDescription")}
      inputMode="numeric"
      htmlSize={6}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    />
  );
}

/** Submit and cancel, side by side. */
export function FormButtons({
  submitText,
  busy,
  onCancel,
  danger = false,
}: {
  submitText: string;
  busy: boolean;
  onCancel: () => void;
  danger?: boolean;
}) {
  return (
    <HStack gap="space-16">
      <Button type="submit" loading={busy} variant={danger ? "danger" : "primary"}>
        {submitText}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
        {t("scenarioEditor.form.cancel")}
      </Button>
    </HStack>
  );
}

/** One fact in a `<dl className="samla-facts">`. */
export function Fact({ label, children, size = "medium" }: { label: string; children: ReactNode; size?: "small" | "medium" }) {
  return (
    <div>
      <dt>
        <Label as="span" size={size}>
          {label}
        </Label>
      </dt>
      <dd>
        <BodyShort as="div" size={size}>
          {children}
        </BodyShort>
      </dd>
    </div>
  );
}
