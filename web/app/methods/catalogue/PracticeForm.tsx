// Create or change a practice. A new name, description or level texts make a new version
// in the API; assessments made before keep the version they were made against.
import { BodyLong, Fieldset, HStack, Select, Textarea, TextField, VStack } from "@navikt/ds-react";
import { useState, type FormEvent } from "react";
import { request, type ResultOf } from "../../graphql";
import { FormErrorSummary } from "../../hr/components";
import { t } from "../../i18n";
import { themeName } from "../record/MaturityPanel";
import { FormButtons, isTypename, requiredText, useFormState } from "../record/forms";
import { CataloguePracticesQuery, CreatePracticeMutation, UpdatePracticeMutation } from "./documents";

export type CataloguePractice = ResultOf<typeof CataloguePracticesQuery>["practices"][number];

export const PRACTICE_THEMES = [
  "USER_INSIGHT",
  "CASE_FLOW",
  "CULTURE",
  "LEADERSHIP",
  "EMPLOYEE_EMPOWERMENT",
  "DIGITAL_TOOLS",
] as const;
type Theme = (typeof PRACTICE_THEMES)[number];

const LEVELS = [0, 1, 2, 3, 4] as const;

const FIELD_FOR_PATH: Record<string, string> = {
  code: "practice-code",
  theme: "practice-theme",
  sortOrder: "practice-sort",
  name: "practice-name",
  description: "practice-description",
  levels: "practice-level-0",
  ...Object.fromEntries(LEVELS.map((level) => [`levels.${level}`, `practice-level-${level}`])),
};

export function PracticeForm({
  practice,
  onSaved,
  onConflict,
  onCancel,
}: {
  /** The practice to change (with its latest version number), or null for a new one. */
  practice: CataloguePractice | null;
  onSaved: (message: string) => void;
  /** A stale version: the caller reloads, so the next save is checked against the new one. */
  onConflict: () => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState(practice?.code ?? "");
  const [theme, setTheme] = useState<Theme>((practice?.theme as Theme | undefined) ?? "USER_INSIGHT");
  const [sortOrder, setSortOrder] = useState(practice ? String(practice.sortOrder) : "");
  const [name, setName] = useState(practice?.name ?? "");
  const [description, setDescription] = useState(practice?.description ?? "");
  const [levels, setLevels] = useState<string[]>(practice ? [...practice.levels] : ["", "", "", "", ""]);
  const form = useFormState();
  const labels: Record<string, string> = {
    "practice-code": t("catalogue.practice.code"),
    "practice-theme": t("catalogue.practice.theme"),
    "practice-sort": t("catalogue.sortOrder"),
    "practice-name": t("catalogue.practice.name"),
    "practice-description": t("catalogue.practice.description"),
    ...Object.fromEntries(LEVELS.map((level) => [`practice-level-${level}`, t("catalogue.practice.level", { level })])),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = { "practice-code": code, "practice-name": name, "practice-description": description };
    for (const [field, value] of Object.entries(required)) if (!value.trim()) found[field] = requiredText(labels[field]!);
    LEVELS.forEach((level) => {
      if (!levels[level]?.trim()) found[`practice-level-${level}`] = t("record.form.requiredShort");
    });
    const order = sortOrder.trim() === "" ? null : Number(sortOrder.trim());
    if (order !== null && (!Number.isInteger(order) || order < 0)) found["practice-sort"] = t("catalogue.sortOrderInvalid");
    if (!form.check(found)) return;
    const fields = { code, theme, name, description, levels, ...(order !== null ? { sortOrder: order } : {}) };
    if (practice) {
      const result = await form.send(
        () =>
          request(UpdatePracticeMutation, { input: { id: practice.id, version: practice.version, ...fields } }).then(
            (data) => data.updatePractice,
          ),
        isTypename("UpdatePracticePayload"),
        FIELD_FOR_PATH,
        (failed) => {
          if (failed.__typename === "ConflictError") onConflict();
        },
      );
      if (result) {
        const saved = result.practice;
        onSaved(
          saved.currentVersion > practice.currentVersion
            ? t("catalogue.practice.savedNewVersion", { name: saved.name, version: saved.currentVersion })
            : t("catalogue.practice.saved", { name: saved.name }),
        );
      }
    } else {
      const result = await form.send(
        () => request(CreatePracticeMutation, { input: fields }).then((data) => data.createPractice),
        isTypename("CreatePracticePayload"),
        FIELD_FOR_PATH,
      );
      if (result) onSaved(t("catalogue.practice.created", { name: result.practice.name }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <VStack gap="space-16">
        {practice && <BodyLong>{t("catalogue.practice.versionNote", { version: practice.currentVersion })}</BodyLong>}
        <FormErrorSummary ref={form.summaryRef} errors={form.errors} fieldLabels={labels} />
        <HStack gap="space-16" align="start" wrap>
          <TextField
            id="practice-code"
            label={labels["practice-code"]}
            description={t("catalogue.codeHint")}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={form.errors["practice-code"]}
            maxLength={40}
            autoComplete="off"
          />
          <Select
            id="practice-theme"
            label={labels["practice-theme"]}
            value={theme}
            onChange={(event) => setTheme(event.target.value as Theme)}
            error={form.errors["practice-theme"]}
          >
            {PRACTICE_THEMES.map((value) => (
              <option key={value} value={value}>
                {themeName(value)}
              </option>
            ))}
          </Select>
          <TextField
            id="practice-sort"
            label={labels["practice-sort"]}
            description={t("catalogue.sortOrderHint")}
            inputMode="numeric"
            value={sortOrder}
            onChange={(event) => setSortOrder(event.target.value)}
            error={form.errors["practice-sort"]}
            htmlSize={6}
          />
        </HStack>
        <TextField
          id="practice-name"
          label={labels["practice-name"]}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.errors["practice-name"]}
          maxLength={200}
        />
        <Textarea
          id="practice-description"
          label={labels["practice-description"]}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={form.errors["practice-description"]}
          maxLength={4000}
          minRows={3}
        />
        <Fieldset legend={t("catalogue.practice.levels")} description={t("catalogue.practice.levelsHint")}>
          {LEVELS.map((level) => (
            <Textarea
              key={level}
              id={`practice-level-${level}`}
              label={labels[`practice-level-${level}`]}
              value={levels[level] ?? ""}
              onChange={(event) =>
                setLevels((all) => all.map((text, at) => (at === level ? event.target.value : text)))
              }
              error={form.errors[`practice-level-${level}`]}
              maxLength={1000}
              minRows={2}
            />
          ))}
        </Fieldset>
        <FormButtons submitText={practice ? t("catalogue.practice.save") : t("catalogue.practice.create")} busy={form.busy} onCancel={onCancel} />
      </VStack>
    </form>
  );
}
