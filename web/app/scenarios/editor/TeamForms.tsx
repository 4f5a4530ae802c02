// The edits on a to-be team: add, rename, move, split, merge into another, close, and set
// the services it delivers. Each is one form in the editor's dialog.
import { BodyLong, Checkbox, CheckboxGroup, Radio, RadioGroup, Textarea, TextField } from "@navikt/ds-react";
import { useState } from "react";
import { request } from "../../graphql";
import type { FormErrors } from "../../hr/components";
import { formatPercent, t } from "../../i18n";
import {
  AddScenarioTeamMutation,
  CloseScenarioTeamMutation,
  MergeScenarioTeamsMutation,
  MoveScenarioTeamMutation,
  SetScenarioTeamServicesMutation,
  SplitScenarioTeamMutation,
  UpdateScenarioTeamMutation,
} from "./documents";
import {
  EditForm,
  NO_TIMING,
  TimingFields,
  timingInput,
  timingLabels,
  timingPaths,
  validateTiming,
  type Timing,
} from "./EditForm";
import { ChoiceSelect, ServiceChoices } from "./fields";
import { isOpen, positionLabel, teamAndDescendants, teamChoices } from "./model";
import type { Catalogues, EditorScenario, EditorTeam } from "./types";

const required = (errors: FormErrors, id: string, value: string, label: string) => {
  if (!value.trim()) errors[id] = t("scenarioEditor.form.required", { field: label.toLowerCase() });
};

/** A team's name and (optional) purpose, with ids `${idPrefix}name` and `${idPrefix}purpose`. */
function NamePurposeFields({
  idPrefix,
  name,
  purpose,
  onName,
  onPurpose,
  errors,
}: {
  idPrefix: string;
  name: string;
  purpose: string;
  onName: (value: string) => void;
  onPurpose: (value: string) => void;
  errors: FormErrors;
}) {
  return (
    <>
      <TextField
        id={`${idPrefix}name`}
        label={t("scenarioEditor.team.name")}
        value={name}
        onChange={(event) => onName(event.target.value)}
        error={errors[`${idPrefix}name`]}
        autoComplete="off"
      />
      <Textarea
        id={`${idPrefix}purpose`}
        label={t("scenarioEditor.team.purpose")}
        description={t("scenarioEditor.form.optional")}
        value={purpose}
        onChange={(event) => onPurpose(event.target.value)}
        error={errors[`${idPrefix}purpose`]}
        minRows={2}
      />
    </>
  );
}

export function AddTeamForm({
  scenario,
  catalogues,
  parentId: initialParentId = "",
}: {
  scenario: EditorScenario;
  catalogues: Catalogues;
  parentId?: string;
}) {
  const [name, setName] = useState("");
  const [purpose, setPurpose] = useState("");
  const [parentId, setParentId] = useState(initialParentId);
  // A merger's to-be teams all belong to its target office (the API sets it); a scenario
  // of several offices without a merger says where a new team goes.
  const [officeId, setOfficeId] = useState(scenario.offices[0]?.id ?? "");
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [timing, setTiming] = useState<Timing>(NO_TIMING);
  const labels = {
    "team-name": t("scenarioEditor.team.name"),
    "team-purpose": t("scenarioEditor.team.purpose"),
    "team-parent": t("scenarioEditor.team.parent"),
    "team-office": t("scenarioEditor.team.office"),
    "team-services": t("scenarioEditor.team.services"),
    ...timingLabels("team-"),
  };
  const chooseOffice = !scenario.merger && scenario.offices.length > 1;

  return (
    <EditForm
      submitText={t("scenarioEditor.addTeam.submit")}
      doneMessage={t("scenarioEditor.addTeam.done", { name: name.trim() })}
      fieldLabels={labels}
      fieldForPath={{
        name: "team-name",
        purpose: "team-purpose",
        parentId: "team-parent",
        officeId: "team-office",
        serviceIds: "team-services",
        ...timingPaths("team-"),
      }}
      validate={() => {
        const errors: FormErrors = {};
        required(errors, "team-name", name, labels["team-name"]);
        validateTiming("team-", timing, errors);
        return errors;
      }}
      send={(version) =>
        request(AddScenarioTeamMutation, {
          input: {
            scenarioId: scenario.id,
            version,
            name: name.trim(),
            ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
            parentId: parentId || null,
            ...(chooseOffice && officeId ? { officeId } : {}),
            serviceIds,
            ...timingInput(timing),
          },
        }).then((data) => data.addScenarioTeam)
      }
    >
      {(errors) => (
        <>
          <NamePurposeFields
            idPrefix="team-"
            name={name}
            purpose={purpose}
            onName={setName}
            onPurpose={setPurpose}
            errors={errors}
          />
          <ChoiceSelect
            id="team-parent"
            label={labels["team-parent"]}
            choices={teamChoices(scenario.teams)}
            value={parentId}
            onChange={setParentId}
            error={errors["team-parent"]}
            emptyText={t("scenarioEditor.team.topLevel")}
          />
          {chooseOffice && (
            <ChoiceSelect
              id="team-office"
              label={labels["team-office"]}
              choices={scenario.offices.map((office) => ({ id: office.id, label: `${office.name} (${office.code})` }))}
              value={officeId}
              onChange={setOfficeId}
              error={errors["team-office"]}
            />
          )}
          <ServiceChoices
            id="team-services"
            services={catalogues.services}
            value={serviceIds}
            onChange={setServiceIds}
            error={errors["team-services"]}
          />
          <TimingFields idPrefix="team-" value={timing} onChange={setTiming} errors={errors} />
        </>
      )}
    </EditForm>
  );
}

export function RenameTeamForm({ scenario, team }: { scenario: EditorScenario; team: EditorTeam }) {
  const [name, setName] = useState(team.name);
  const [purpose, setPurpose] = useState(team.purpose ?? "");
  const [timing, setTiming] = useState<Timing>(NO_TIMING);
  const labels = {
    "rename-name": t("scenarioEditor.team.name"),
    "rename-purpose": t("scenarioEditor.team.purpose"),
    ...timingLabels("rename-"),
  };
  // Only what changed is sent, so the change log says what was done.
  const changes = {
    ...(name.trim() !== team.name ? { name: name.trim() } : {}),
    ...(purpose.trim() !== (team.purpose ?? "") ? { purpose: purpose.trim() || null } : {}),
  };
  return (
    <EditForm
      submitText={t("scenarioEditor.renameTeam.submit")}
      doneMessage={t("scenarioEditor.renameTeam.done", { name: name.trim() })}
      fieldLabels={labels}
      fieldForPath={{ name: "rename-name", purpose: "rename-purpose", ...timingPaths("rename-") }}
      validate={() => {
        const errors: FormErrors = {};
        required(errors, "rename-name", name, labels["rename-name"]);
        if (!errors["rename-name"] && Object.keys(changes).length === 0 && Object.keys(timingInput(timing)).length === 0) {
          errors.general = t("scenarioEditor.form.nothingChanged");
        }
        validateTiming("rename-", timing, errors);
        return errors;
      }}
      send={(version) =>
        request(UpdateScenarioTeamMutation, {
          input: { scenarioId: scenario.id, version, teamId: team.id, ...changes, ...timingInput(timing) },
        }).then((data) => data.updateScenarioTeam)
      }
    >
      {(errors) => (
        <>
          <NamePurposeFields
            idPrefix="rename-"
            name={name}
            purpose={purpose}
            onName={setName}
            onPurpose={setPurpose}
            errors={errors}
          />
          <TimingFields idPrefix="rename-" value={timing} onChange={setTiming} errors={errors} />
        </>
      )}
    </EditForm>
  );
}

export function MoveTeamForm({ scenario, team }: { scenario: EditorScenario; team: EditorTeam }) {
  const [parentId, setParentId] = useState(team.parent?.id ?? "");
  const [timing, setTiming] = useState<Timing>(NO_TIMING);
  const choices = teamChoices(scenario.teams, teamAndDescendants(scenario.teams, team.id));
  const labels = { "move-parent": t("scenarioEditor.moveTeam.parent"), ...timingLabels("move-") };
  const target = choices.find((choice) => choice.id === parentId)?.label ?? t("scenarioEditor.team.topLevel");
  return (
    <EditForm
      submitText={t("scenarioEditor.moveTeam.submit")}
      doneMessage={t("scenarioEditor.moveTeam.done", { name: team.name, parent: target })}
      intro={<BodyLong>{t("scenarioEditor.moveTeam.intro", { name: team.name })}</BodyLong>}
      fieldLabels={labels}
      fieldForPath={{ parentId: "move-parent", ...timingPaths("move-") }}
      validate={() => {
        const errors: FormErrors = {};
        if (parentId === (team.parent?.id ?? "")) errors["move-parent"] = t("scenarioEditor.moveTeam.same");
        validateTiming("move-", timing, errors);
        return errors;
      }}
      send={(version) =>
        request(MoveScenarioTeamMutation, {
          input: { scenarioId: scenario.id, version, teamId: team.id, parentId: parentId || null, ...timingInput(timing) },
        }).then((data) => data.moveScenarioTeam)
      }
    >
      {(errors) => (
        <>
          <ChoiceSelect
            id="move-parent"
            label={labels["move-parent"]}
            choices={choices}
            value={parentId}
            onChange={setParentId}
            error={errors["move-parent"]}
            emptyText={t("scenarioEditor.team.topLevel")}
          />
          <TimingFields idPrefix="move-" value={timing} onChange={setTiming} errors={errors} />
        </>
      )}
    </EditForm>
  );
}

export function SplitTeamForm({ scenario, team }: { scenario: EditorScenario; team: EditorTeam }) {
  const [newTeamName, setNewTeamName] = useState("");
  const [positionIds, setPositionIds] = useState<string[]>([]);
  const [timing, setTiming] = useState<Timing>(NO_TIMING);
  const open = team.positions.filter(isOpen);
  const labels = {
    "split-name": t("scenarioEditor.splitTeam.name"),
    "split-positions": t("scenarioEditor.splitTeam.positions"),
    ...timingLabels("split-"),
  };
  return (
    <EditForm
      submitText={t("scenarioEditor.splitTeam.submit")}
      doneMessage={t("scenarioEditor.splitTeam.done", { name: newTeamName.trim(), count: positionIds.length })}
      intro={<BodyLong>{t("scenarioEditor.splitTeam.intro", { name: team.name })}</BodyLong>}
      fieldLabels={labels}
      fieldForPath={{ newTeamName: "split-name", positionIds: "split-positions", ...timingPaths("split-") }}
      validate={() => {
        const errors: FormErrors = {};
        required(errors, "split-name", newTeamName, labels["split-name"]);
        if (positionIds.length === 0) errors["split-positions"] = t("scenarioEditor.splitTeam.choose");
        validateTiming("split-", timing, errors);
        return errors;
      }}
      send={(version) =>
        request(SplitScenarioTeamMutation, {
          input: {
            scenarioId: scenario.id,
            version,
            teamId: team.id,
            newTeamName: newTeamName.trim(),
            positionIds,
            ...timingInput(timing),
          },
        }).then((data) => data.splitScenarioTeam)
      }
    >
      {(errors) => (
        <>
          <TextField
            id="split-name"
            error={errors["split-name"]}
            label={labels["split-name"]}
            value={newTeamName}
            onChange={(event) => setNewTeamName(event.target.value)}
            autoComplete="off"
          />
          <CheckboxGroup
            id="split-positions"
            error={errors["split-positions"]}
            legend={labels["split-positions"]}
            value={positionIds}
            onChange={setPositionIds}
          >
            {open.map((position) => (
              <Checkbox key={position.id} value={position.id}>
                {positionLabel(position, t("scenarioEditor.position.vacant"))} ({formatPercent(position.fte)})
              </Checkbox>
            ))}
          </CheckboxGroup>
          <TimingFields idPrefix="split-" value={timing} onChange={setTiming} errors={errors} />
        </>
      )}
    </EditForm>
  );
}

export function MergeTeamForm({ scenario, team }: { scenario: EditorScenario; team: EditorTeam }) {
  const [intoTeamId, setIntoTeamId] = useState("");
  const [timing, setTiming] = useState<Timing>(NO_TIMING);
  const choices = teamChoices(scenario.teams, new Set([team.id]));
  const labels = { "merge-into": t("scenarioEditor.mergeTeam.into"), ...timingLabels("merge-") };
  const into = choices.find((choice) => choice.id === intoTeamId)?.label ?? "";
  return (
    <EditForm
      submitText={t("scenarioEditor.mergeTeam.submit")}
      doneMessage={t("scenarioEditor.mergeTeam.done", { name: team.name, into })}
      intro={<BodyLong>{t("scenarioEditor.mergeTeam.intro", { name: team.name })}</BodyLong>}
      fieldLabels={labels}
      fieldForPath={{ intoTeamId: "merge-into", teamIds: "merge-into", ...timingPaths("merge-") }}
      validate={() => {
        const errors: FormErrors = {};
        if (!intoTeamId) errors["merge-into"] = t("scenarioEditor.form.required", { field: labels["merge-into"].toLowerCase() });
        validateTiming("merge-", timing, errors);
        return errors;
      }}
      send={(version) =>
        request(MergeScenarioTeamsMutation, {
          input: { scenarioId: scenario.id, version, teamIds: [team.id], intoTeamId, ...timingInput(timing) },
        }).then((data) => data.mergeScenarioTeams)
      }
    >
      {(errors) => (
        <>
          <ChoiceSelect
            id="merge-into"
            label={labels["merge-into"]}
            choices={choices}
            value={intoTeamId}
            onChange={setIntoTeamId}
            error={errors["merge-into"]}
            emptyText={t("scenarioEditor.form.choose")}
          />
          <TimingFields idPrefix="merge-" value={timing} onChange={setTiming} errors={errors} />
        </>
      )}
    </EditForm>
  );
}

export function CloseTeamForm({ scenario, team }: { scenario: EditorScenario; team: EditorTeam }) {
  const openPositions = team.positions.filter(isOpen).length;
  const [mode, setMode] = useState<"move" | "close">(openPositions > 0 ? "move" : "close");
  const [targetId, setTargetId] = useState("");
  const [timing, setTiming] = useState<Timing>(NO_TIMING);
  const choices = teamChoices(scenario.teams, new Set([team.id]));
  const labels = {
    "close-mode": t("scenarioEditor.closeTeam.mode"),
    "close-target": t("scenarioEditor.closeTeam.target"),
    ...timingLabels("close-"),
  };
  return (
    <EditForm
      submitText={t("scenarioEditor.closeTeam.submit")}
      doneMessage={t("scenarioEditor.closeTeam.done", { name: team.name })}
      danger
      intro={<BodyLong>{t("scenarioEditor.closeTeam.intro", { name: team.name, count: openPositions })}</BodyLong>}
      fieldLabels={labels}
      fieldForPath={{ movePositionsToTeamId: "close-target", ...timingPaths("close-") }}
      validate={() => {
        const errors: FormErrors = {};
        if (mode === "move" && !targetId)
          errors["close-target"] = t("scenarioEditor.form.required", { field: labels["close-target"].toLowerCase() });
        validateTiming("close-", timing, errors);
        return errors;
      }}
      send={(version) =>
        request(CloseScenarioTeamMutation, {
          input: {
            scenarioId: scenario.id,
            version,
            teamId: team.id,
            movePositionsToTeamId: mode === "move" ? targetId : null,
            ...timingInput(timing),
          },
        }).then((data) => data.closeScenarioTeam)
      }
    >
      {(errors) => (
        <>
          {openPositions > 0 && (
            <RadioGroup
              id="close-mode"
              legend={labels["close-mode"]}
              value={mode}
              onChange={(value: "move" | "close") => setMode(value)}
            >
              <Radio value="move">{t("scenarioEditor.closeTeam.move")}</Radio>
              <Radio value="close">{t("scenarioEditor.closeTeam.closePositions")}</Radio>
            </RadioGroup>
          )}
          {mode === "move" && openPositions > 0 && (
            <ChoiceSelect
              id="close-target"
              label={labels["close-target"]}
              choices={choices}
              value={targetId}
              onChange={setTargetId}
              error={errors["close-target"]}
              emptyText={t("scenarioEditor.form.choose")}
            />
          )}
          <TimingFields idPrefix="close-" value={timing} onChange={setTiming} errors={errors} />
        </>
      )}
    </EditForm>
  );
}

export function TeamServicesForm({
  scenario,
  team,
  catalogues,
}: {
  scenario: EditorScenario;
  team: EditorTeam;
  catalogues: Catalogues;
}) {
  const [serviceIds, setServiceIds] = useState<string[]>(team.services.map((service) => service.id));
  return (
    <EditForm
      submitText={t("scenarioEditor.services.submit")}
      doneMessage={t("scenarioEditor.services.done", { name: team.name })}
      intro={<BodyLong>{t("scenarioEditor.services.intro", { name: team.name })}</BodyLong>}
      fieldLabels={{ "services-list": t("scenarioEditor.team.services") }}
      fieldForPath={{ serviceIds: "services-list" }}
      send={(version) =>
        request(SetScenarioTeamServicesMutation, {
          input: { scenarioId: scenario.id, version, teamId: team.id, serviceIds },
        }).then((data) => data.setScenarioTeamServices)
      }
    >
      {(errors) => (
        <>
          <ServiceChoices
            id="services-list"
            services={catalogues.services}
            value={serviceIds}
            onChange={setServiceIds}
            error={errors["services-list"]}
          />
        </>
      )}
    </EditForm>
  );
}
