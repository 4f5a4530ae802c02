// changeAssignment and movePersonToTeam (hr, admin). A change never overwrites: the old
// assignment ends the day before the change and a new one starts on it, in one
// transaction, so the history shows both.
import type { Assignment } from "@samla/schema";
import { z } from "zod";
import { scopes } from "../auth/policy";
import { builder } from "../builder";
import { lockRow, withAudit, type AuditEntry, type Tx } from "../lib/audit";
import { activeOn } from "../lib/current";
import { addDays, formatDateNorwegian } from "../lib/dates";
import { AssignmentOverlapError, FteLimitError, NotFoundError, ValidationError } from "../lib/errors";
import { toGlobalId } from "../lib/ids";
import { mutationResult } from "../lib/mutations";
import { parseInput, zFte, zGlobalId } from "../lib/validation";
import { assignmentSnapshot, createCheckedAssignment } from "./assignment-mutations";
import { AssignmentRef, PersonRef } from "./persons";

const HR = scopes("person.assign");

const ChangeAssignmentInput = builder.inputType("ChangeAssignmentInput", {
  description:
    "Ends the assignment the day before `changeDate` and starts a new one on `changeDate` with the fields " +
    "given (others copied, including a planned end date). `reportsToId: null` removes the reports-to.",
  fields: (t) => ({
    assignmentId: t.id({ required: true }),
    changeDate: t.field({ type: "Date", required: true, description: "First day of the new assignment." }),
    roleId: t.id({ required: false }),
    teamId: t.id({ required: false }),
    fte: t.float({ required: false, description: "0.01-1.00, at most two decimals." }),
    reportsToId: t.id({ required: false }),
  }),
});

const MovePersonToTeamInput = builder.inputType("MovePersonToTeamInput", {
  description: "Moves every assignment the person has on `moveDate` to the team, from that date.",
  fields: (t) => ({
    personId: t.id({ required: true }),
    teamId: t.id({ required: true }),
    moveDate: t.field({ type: "Date", required: true, description: "First day in the new team." }),
  }),
});

const changeAssignmentSchema = z.object({
  assignmentId: zGlobalId("Assignment"),
  changeDate: z.date(),
  roleId: zGlobalId("Role").nullish(),
  teamId: zGlobalId("Team").nullish(),
  fte: zFte.nullish(),
  reportsToId: zGlobalId("Person").nullish(),
});

const movePersonSchema = z.object({ personId: zGlobalId("Person"), teamId: zGlobalId("Team"), moveDate: z.date() });

interface Change {
  roleId?: string;
  teamId?: string;
  fte?: string;
  /** undefined keeps it, null removes it. */
  reportsToId?: string | null;
}

/**
 * Splits `old` at `changeDate`: ends it the day before and starts the changed copy on that
 * day, checked with assignRole's rules. An assignment that starts on `changeDate` has no
 * history to keep yet, so it is changed in place (still checked). Returns the new
 * assignment and the audit entries. The caller has locked the person.
 */
async function splitAssignment(
  tx: Tx,
  action: string,
  old: Assignment,
  changeDate: Date,
  change: Change,
  globalIds: { roleId: string; teamId: string; reportsToId: string | null },
): Promise<{ assignment: Assignment; audit: AuditEntry[] }> {
  if (changeDate < old.startDate) {
    throw ValidationError.field(
      "changeDate",
      `Endringsdatoen kan ikke være før tilsettingen starter (${formatDateNorwegian(old.startDate)}).`,
    );
  }
  if (old.endDate && changeDate > old.endDate) {
    throw ValidationError.field(
      "changeDate",
      `Tilsettingen er avsluttet ${formatDateNorwegian(old.endDate)}; endringsdatoen må være før det.`,
    );
  }
  const next = {
    personId: old.personId,
    roleId: change.roleId ?? old.roleId,
    teamId: change.teamId ?? old.teamId,
    fte: change.fte ?? old.fte.toFixed(2),
    startDate: changeDate,
    endDate: old.endDate,
    reportsToId: change.reportsToId === undefined ? old.reportsToId : change.reportsToId,
  };
  if (next.reportsToId === next.personId) {
    throw ValidationError.field("reportsToId", "En person kan ikke rapportere til seg selv.");
  }
  if (
    next.roleId === old.roleId &&
    next.teamId === old.teamId &&
    next.fte === old.fte.toFixed(2) &&
    next.reportsToId === old.reportsToId
  ) {
    throw ValidationError.field("assignmentId", "Endringen er lik tilsettingen slik den er; ingenting å endre.");
  }
  const before = assignmentSnapshot(old);
  // Move the old one out of the way first, so the checks see the person as they will be.
  if (changeDate.getTime() === old.startDate.getTime()) {
    await tx.assignment.delete({ where: { id: old.id } });
  } else {
    await tx.assignment.update({ where: { id: old.id }, data: { endDate: addDays(changeDate, -1), version: { increment: 1 } } });
  }
  // The new part starts on the change (or move) date and keeps the old end, in the new team's office.
  const created = await createCheckedAssignment(tx, next, globalIds, {
    start: action === "movePersonToTeam" ? "moveDate" : "changeDate",
    end: "teamId",
  });
  if (changeDate.getTime() === old.startDate.getTime()) {
    // Same start day: keep the old row's id (links and audit history point at it).
    const inPlace = await tx.assignment.update({
      where: { id: created.id },
      data: { id: old.id, version: old.version + 1, createdAt: old.createdAt },
    });
    return {
      assignment: inPlace,
      audit: [{ action, entityType: "Assignment", entityId: old.id, before, after: assignmentSnapshot(inPlace) }],
    };
  }
  const ended = await tx.assignment.findUniqueOrThrow({ where: { id: old.id } });
  return {
    assignment: created,
    audit: [
      { action, entityType: "Assignment", entityId: created.id, after: { ...assignmentSnapshot(created), replaces: old.id } },
      { action, entityType: "Assignment", entityId: old.id, before, after: { ...assignmentSnapshot(ended), replacedBy: created.id } },
    ],
  };
}

builder.mutationField("changeAssignment", (t) =>
  t.field({
    type: AssignmentRef,
    description:
      "HR or admin. Changes role, team, FTE or reports-to from a date: the old assignment ends the day " +
      "before `changeDate` and the returned new one starts on it (one transaction; history stays). " +
      "Checked like assignRole.",
    authScopes: HR,
    args: { input: t.arg({ type: ChangeAssignmentInput, required: true }) },
    errors: mutationResult("changeAssignment", "assignment", [
      ValidationError,
      NotFoundError,
      AssignmentOverlapError,
      FteLimitError,
    ]),
    resolve: (_parent, args, context) => {
      const input = parseInput(changeAssignmentSchema, args.input);
      return withAudit(context, async (tx) => {
        const found = await tx.assignment.findUnique({ where: { id: input.assignmentId }, select: { personId: true } });
        if (!found) throw new NotFoundError("Assignment", args.input.assignmentId);
        await lockRow(tx, "Person", found.personId);
        const old = await tx.assignment.findUniqueOrThrow({ where: { id: input.assignmentId } });
        const { assignment, audit } = await splitAssignment(
          tx,
          "changeAssignment",
          old,
          input.changeDate,
          {
            roleId: input.roleId ?? undefined,
            teamId: input.teamId ?? undefined,
            fte: input.fte ?? undefined,
            reportsToId: input.reportsToId === undefined ? undefined : input.reportsToId,
          },
          {
            roleId: args.input.roleId ?? toGlobalId("Role", old.roleId),
            teamId: args.input.teamId ?? toGlobalId("Team", old.teamId),
            reportsToId: args.input.reportsToId ?? null,
          },
        );
        return { result: assignment, audit };
      });
    },
  }),
);

builder.mutationField("movePersonToTeam", (t) =>
  t.field({
    type: PersonRef,
    description:
      "HR or admin. Moves every assignment the person has on `moveDate` (other than in that team) to the " +
      "team from that date, as changeAssignment does for each. Refused when there is none to move.",
    authScopes: HR,
    args: { input: t.arg({ type: MovePersonToTeamInput, required: true }) },
    errors: mutationResult("movePersonToTeam", "person", [
      ValidationError,
      NotFoundError,
      AssignmentOverlapError,
      FteLimitError,
    ]),
    resolve: (_parent, args, context) => {
      const input = parseInput(movePersonSchema, args.input);
      return withAudit(context, async (tx) => {
        if (!(await lockRow(tx, "Person", input.personId))) throw new NotFoundError("Person", args.input.personId);
        const current = await tx.assignment.findMany({
          where: { personId: input.personId, ...activeOn(input.moveDate) },
          orderBy: [{ startDate: "asc" }, { id: "asc" }],
        });
        const toMove = current.filter((assignment) => assignment.teamId !== input.teamId);
        if (toMove.length === 0) {
          throw ValidationError.field(
            "personId",
            current.length === 0
              ? `Personen har ingen tilsetting ${formatDateNorwegian(input.moveDate)} å flytte.`
              : "Personen er allerede i dette teamet.",
          );
        }
        const audit: AuditEntry[] = [];
        for (const old of toMove) {
          const split = await splitAssignment(tx, "movePersonToTeam", old, input.moveDate, { teamId: input.teamId }, {
            roleId: toGlobalId("Role", old.roleId),
            teamId: args.input.teamId,
            reportsToId: null,
          });
          audit.push(...split.audit);
        }
        const person = await tx.person.findUniqueOrThrow({ where: { id: input.personId } });
        return { result: person, audit };
      });
    },
  }),
);
