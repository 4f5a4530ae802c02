// The edits on a to-be position: add, change (team, role, FTE, manager), close, and move a
// person into a vacant position (from the vacancy or from the person's position).
import { Alert, BodyLong, UNSAFE_Combobox } from "@navikt/ds-react";
import { useEffect, useMemo, useState } from "react";
import { request } from "../../graphql";
import { PersonPicker, type FormErrors, type PickedPerson } from "../../hr/components";
import { parseFtePercent } from "../../hr/fte";
import { compareNames, t } from "../../i18n";
import {
  AddScenarioPositionMutation,
  CloseScenarioPositionMutation,
  MoveScenarioPersonMutation,
  PeopleWithoutPositionQuery,
  UpdateScenarioPositionMutation,
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
import { ChoiceSelect, FteField } from "./fields";
import { fillDoneMessage, isOpen, teamChoices, teamPaths } from "./model";
import type { Catalogues, EditorPosition, EditorScenario, EditorTeam } from "./types";

const percentOf = (fte: number) => String(Math.round(fte * 100));

interface PlacedPosition {
  position: EditorPosition;
  team: EditorTeam;
}

function openPositions(scenario: EditorScenario): PlacedPosition[] {
  return scenario.teams.filter(isOpen).flatMap((team) => team.positions.filter(isOpen).map((position) => ({ position, team })));
}

/** "Kari Nordmann (Teamleder, Team AAP)" or "Ledig: Teamleder (Team AAP)". */
export function placedLabel({ position, team }: PlacedPosition, paths: Map<string, string>): string {
  const where = paths.get(team.id) ?? team.name;
  return position.person
    ? `${position.person.name} (${position.role.name}, ${where})`
    : t("scenarioEditor.position.vacantIn", { role: position.role.name, team: where });
}

/** Positions a position may report to: leaders first, then everyone else, by name. */
function managerChoices(scenario: EditorScenario, excludeId?: string) {
  const paths = teamPaths(scenario.teams);
  return openPositions(scenario)
    .filter(({ position }) => position.id !== excludeId)
    .map((placed) => ({
      id: placed.position.id,
      label: placedLabel(placed, paths),
      leader: placed.position.role.category === "LEADER",
    }))
    .sort((a, b) => Number(b.leader) - Number(a.leader) || compareNames(a.label, b.label));
}

function ManagerSelect({
  id,
  scenario,
  excludeId,
  value,
  onChange,
  error,
}: {
  id: string;
  scenario: EditorScenario;
  excludeId?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const choices = useMemo(() => managerChoices(scenario, excludeId), [scenario, excludeId]);
  return (
    <ChoiceSelect
      id={id}
      label={t("scenarioEditor.position.reportsTo")}
      choices={choices}
      value={value}
      onChange={onChange}
      error={error}
      emptyText={t("scenarioEditor.position.noManager")}
    />
  );
}

function RoleSelect({
  id,
  roles,
  value,
  onChange,
  error,
  emptyText,
}: {
  id: string;
  roles: Catalogues["roles"];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  emptyText?: string;
}) {
  return (
    <ChoiceSelect
      id={id}
      label={t("scenarioEditor.position.role")}
      choices={roles.map((role) => ({ id: role.id, label: role.name }))}
      value={value}
      onChange={onChange}
      error={error}
      {...(emptyText !== undefined ? { emptyText } : {})}
    />
  );
}

export function AddPositionForm({
  scenario,
  team,
  catalogues,
}: {
  scenario: EditorScenario;
  team: EditorTeam;
  catalogues: Catalogues;
}) {
  const [roleId, setRoleId] = useState("");
  const [ftePercent, setFtePercent] = useState("100");
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [reportsToId, setReportsToId] = useState("");
  const [timing, setTiming] = useState<Timing>(NO_TIMING);
  const labels = {
    "position-role": t("scenarioEditor.position.role"),
    "position-fte": t("scenarioEditor.position.fte"),
    "position-person": t("scenarioEditor.position.person"),
    "position-reports-to": t("scenarioEditor.position.reportsTo"),
    ...timingLabels("position-"),
  };
  return (
    <EditForm
      submitText={t("scenarioEditor.addPosition.submit")}
      doneMessage={t("scenarioEditor.addPosition.done", { team: team.name })}
      intro={<BodyLong>{t("scenarioEditor.addPosition.intro", { team: team.name })}</BodyLong>}
      fieldLabels={labels}
      fieldForPath={{
        roleId: "position-role",
        fte: "position-fte",
        personId: "position-person",
        reportsToId: "position-reports-to",
        ...timingPaths("position-"),
      }}
      validate={() => {
        const errors: FormErrors = {};
        if (!roleId)
          errors["position-role"] = t("scenarioEditor.form.required", { field: labels["position-role"].toLowerCase() });
        if (parseFtePercent(ftePercent) === null) errors["position-fte"] = t("scenarioEditor.form.fteInvalid");
        validateTiming("position-", timing, errors);
        return errors;
      }}
      send={(version) =>
        request(AddScenarioPositionMutation, {
          input: {
            scenarioId: scenario.id,
            version,
            teamId: team.id,
            roleId,
            fte: parseFtePercent(ftePercent) ?? 1,
            personId: person?.id ?? null,
            reportsToId: reportsToId || null,
            ...timingInput(timing),
          },
        }).then((data) => data.addScenarioPosition)
      }
    >
      {(errors) => (
        <>
          <RoleSelect
            id="position-role"
            roles={catalogues.roles}
            value={roleId}
            onChange={setRoleId}
            error={errors["position-role"]}
            emptyText={t("scenarioEditor.form.choose")}
          />
          <FteField id="position-fte" value={ftePercent} onChange={setFtePercent} error={errors["position-fte"]} />
          <PersonPicker
            id="position-person"
            label={labels["position-person"]}
            description={t("scenarioEditor.addPosition.personDescription")}
            value={person}
            onChange={setPerson}
            error={errors["position-person"]}
          />
          <ManagerSelect
            id="position-reports-to"
            scenario={scenario}
            value={reportsToId}
            onChange={setReportsToId}
            error={errors["position-reports-to"]}
          />
          <TimingFields idPrefix="position-" value={timing} onChange={setTiming} errors={errors} />
        </>
      )}
    </EditForm>
  );
}

export function ChangePositionForm({
  scenario,
  team,
  position,
  catalogues,
}: {
  scenario: EditorScenario;
  team: EditorTeam;
  position: EditorPosition;
  catalogues: Catalogues;
}) {
  const [teamId, setTeamId] = useState(team.id);
  const [roleId, setRoleId] = useState(position.role.id);
  const [ftePercent, setFtePercent] = useState(percentOf(position.fte));
  const [reportsToId, setReportsToId] = useState(position.reportsTo?.id ?? "");
  const [timing, setTiming] = useState<Timing>(NO_TIMING);
  const labels = {
    "change-team": t("scenarioEditor.position.team"),
    "change-role": t("scenarioEditor.position.role"),
    "change-fte": t("scenarioEditor.position.fte"),
    "change-reports-to": t("scenarioEditor.position.reportsTo"),
    ...timingLabels("change-"),
  };
  const fte = parseFtePercent(ftePercent);
  const changes = {
    ...(teamId !== team.id ? { teamId } : {}),
    ...(roleId !== position.role.id ? { roleId } : {}),
    ...(fte !== null && fte !== position.fte ? { fte } : {}),
    ...(reportsToId !== (position.reportsTo?.id ?? "") ? { reportsToId: reportsToId || null } : {}),
  };
  const who = position.person?.name ?? t("scenarioEditor.position.vacant");
  return (
    <EditForm
      submitText={t("scenarioEditor.changePosition.submit")}
      doneMessage={t("scenarioEditor.changePosition.done", { role: position.role.name, person: who })}
      fieldLabels={labels}
      fieldForPath={{
        teamId: "change-team",
        roleId: "change-role",
        fte: "change-fte",
        reportsToId: "change-reports-to",
        ...timingPaths("change-"),
      }}
      validate={() => {
        const errors: FormErrors = {};
        if (fte === null) errors["change-fte"] = t("scenarioEditor.form.fteInvalid");
        else if (Object.keys(changes).length === 0 && !timing.effectiveDate && !timing.wave.trim()) {
          errors.general = t("scenarioEditor.form.nothingChanged");
        }
        validateTiming("change-", timing, errors);
        return errors;
      }}
      send={(version) =>
        request(UpdateScenarioPositionMutation, {
          input: { scenarioId: scenario.id, version, positionId: position.id, ...changes, ...timingInput(timing) },
        }).then((data) => data.updateScenarioPosition)
      }
    >
      {(errors) => (
        <>
          <ChoiceSelect
            id="change-team"
            label={labels["change-team"]}
            choices={teamChoices(scenario.teams)}
            value={teamId}
            onChange={setTeamId}
            error={errors["change-team"]}
          />
          <RoleSelect
            id="change-role"
            roles={catalogues.roles}
            value={roleId}
            onChange={setRoleId}
            error={errors["change-role"]}
          />
          <FteField id="change-fte" value={ftePercent} onChange={setFtePercent} error={errors["change-fte"]} />
          <ManagerSelect
            id="change-reports-to"
            scenario={scenario}
            excludeId={position.id}
            value={reportsToId}
            onChange={setReportsToId}
            error={errors["change-reports-to"]}
          />
          <TimingFields idPrefix="change-" value={timing} onChange={setTiming} errors={errors} />
        </>
      )}
    </EditForm>
  );
}

export function ClosePositionForm({ scenario, position }: { scenario: EditorScenario; position: EditorPosition }) {
  const [timing, setTiming] = useState<Timing>(NO_TIMING);
  const who = position.person?.name ?? t("scenarioEditor.position.vacant");
  return (
    <EditForm
      submitText={t("scenarioEditor.closePosition.submit")}
      doneMessage={t("scenarioEditor.closePosition.done", { role: position.role.name, person: who })}
      danger
      intro={
        <BodyLong>
          {position.person
            ? t("scenarioEditor.closePosition.introFilled", { role: position.role.name, person: position.person.name })
            : t("scenarioEditor.closePosition.introVacant", { role: position.role.name })}
        </BodyLong>
      }
      fieldLabels={timingLabels("close-position-")}
      fieldForPath={timingPaths("close-position-")}
      validate={() => {
        const errors: FormErrors = {};
        validateTiming("close-position-", timing, errors);
        return errors;
      }}
      send={(version) =>
        request(CloseScenarioPositionMutation, {
          input: { scenarioId: scenario.id, version, positionId: position.id, ...timingInput(timing) },
        }).then((data) => data.closeScenarioPosition)
      }
    >
      {(errors) => <TimingFields idPrefix="close-position-" value={timing} onChange={setTiming} errors={errors} />}
    </EditForm>
  );
}

/** A vacancy: choose who fills it, from the scenario's people (placed or without a position). */
export function FillVacancyForm({
  scenario,
  team,
  position,
}: {
  scenario: EditorScenario;
  team: EditorTeam;
  position: EditorPosition;
}) {
  const [personId, setPersonId] = useState("");
  const [timing, setTiming] = useState<Timing>(NO_TIMING);
  const [unplaced, setUnplaced] = useState<Array<{ id: string; name: string }>>([]);
  const [unplacedError, setUnplacedError] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    request(PeopleWithoutPositionQuery, { id: scenario.id }, { signal: controller.signal }).then(
      (data) => setUnplaced(data.scenario?.impact.peopleWithoutPosition ?? []),
      () => {
        if (!controller.signal.aborted) setUnplacedError(true);
      }
    );
    return () => controller.abort();
  }, [scenario.id, scenario.version]);

  const options = useMemo(() => {
    const paths = teamPaths(scenario.teams);
    const placed = openPositions(scenario)
      .filter(({ position: candidate }) => candidate.person)
      .map((placedPosition) => ({
        value: placedPosition.position.person!.id,
        label: placedLabel(placedPosition, paths),
        name: placedPosition.position.person!.name,
        previous: { role: placedPosition.position.role.name, team: paths.get(placedPosition.team.id) ?? placedPosition.team.name },
      }));
    const withoutPosition = unplaced.map((person) => ({
      value: person.id,
      label: t("scenarioEditor.fill.withoutPosition", { name: person.name }),
      name: person.name,
      previous: null,
    }));
    return [...withoutPosition, ...placed].sort((a, b) => compareNames(a.label, b.label));
  }, [scenario, unplaced]);
  const selected = options.filter((option) => option.value === personId);
  const chosen = selected[0];
  const labels = { "fill-person": t("scenarioEditor.fill.person"), ...timingLabels("fill-") };

  return (
    <EditForm
      submitText={t("scenarioEditor.fill.submit")}
      doneMessage={fillDoneMessage({
        personName: chosen?.name ?? "",
        role: position.role.name,
        team: team.name,
        previous: chosen?.previous ?? null,
      })}
      intro={<BodyLong>{t("scenarioEditor.fill.intro", { role: position.role.name, team: team.name })}</BodyLong>}
      fieldLabels={labels}
      fieldForPath={{ personId: "fill-person", toPositionId: "fill-person", ...timingPaths("fill-") }}
      validate={() => {
        const errors: FormErrors = {};
        if (!personId) errors["fill-person"] = t("scenarioEditor.form.required", { field: labels["fill-person"].toLowerCase() });
        validateTiming("fill-", timing, errors);
        return errors;
      }}
      send={(version) =>
        request(MoveScenarioPersonMutation, {
          input: { scenarioId: scenario.id, version, personId, toPositionId: position.id, ...timingInput(timing) },
        }).then((data) => data.moveScenarioPerson)
      }
    >
      {(errors) => (
        <>
          {unplacedError && (
            <Alert variant="warning" size="small">
              {t("scenarioEditor.fill.unplacedError")}
            </Alert>
          )}
          <UNSAFE_Combobox
            id="fill-person"
            label={labels["fill-person"]}
            description={t("scenarioEditor.fill.personDescription")}
            options={options}
            selectedOptions={selected}
            onToggleSelected={(value, isSelected) => setPersonId(isSelected ? value : "")}
            error={errors["fill-person"]}
            shouldAutocomplete={false}
          />
          <TimingFields idPrefix="fill-" value={timing} onChange={setTiming} errors={errors} />
        </>
      )}
    </EditForm>
  );
}

/** A filled position: move its person into one of the scenario's vacant positions. */
export function MovePersonForm({ scenario, position }: { scenario: EditorScenario; position: EditorPosition }) {
  const [toPositionId, setToPositionId] = useState("");
  const [timing, setTiming] = useState<Timing>(NO_TIMING);
  const paths = teamPaths(scenario.teams);
  const vacancies = openPositions(scenario)
    .filter(({ position: candidate }) => candidate.isVacant && candidate.id !== position.id)
    .map((placed) => ({ id: placed.position.id, label: placedLabel(placed, paths) }))
    .sort((a, b) => compareNames(a.label, b.label));
  const labels = { "move-person-to": t("scenarioEditor.movePerson.to"), ...timingLabels("move-person-") };
  const person = position.person!;
  return (
    <EditForm
      submitText={t("scenarioEditor.movePerson.submit")}
      doneMessage={t("scenarioEditor.movePerson.done", { person: person.name })}
      intro={<BodyLong>{t("scenarioEditor.movePerson.intro", { person: person.name })}</BodyLong>}
      fieldLabels={labels}
      fieldForPath={{ toPositionId: "move-person-to", personId: "move-person-to", ...timingPaths("move-person-") }}
      validate={() => {
        const errors: FormErrors = {};
        if (!toPositionId)
          errors["move-person-to"] = t("scenarioEditor.form.required", { field: labels["move-person-to"].toLowerCase() });
        validateTiming("move-person-", timing, errors);
        return errors;
      }}
      send={(version) =>
        request(MoveScenarioPersonMutation, {
          input: { scenarioId: scenario.id, version, personId: person.id, toPositionId, ...timingInput(timing) },
        }).then((data) => data.moveScenarioPerson)
      }
    >
      {(errors) => (
        <>
          {vacancies.length === 0 && (
            <Alert variant="info" size="small">
              {t("scenarioEditor.movePerson.noVacancies")}
            </Alert>
          )}
          <ChoiceSelect
            id="move-person-to"
            label={labels["move-person-to"]}
            choices={vacancies}
            value={toPositionId}
            onChange={setToPositionId}
            error={errors["move-person-to"]}
            emptyText={t("scenarioEditor.form.choose")}
          />
          <TimingFields idPrefix="move-person-" value={timing} onChange={setTiming} errors={errors} />
        </>
      )}
    </EditForm>
  );
}
