// The to-be design as a tree of teams: each with what it does to the as-is, its services
// and a table of its positions. Editors get a menu of actions on every open team and
// position; everyone else reads the same tree without them.
import { MenuElipsisVerticalIcon } from "@navikt/aksel-icons";
import { ActionMenu, BodyShort, Button, Detail, Heading, HStack, Table, VStack } from "@navikt/ds-react";
import type { ReactNode } from "react";
import { formatDate, formatPercent, t } from "../../i18n";
import { buildTeamTree, type TeamNode } from "../../offices/team-tree";
import type { EditorDialog, TeamDialogKind } from "./dialogs";
import { isOpen } from "./model";
import { ActionTag } from "../analysis/ActionsTable";
import type { EditorPosition, EditorScenario, EditorTeam } from "./types";

interface TreeProps {
  scenario: EditorScenario;
  canEdit: boolean;
  showClosed: boolean;
  onAction: (dialog: EditorDialog) => void;
}

/** An id usable in HTML ids and aria references (global ids may hold "=" and "/"). */
export const domId = (prefix: string, id: string) => `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, "")}`;

type HeadingLevel = "3" | "4" | "5" | "6";
const headingLevel = (depth: number): HeadingLevel => String(Math.min(3 + depth, 6)) as HeadingLevel;

export function TeamTree({ scenario, canEdit, showClosed, onAction }: TreeProps) {
  const teams = showClosed ? scenario.teams : scenario.teams.filter(isOpen);
  const tree = buildTeamTree(teams);
  const positionsById = new Map(
    scenario.teams.flatMap((team) => team.positions.map((position) => [position.id, position] as const))
  );
  if (tree.length === 0) return <BodyShort>{t("scenarioEditor.tree.empty")}</BodyShort>;
  return (
    <ul className="samla-team-tree samla-scenario-tree" aria-label={t("scenarioEditor.tree.label")}>
      {tree.map((node) => (
        <TeamItem
          key={node.team.id}
          node={node}
          depth={0}
          positionsById={positionsById}
          canEdit={canEdit}
          showClosed={showClosed}
          onAction={onAction}
        />
      ))}
    </ul>
  );
}

function TeamItem({
  node,
  depth,
  positionsById,
  canEdit,
  showClosed,
  onAction,
}: {
  node: TeamNode<EditorTeam>;
  depth: number;
  positionsById: Map<string, EditorPosition>;
  canEdit: boolean;
  showClosed: boolean;
  onAction: (dialog: EditorDialog) => void;
}) {
  const { team } = node;
  const headingId = domId("scenario-team", team.id);
  const open = isOpen(team);
  const positions = showClosed ? team.positions : team.positions.filter(isOpen);
  const serviceNames = team.services.map((service) => service.name).join(", ");
  const timing = [
    team.effectiveDate ? t("scenarioEditor.timing.date", { date: formatDate(team.effectiveDate) }) : null,
    team.wave != null ? t("scenarioEditor.timing.wave", { wave: team.wave }) : null,
  ].filter(Boolean);

  return (
    <li data-testid="scenario-team" data-team-name={team.name} data-action={team.action}>
      <section aria-labelledby={headingId} className={open ? "samla-scenario-team" : "samla-scenario-team samla-scenario-closed"}>
        <VStack gap="space-8">
          <HStack gap="space-12" align="start" justify="space-between" wrap={false}>
            <VStack gap="space-4">
              <HStack gap="space-8" align="center">
                <Heading id={headingId} level={headingLevel(depth)} size="small">
                  {team.name}
                </Heading>
                <ActionTag action={team.action} />
              </HStack>
              {team.purpose && <BodyShort size="small">{team.purpose}</BodyShort>}
              <Detail textColor="subtle">
                {serviceNames
                  ? t("scenarioEditor.team.servicesList", { services: serviceNames })
                  : t("scenarioEditor.team.noServices")}
                {team.sourceTeam && team.sourceTeam.name !== team.name
                  ? ` · ${t("scenarioEditor.team.from", { name: team.sourceTeam.name, office: team.office.name })}`
                  : team.sourceTeam
                  ? ` · ${t("scenarioEditor.team.fromOffice", { office: team.office.name })}`
                  : ""}
                {timing.length > 0 ? ` · ${timing.join(", ")}` : ""}
              </Detail>
            </VStack>
            {canEdit && open && <TeamMenu team={team} onAction={onAction} />}
          </HStack>
          {positions.length === 0 ? (
            <BodyShort size="small">{t("scenarioEditor.team.noPositions")}</BodyShort>
          ) : (
            <PositionsTable
              team={team}
              positions={positions}
              positionsById={positionsById}
              canEdit={canEdit && open}
              onAction={onAction}
            />
          )}
        </VStack>
      </section>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <TeamItem
              key={child.team.id}
              node={child}
              depth={depth + 1}
              positionsById={positionsById}
              canEdit={canEdit}
              showClosed={showClosed}
              onAction={onAction}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

function TeamMenu({ team, onAction }: { team: EditorTeam; onAction: (dialog: EditorDialog) => void }) {
  const item = (kind: TeamDialogKind) => (
    <ActionMenu.Item onSelect={() => onAction({ kind, teamId: team.id })}>{t(`scenarioEditor.teamMenu.${kind}`)}</ActionMenu.Item>
  );
  return (
    <ElementMenu
      name={team.name}
      size="small"
      closeText={t("scenarioEditor.teamMenu.closeTeam")}
      onClose={() => onAction({ kind: "closeTeam", teamId: team.id })}
    >
      {item("addPosition")}
      <ActionMenu.Item onSelect={() => onAction({ kind: "addTeam", parentId: team.id })}>
        {t("scenarioEditor.teamMenu.addChild")}
      </ActionMenu.Item>
      {item("renameTeam")}
      {item("moveTeam")}
      {item("splitTeam")}
      {item("mergeTeam")}
      {item("teamServices")}
    </ElementMenu>
  );
}

/** "Handlinger" for a team or position: its edits, then closing it (set apart, in red). */
function ElementMenu({
  name,
  size,
  closeText,
  onClose,
  children,
}: {
  name: string;
  size: "small" | "xsmall";
  closeText: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <ActionMenu>
      <ActionMenu.Trigger>
        <Button
          type="button"
          size={size}
          variant={size === "small" ? "secondary" : "tertiary"}
          icon={<MenuElipsisVerticalIcon aria-hidden />}
          iconPosition="right"
          aria-label={t("scenarioEditor.menu.labelFor", { name })}
        >
          {t("scenarioEditor.menu.label")}
        </Button>
      </ActionMenu.Trigger>
      <ActionMenu.Content>
        <ActionMenu.Group label={name}>{children}</ActionMenu.Group>
        <ActionMenu.Divider />
        <ActionMenu.Item variant="danger" onSelect={onClose}>
          {closeText}
        </ActionMenu.Item>
      </ActionMenu.Content>
    </ActionMenu>
  );
}

function managerName(position: EditorPosition | undefined): string {
  if (!position) return "–";
  return position.person?.name ?? t("scenarioEditor.position.vacantRole", { role: position.role.name });
}

function PositionsTable({
  team,
  positions,
  positionsById,
  canEdit,
  onAction,
}: {
  team: EditorTeam;
  positions: EditorPosition[];
  positionsById: Map<string, EditorPosition>;
  canEdit: boolean;
  onAction: (dialog: EditorDialog) => void;
}) {
  return (
    <div className="samla-table-scroll">
      <Table size="small">
        <caption className="aksel-sr-only">{t("scenarioEditor.positions.caption", { team: team.name })}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("scenarioEditor.positions.col.role")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("scenarioEditor.positions.col.person")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("scenarioEditor.positions.col.fte")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("scenarioEditor.positions.col.reportsTo")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("scenarioEditor.positions.col.action")}</Table.ColumnHeader>
            {canEdit && <Table.ColumnHeader scope="col">{t("scenarioEditor.positions.col.menu")}</Table.ColumnHeader>}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {positions.map((position) => (
            <Table.Row key={position.id} data-testid="scenario-position" data-action={position.action}>
              <Table.HeaderCell scope="row">{position.role.name}</Table.HeaderCell>
              <Table.DataCell>{position.person?.name ?? <i>{t("scenarioEditor.position.vacant")}</i>}</Table.DataCell>
              <Table.DataCell align="right">{formatPercent(position.fte)}</Table.DataCell>
              <Table.DataCell>{position.reportsTo ? managerName(positionsById.get(position.reportsTo.id)) : "–"}</Table.DataCell>
              <Table.DataCell>
                <ActionTag action={position.action} />
              </Table.DataCell>
              {canEdit && (
                <Table.DataCell>{isOpen(position) && <PositionMenu position={position} onAction={onAction} />}</Table.DataCell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function PositionMenu({ position, onAction }: { position: EditorPosition; onAction: (dialog: EditorDialog) => void }) {
  const name = `${position.role.name}: ${position.person?.name ?? t("scenarioEditor.position.vacant")}`;
  return (
    <ElementMenu
      name={name}
      size="xsmall"
      closeText={t("scenarioEditor.positionMenu.close")}
      onClose={() => onAction({ kind: "closePosition", positionId: position.id })}
    >
      <ActionMenu.Item onSelect={() => onAction({ kind: "changePosition", positionId: position.id })}>
        {t("scenarioEditor.positionMenu.change")}
      </ActionMenu.Item>
      {position.person ? (
        <ActionMenu.Item onSelect={() => onAction({ kind: "movePerson", positionId: position.id })}>
          {t("scenarioEditor.positionMenu.movePerson")}
        </ActionMenu.Item>
      ) : (
        <ActionMenu.Item onSelect={() => onAction({ kind: "fillVacancy", positionId: position.id })}>
          {t("scenarioEditor.positionMenu.fill")}
        </ActionMenu.Item>
      )}
    </ElementMenu>
  );
}
