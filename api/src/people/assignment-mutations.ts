// assignRole and endAssignment (hr, admin): who holds which role in which team, how much
// and when. History is kept by dates; an ended assignment stays.
import type { Assignment, OfficeStatus } from "@samla/schema";
import { z } from "zod";
import { scopes } from "../auth/policy";
import { builder } from "../builder";
import { lockRow, withAudit, type Tx } from "../lib/audit";
import { formatDate, formatDateNorwegian, todayInNorway } from "../lib/dates";
import {
  AssignmentOverlapError,
  ConflictError,
  FteLimitError,
  NotFoundError,
  ValidationError,
} from "../lib/errors";
import { mutationResult } from "../lib/mutations";
import { parseInput, zFte, zGlobalId } from "../lib/validation";
import { officeStatusOn, type OfficeDates } from "../org/office-status";
import { AssignmentRef } from "./persons";

const HR = scopes("person.assign");
const MAX_FTE = "1.00";

const AssignRoleInput = builder.inputType("AssignRoleInput", {
  fields: (t) => ({
    personId: t.id({ required: true }),
    roleId: t.id({ required: true }),
    teamId: t.id({ required: true }),
    fte: t.float({ required: true, description: "0.01-1.00, at most two decimals." }),
    startDate: t.field({ type: "Date", required: true }),
    endDate: t.field({ type: "Date", required: false, description: "Last day (inclusive); none while it runs." }),
    reportsToId: t.id({ required: false, description: "The person this person reports to in this role." }),
  }),
});

const EndAssignmentInput = builder.inputType("EndAssignmentInput", {
  fields: (t) => ({
    id: t.id({ required: true, description: "The assignment." }),
    endDate: t.field({ type: "Date", required: true, description: "Last day (inclusive)." }),
  }),
});

const assignRoleSchema = z
  .object({
    personId: zGlobalId("Person"),
    roleId: zGlobalId("Role"),
    teamId: zGlobalId("Team"),
    fte: zFte,
    startDate: z.date(),
    endDate: z.date().nullish(),
    reportsToId: zGlobalId("Person").nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.endDate && input.endDate < input.startDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "Sluttdato kan ikke være før startdato." });
    }
    if (input.reportsToId && input.reportsToId === input.personId) {
      ctx.addIssue({ code: "custom", path: ["reportsToId"], message: "En person kan ikke rapportere til seg selv." });
    }
  });

const endAssignmentSchema = z.object({ id: zGlobalId("Assignment"), endDate: z.date() });

export function assignmentSnapshot(assignment: Assignment) {
  return {
    personId: assignment.personId,
    roleId: assignment.roleId,
    teamId: assignment.teamId,
    fte: assignment.fte.toFixed(2),
    startDate: formatDate(assignment.startDate),
    endDate: assignment.endDate ? formatDate(assignment.endDate) : null,
    reportsToId: assignment.reportsToId,
    version: assignment.version,
  };
}

const decimal = (value: string) => value.replace(".", ",");

/**
 * The first day in [start, end] on which the person's FTE plus `fte` would exceed 1.0,
 * computed exactly in SQL numeric. The total can only rise on the new period's first day
 * or on a day another assignment starts, so those are the days checked.
 */
async function firstDayOverFteLimit(
  tx: Tx,
  personId: string,
  fte: string,
  start: Date,
  end: Date | null,
): Promise<{ day: string; existing: string } | null> {
  const startDay = formatDate(start);
  const endDay = end ? formatDate(end) : null;
  const rows = await tx.$queryRaw<{ day: string; existing: string }[]>`
    WITH existing AS (
      SELECT "fte", "startDate" AS s, "endDate" AS e FROM "Assignment"
      WHERE "personId" = ${personId}
        AND (${endDay}::date IS NULL OR "startDate" <= ${endDay}::date)
        AND ("endDate" IS NULL OR "endDate" >= ${startDay}::date)
    ), days AS (
      SELECT ${startDay}::date AS day
      UNION
      SELECT s FROM existing WHERE s > ${startDay}::date
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, COALESCE(SUM(x."fte"), 0)::text AS existing
    FROM days d
    LEFT JOIN existing x ON x.s <= d.day AND (x.e IS NULL OR x.e >= d.day)
    GROUP BY d.day
    HAVING COALESCE(SUM(x."fte"), 0) + ${fte}::numeric > ${MAX_FTE}::numeric
    ORDER BY d.day
    LIMIT 1`;
  return rows[0] ?? null;
}

/** The office's lifetime as the org model stores it: validTo is its last day, or none. */
export interface OfficeLifetime {
  name: string;
  validFrom: Date;
  validTo: Date | null;
  /** MERGED or CLOSED: the end is settled (a merger completed ahead of its date), no merger will end it. */
  status?: OfficeStatus;
}

/**
 * Why an assignment from `start` to `end` (inclusive, none = open) does not fit the office's
 * lifetime, or null: nobody works in an office before it exists or after it ends (issue 13,
 * finding 7: an assignment dated 1985 in an office from 2020). An open end is allowed in an
 * office with an end date that is still to merge: merging it ends its assignments then. In
 * one whose merger is already completed (docs/decisions/008) an assignment must end by then.
 */
export function outsideOfficeLifetime(
  office: OfficeLifetime,
  start: Date,
  end: Date | null,
): { field: "start" | "end"; message: string } | null {
  if (start < office.validFrom) {
    return {
      field: "start",
      message: `${office.name} finnes fra ${formatDateNorwegian(office.validFrom)}; tilsettingen kan ikke starte før det.`,
    };
  }
  if (office.validTo && start > office.validTo) {
    return {
      field: "start",
      message: `${office.name} finnes bare til ${formatDateNorwegian(office.validTo)}; tilsettingen kan ikke starte etter det.`,
    };
  }
  const settledEnd = office.status === "MERGED" || office.status === "CLOSED";
  if (office.validTo && (end ? end > office.validTo : settledEnd)) {
    return {
      field: "end",
      message: `${office.name} finnes bare til ${formatDateNorwegian(office.validTo)}; tilsettingen kan ikke vare lenger.`,
    };
  }
  return null;
}

/**
 * Why the office takes no new assignments today, or null when it does. Today's status, not the
 * stored one: an office merged ahead of the merger's date takes assignments until then.
 */
export function closedToNewAssignments(office: OfficeDates & { name: string }): string | null {
  const status = officeStatusOn(office, todayInNorway());
  if (status !== "MERGED" && status !== "CLOSED") return null;
  return `${office.name} er ${status === "MERGED" ? "slått sammen" : "nedlagt"}; ingen nye tilsettinger der.`;
}

export interface NewAssignment {
  personId: string;
  roleId: string;
  teamId: string;
  /** Exact decimal text, e.g. "0.50". */
  fte: string;
  startDate: Date;
  endDate: Date | null;
  reportsToId: string | null;
}

/**
 * assignRole's rules, shared by every mutation that starts an assignment: role, team and
 * reports-to exist, the office is open, no overlap with the same role in the same team, and
 * the person's FTE stays ≤ 1.0 on every day. The caller has locked the person's row.
 * `globalIds` are the ids as the client sent them, for NotFoundError.
 */
export async function createCheckedAssignment(
  tx: Tx,
  input: NewAssignment,
  globalIds: { roleId: string; teamId: string; reportsToId: string | null },
  /** The input fields that carry the start and end, for ValidationError. */
  datePaths: { start: string; end: string } = { start: "startDate", end: "endDate" },
): Promise<Assignment> {
  const [role, team, reportsTo] = await Promise.all([
    tx.role.findUnique({ where: { id: input.roleId }, select: { name: true } }),
    tx.team.findUnique({
      where: { id: input.teamId },
      select: { name: true, office: { select: { name: true, status: true, validFrom: true, validTo: true } } },
    }),
    input.reportsToId ? tx.person.findUnique({ where: { id: input.reportsToId }, select: { id: true } }) : null,
  ]);
  if (!role) throw new NotFoundError("Role", globalIds.roleId);
  if (!team) throw new NotFoundError("Team", globalIds.teamId);
  if (input.reportsToId && !reportsTo) throw new NotFoundError("Person", globalIds.reportsToId!);
  const closed = closedToNewAssignments(team.office);
  if (closed) throw ValidationError.field("teamId", closed);

  const outside = outsideOfficeLifetime(team.office, input.startDate, input.endDate);
  if (outside) throw ValidationError.field(outside.field === "start" ? datePaths.start : datePaths.end, outside.message);

  const endDate = input.endDate;
  const overlapping = await tx.assignment.findFirst({
    where: {
      personId: input.personId,
      roleId: input.roleId,
      teamId: input.teamId,
      ...(endDate && { startDate: { lte: endDate } }),
      OR: [{ endDate: null }, { endDate: { gte: input.startDate } }],
    },
    orderBy: { startDate: "asc" },
  });
  if (overlapping) {
    const until = overlapping.endDate ? formatDateNorwegian(overlapping.endDate) : "";
    throw new AssignmentOverlapError(
      `Personen har allerede rollen ${role.name} i ${team.name} i en overlappende periode ` +
        `(${formatDateNorwegian(overlapping.startDate)}–${until}).`,
      overlapping.id,
    );
  }

  const over = await firstDayOverFteLimit(tx, input.personId, input.fte, input.startDate, endDate);
  if (over) {
    const day = new Date(`${over.day}T00:00:00Z`);
    throw new FteLimitError(
      `Personen har allerede ${decimal(over.existing)} årsverk ${formatDateNorwegian(day)}; med ` +
        `${decimal(input.fte)} til blir det mer enn 1,0.`,
      day,
      over.existing,
      input.fte,
      MAX_FTE,
    );
  }

  const assignment = await tx.assignment.create({
    data: {
      personId: input.personId,
      roleId: input.roleId,
      teamId: input.teamId,
      fte: input.fte,
      startDate: input.startDate,
      endDate,
      reportsToId: input.reportsToId,
    },
  });
  return assignment;
}

builder.mutationField("assignRole", (t) =>
  t.field({
    type: AssignmentRef,
    description:
      "HR or admin. Puts a person in a role in a team. Refused when the same person already has the same " +
      "role in the same team in an overlapping period, or when their total FTE would exceed 1.0 on any day.",
    authScopes: HR,
    args: { input: t.arg({ type: AssignRoleInput, required: true }) },
    errors: mutationResult("assignRole", "assignment", [
      ValidationError,
      NotFoundError,
      AssignmentOverlapError,
      FteLimitError,
    ]),
    resolve: (_parent, args, context) => {
      const input = parseInput(assignRoleSchema, args.input);
      return withAudit(context, async (tx) => {
        // Lock the person first: a concurrent assignRole for the same person waits here,
        // and then sees this one's assignment in its overlap and FTE checks.
        if (!(await lockRow(tx, "Person", input.personId))) throw new NotFoundError("Person", args.input.personId);
        const assignment = await createCheckedAssignment(tx, { ...input, endDate: input.endDate ?? null, reportsToId: input.reportsToId ?? null }, {
          roleId: args.input.roleId,
          teamId: args.input.teamId,
          reportsToId: args.input.reportsToId ?? null,
        });
        return {
          result: assignment,
          audit: {
            action: "assignRole",
            entityType: "Assignment",
            entityId: assignment.id,
            after: assignmentSnapshot(assignment),
          },
        };
      });
    },
  }),
);

builder.mutationField("endAssignment", (t) =>
  t.field({
    type: AssignmentRef,
    description:
      "HR or admin. Sets the last day of an assignment. Refused before its start, or when it has already " +
      "ended on or before that day.",
    authScopes: HR,
    args: { input: t.arg({ type: EndAssignmentInput, required: true }) },
    errors: mutationResult("endAssignment", "assignment", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(endAssignmentSchema, args.input);
      return withAudit(context, async (tx) => {
        if (!(await lockRow(tx, "Assignment", input.id))) throw new NotFoundError("Assignment", args.input.id);
        const before = await tx.assignment.findUniqueOrThrow({ where: { id: input.id } });
        if (input.endDate < before.startDate) {
          throw ValidationError.field(
            "endDate",
            `Sluttdato kan ikke være før startdato (${formatDateNorwegian(before.startDate)}).`,
          );
        }
        if (before.endDate && before.endDate <= input.endDate) {
          throw new ConflictError(`Tilsettingen er allerede avsluttet ${formatDateNorwegian(before.endDate)}.`, before.version);
        }
        const after = await tx.assignment.update({
          where: { id: before.id },
          data: { endDate: input.endDate, version: { increment: 1 } },
        });
        return {
          result: after,
          audit: {
            action: "endAssignment",
            entityType: "Assignment",
            entityId: after.id,
            before: assignmentSnapshot(before),
            after: assignmentSnapshot(after),
          },
        };
      });
    },
  }),
);
