// Which edit dialog is open, and the form it shows. A dialog names elements by id and
// finds them in the latest scenario, so a refetch never leaves it holding stale rows.
import { BodyShort } from "@navikt/ds-react";
import { t } from "../../i18n";
import { AddPositionForm, ChangePositionForm, ClosePositionForm, FillVacancyForm, MovePersonForm } from "./PositionForms";
import {
  ApproveScenarioForm,
  ArchiveScenarioForm,
  ReturnScenarioForm,
  SubmitScenarioForm,
  UpdateScenarioForm,
} from "./ScenarioForms";
import {
  AddTeamForm,
  CloseTeamForm,
  MergeTeamForm,
  MoveTeamForm,
  RenameTeamForm,
  SplitTeamForm,
  TeamServicesForm,
} from "./TeamForms";
import type { Catalogues, EditorPosition, EditorScenario, EditorTeam } from "./types";

export type TeamDialogKind = "addPosition" | "renameTeam" | "moveTeam" | "splitTeam" | "mergeTeam" | "closeTeam" | "teamServices";
export type PositionDialogKind = "changePosition" | "closePosition" | "fillVacancy" | "movePerson";
export type ScenarioDialogKind = "updateScenario" | "submit" | "approve" | "return" | "archive";

export type EditorDialog =
  | { kind: "addTeam"; parentId?: string }
  | { kind: TeamDialogKind; teamId: string }
  | { kind: PositionDialogKind; positionId: string }
  | { kind: ScenarioDialogKind };

function findTeam(scenario: EditorScenario, teamId: string): EditorTeam | undefined {
  return scenario.teams.find((team) => team.id === teamId);
}

function findPosition(scenario: EditorScenario, positionId: string): { team: EditorTeam; position: EditorPosition } | undefined {
  for (const team of scenario.teams) {
    const position = team.positions.find((candidate) => candidate.id === positionId);
    if (position) return { team, position };
  }
  return undefined;
}

/** The dialog's heading, naming the element it is about. */
export function dialogTitle(dialog: EditorDialog, scenario: EditorScenario): string {
  if ("teamId" in dialog) {
    const team = findTeam(scenario, dialog.teamId);
    return t(`scenarioEditor.dialog.${dialog.kind}`, { name: team?.name ?? "" });
  }
  if ("positionId" in dialog) {
    const found = findPosition(scenario, dialog.positionId);
    const name = found
      ? `${found.position.role.name}: ${found.position.person?.name ?? t("scenarioEditor.position.vacant")}`
      : "";
    return t(`scenarioEditor.dialog.${dialog.kind}`, { name });
  }
  return t(`scenarioEditor.dialog.${dialog.kind}`, { name: scenario.name });
}

export function DialogContent({
  dialog,
  scenario,
  catalogues,
}: {
  dialog: EditorDialog;
  scenario: EditorScenario;
  catalogues: Catalogues;
}) {
  const gone = <BodyShort>{t("scenarioEditor.dialog.gone")}</BodyShort>;
  switch (dialog.kind) {
    case "addTeam":
      return (
        <AddTeamForm scenario={scenario} catalogues={catalogues} {...(dialog.parentId ? { parentId: dialog.parentId } : {})} />
      );
    case "addPosition":
    case "renameTeam":
    case "moveTeam":
    case "splitTeam":
    case "mergeTeam":
    case "closeTeam":
    case "teamServices": {
      const team = findTeam(scenario, dialog.teamId);
      if (!team) return gone;
      if (dialog.kind === "addPosition") return <AddPositionForm scenario={scenario} team={team} catalogues={catalogues} />;
      if (dialog.kind === "renameTeam") return <RenameTeamForm scenario={scenario} team={team} />;
      if (dialog.kind === "moveTeam") return <MoveTeamForm scenario={scenario} team={team} />;
      if (dialog.kind === "splitTeam") return <SplitTeamForm scenario={scenario} team={team} />;
      if (dialog.kind === "mergeTeam") return <MergeTeamForm scenario={scenario} team={team} />;
      if (dialog.kind === "closeTeam") return <CloseTeamForm scenario={scenario} team={team} />;
      return <TeamServicesForm scenario={scenario} team={team} catalogues={catalogues} />;
    }
    case "changePosition":
    case "closePosition":
    case "fillVacancy":
    case "movePerson": {
      const found = findPosition(scenario, dialog.positionId);
      if (!found) return gone;
      if (dialog.kind === "changePosition")
        return <ChangePositionForm scenario={scenario} team={found.team} position={found.position} catalogues={catalogues} />;
      if (dialog.kind === "closePosition") return <ClosePositionForm scenario={scenario} position={found.position} />;
      if (dialog.kind === "fillVacancy")
        return <FillVacancyForm scenario={scenario} team={found.team} position={found.position} />;
      return found.position.person ? <MovePersonForm scenario={scenario} position={found.position} /> : gone;
    }
    case "updateScenario":
      return <UpdateScenarioForm scenario={scenario} />;
    case "submit":
      return <SubmitScenarioForm scenario={scenario} />;
    case "approve":
      return <ApproveScenarioForm scenario={scenario} />;
    case "return":
      return <ReturnScenarioForm scenario={scenario} />;
    case "archive":
      return <ArchiveScenarioForm scenario={scenario} />;
  }
}
