// Edits of the scenario itself (name, description, effective date) and the review steps:
// submit, approve, send back with a comment, archive.
import { BodyLong, Textarea, TextField } from "@navikt/ds-react";
import { useState } from "react";
import { request } from "../../graphql";
import { DateField, INVALID_DATE, type FormErrors } from "../../hr/components";
import { t } from "../../i18n";
import {
  ApproveScenarioMutation,
  ArchiveScenarioMutation,
  ReturnScenarioMutation,
  SubmitScenarioMutation,
  UpdateScenarioMutation,
} from "./documents";
import { EditForm } from "./EditForm";
import type { EditorScenario } from "./types";

export function UpdateScenarioForm({ scenario }: { scenario: EditorScenario }) {
  const [name, setName] = useState(scenario.name);
  const [description, setDescription] = useState(scenario.description ?? "");
  const [effectiveDate, setEffectiveDate] = useState(scenario.effectiveDate);
  const labels = {
    "edit-name": t("scenarioEditor.create.name"),
    "edit-description": t("scenarioEditor.create.description"),
    "edit-effective": t("scenarioEditor.create.effectiveDate"),
  };
  return (
    <EditForm
      submitText={t("scenarioEditor.update.submit")}
      doneMessage={t("scenarioEditor.update.done")}
      fieldLabels={labels}
      fieldForPath={{ name: "edit-name", description: "edit-description", effectiveDate: "edit-effective" }}
      validate={() => {
        const errors: FormErrors = {};
        if (!name.trim()) errors["edit-name"] = t("scenarioEditor.form.required", { field: labels["edit-name"].toLowerCase() });
        if (!effectiveDate)
          errors["edit-effective"] = t("scenarioEditor.form.required", { field: labels["edit-effective"].toLowerCase() });
        else if (effectiveDate === INVALID_DATE) errors["edit-effective"] = t("scenarioEditor.form.dateInvalid");
        return errors;
      }}
      send={(version) =>
        request(UpdateScenarioMutation, {
          input: { id: scenario.id, version, name: name.trim(), description: description.trim() || null, effectiveDate },
        }).then((data) => data.updateScenario)
      }
    >
      {(errors) => (
        <>
          <TextField
            id="edit-name"
            label={labels["edit-name"]}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={errors["edit-name"]}
            autoComplete="off"
          />
          <Textarea
            id="edit-description"
            label={labels["edit-description"]}
            description={t("scenarioEditor.form.optional")}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            error={errors["edit-description"]}
            minRows={2}
          />
          <DateField
            id="edit-effective"
            label={labels["edit-effective"]}
            defaultValue={scenario.effectiveDate}
            onChange={setEffectiveDate}
            error={errors["edit-effective"]}
          />
        </>
      )}
    </EditForm>
  );
}

function CommentField({
  id,
  value,
  onChange,
  error,
  optional,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  optional: boolean;
}) {
  return (
    <Textarea
      id={id}
      label={t("scenarioEditor.review.comment")}
      description={optional ? t("scenarioEditor.form.optional") : undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      minRows={3}
    />
  );
}

export function SubmitScenarioForm({ scenario }: { scenario: EditorScenario }) {
  const [comment, setComment] = useState("");
  return (
    <EditForm
      submitText={t("scenarioEditor.review.submit")}
      doneMessage={t("scenarioEditor.review.submitted")}
      intro={<BodyLong>{t("scenarioEditor.review.submit.intro")}</BodyLong>}
      fieldLabels={{ "submit-comment": t("scenarioEditor.review.comment") }}
      fieldForPath={{ comment: "submit-comment" }}
      send={(version) =>
        request(SubmitScenarioMutation, {
          input: { id: scenario.id, version, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        }).then((data) => data.submitScenario)
      }
    >
      {(errors) => (
        <CommentField id="submit-comment" value={comment} onChange={setComment} error={errors["submit-comment"]} optional />
      )}
    </EditForm>
  );
}

export function ApproveScenarioForm({ scenario }: { scenario: EditorScenario }) {
  const [comment, setComment] = useState("");
  return (
    <EditForm
      submitText={t("scenarioEditor.review.approve")}
      doneMessage={t("scenarioEditor.review.approved")}
      intro={<BodyLong>{t("scenarioEditor.review.approve.intro")}</BodyLong>}
      fieldLabels={{ "approve-comment": t("scenarioEditor.review.comment") }}
      fieldForPath={{ comment: "approve-comment" }}
      send={(version) =>
        request(ApproveScenarioMutation, {
          input: { id: scenario.id, version, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        }).then((data) => data.approveScenario)
      }
    >
      {(errors) => (
        <CommentField id="approve-comment" value={comment} onChange={setComment} error={errors["approve-comment"]} optional />
      )}
    </EditForm>
  );
}

export function ReturnScenarioForm({ scenario }: { scenario: EditorScenario }) {
  const [comment, setComment] = useState("");
  return (
    <EditForm
      submitText={t("scenarioEditor.review.return")}
      doneMessage={t("scenarioEditor.review.returned")}
      intro={<BodyLong>{t("scenarioEditor.review.return.intro")}</BodyLong>}
      fieldLabels={{ "return-comment": t("scenarioEditor.review.comment") }}
      fieldForPath={{ comment: "return-comment" }}
      validate={(): FormErrors => (comment.trim() ? {} : { "return-comment": t("scenarioEditor.review.commentRequired") })}
      send={(version) =>
        request(ReturnScenarioMutation, { input: { id: scenario.id, version, comment: comment.trim() } }).then(
          (data) => data.returnScenario
        )
      }
    >
      {(errors) => (
        <CommentField
          id="return-comment"
          value={comment}
          onChange={setComment}
          error={errors["return-comment"]}
          optional={false}
        />
      )}
    </EditForm>
  );
}

export function ArchiveScenarioForm({ scenario }: { scenario: EditorScenario }) {
  return (
    <EditForm
      submitText={t("scenarioEditor.review.archive")}
      doneMessage={t("scenarioEditor.review.archived")}
      danger
      intro={<BodyLong>{t("scenarioEditor.review.archive.intro", { name: scenario.name })}</BodyLong>}
      send={(version) =>
        request(ArchiveScenarioMutation, { input: { id: scenario.id, version } }).then((data) => data.archiveScenario)
      }
    />
  );
}
