// Review and approval (planner, admin): DRAFT → IN_REVIEW → APPROVED, back to DRAFT with a
// comment, or ARCHIVED. Each step checks the version, bumps it, and is audited; an approved
// scenario is read-only (the edits refuse anything but DRAFT) and a merger has at most one.
import type { Prisma, Scenario, ScenarioStatus } from "@samla/schema";
import { z } from "zod";
import type { Viewer } from "../auth/viewer";
import { builder } from "../builder";
import type { SamlaContext } from "../context";
import { unauthenticatedError } from "../lib/auth-errors";
import { lockRow, withAudit, type Tx } from "../lib/audit";
import { violatedConstraint } from "../lib/db-errors";
import {
  ConflictError,
  InvalidStatusTransitionError,
  NotAllowedError,
  NotFoundError,
  ValidationError,
} from "../lib/errors";
import { mutationResult } from "../lib/mutations";
import { parseInput, zGlobalId, zOptionalText, zText } from "../lib/validation";
import {
  checkDesignReady,
  SCENARIO_STATUS_NAMES,
  SCENARIO_TRANSITION_VERBS,
  SCENARIO_TRANSITIONS,
  scenarioReviewSnapshot,
  scenarioVersionConflict,
} from "./review-rules";
import { SCENARIO_EDITORS } from "./scenario-queries";
import { ScenarioRef } from "./scenarios";

const COMMENT_MAX = 4000;

const MERGER_CLOSED_NAMES = { COMPLETED: "fullført", CANCELLED: "avbrutt" } as const;

const SubmitScenarioInput = builder.inputType("SubmitScenarioInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    comment: t.string({ required: false, description: "A note to the reviewer, kept as a comment." }),
  }),
});

const ApproveScenarioInput = builder.inputType("ApproveScenarioInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    comment: t.string({ required: false }),
  }),
});

const ReturnScenarioInput = builder.inputType("ReturnScenarioInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    comment: t.string({ required: true, description: "Why it goes back: what the planner should change." }),
  }),
});

const ArchiveScenarioInput = builder.inputType("ArchiveScenarioInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
  }),
});

const optionalCommentSchema = z.object({
  id: zGlobalId("Scenario"),
  version: z.number().int(),
  comment: zOptionalText(COMMENT_MAX),
});
const requiredCommentSchema = z.object({ id: zGlobalId("Scenario"), version: z.number().int(), comment: zText(COMMENT_MAX) });
const archiveSchema = z.object({ id: zGlobalId("Scenario"), version: z.number().int() });

type ReviewAction = "submitScenario" | "approveScenario" | "returnScenario" | "archiveScenario";

interface Transition {
  action: ReviewAction;
  to: ScenarioStatus;
  /** Rules beyond the status graph, checked after the lock, version and status. */
  check?: (tx: Tx, scenario: Scenario, actor: Viewer) => Promise<void>;
  /** Fields set besides status and version. */
  data?: (actor: Viewer) => Prisma.ScenarioUpdateInput;
}

function refuseTransition(scenario: Scenario, to: ScenarioStatus): InvalidStatusTransitionError {
  const allowed = scenario.appliedAt ? [] : SCENARIO_TRANSITIONS[scenario.status];
  const reason = scenario.appliedAt
    ? "Scenarioet er tatt i bruk i en fullført sammenslåing"
    : `Scenarioet er ${SCENARIO_STATUS_NAMES[scenario.status]}`;
  const next = allowed.length
    ? `; det kan ${allowed.map((status) => SCENARIO_TRANSITION_VERBS[status]).join(" eller ")}`
    : "";
  return new InvalidStatusTransitionError(
    `${reason} og kan ikke ${SCENARIO_TRANSITION_VERBS[to]}${next}.`,
    scenario.status,
    to,
    allowed,
  );
}

/**
 * One review step in one transaction: lock the merger (approval and completion of one
 * merger take turns), then the scenario; check version, status and the step's own rules;
 * update; keep the comment; audit.
 */
function runTransition(
  context: SamlaContext,
  input: { id: string; version: number; comment?: string | null },
  globalId: string,
  transition: Transition,
): Promise<Scenario> {
  const actor = context.viewer;
  if (!actor) throw unauthenticatedError(context);
  return withAudit(context, async (tx) => {
    const found = await tx.scenario.findUnique({ where: { id: input.id }, select: { mergerId: true } });
    if (!found) throw new NotFoundError("Scenario", globalId);
    if (found.mergerId) await lockRow(tx, "Merger", found.mergerId);
    await lockRow(tx, "Scenario", input.id);
    const before = await tx.scenario.findUniqueOrThrow({ where: { id: input.id } });
    if (before.version !== input.version) throw await scenarioVersionConflict(tx, before, input.version);
    if (before.appliedAt || !SCENARIO_TRANSITIONS[before.status].includes(transition.to)) {
      throw refuseTransition(before, transition.to);
    }
    await transition.check?.(tx, before, actor);
    let after: Scenario;
    try {
      after = await tx.scenario.update({
        where: { id: before.id },
        data: { ...transition.data?.(actor), status: transition.to, version: { increment: 1 } },
      });
    } catch (error) {
      // The partial unique index is the last word when two approvals race past the check.
      if (violatedConstraint(error) === "Scenario_one_approved_per_merger") {
        throw new ConflictError("Sammenslåingen har allerede et godkjent scenario.", before.version);
      }
      throw error;
    }
    if (input.comment) {
      await tx.scenarioComment.create({
        data: {
          scenarioId: before.id,
          status: before.status,
          text: input.comment,
          authorSubject: actor.subject,
          authorName: actor.name,
        },
      });
    }
    return {
      result: after,
      audit: {
        action: transition.action,
        entityType: "Scenario",
        entityId: after.id,
        before: scenarioReviewSnapshot(before),
        after: { ...scenarioReviewSnapshot(after), ...(input.comment ? { comment: input.comment } : {}) },
      },
    };
  });
}

/** Approval rules: not one's own submission; the merger still open and without an approved design. */
async function checkApproval(tx: Tx, scenario: Scenario, actor: Viewer): Promise<void> {
  if (scenario.submittedBySubject === actor.subject) {
    throw new NotAllowedError(
      "Du sendte selv scenarioet til godkjenning; en annen planlegger eller en administrator må godkjenne det.",
      "SELF_APPROVAL",
    );
  }
  if (!scenario.mergerId) return;
  const merger = await tx.merger.findUniqueOrThrow({
    where: { id: scenario.mergerId },
    select: {
      name: true,
      status: true,
      scenarios: { where: { status: "APPROVED", id: { not: scenario.id } }, select: { name: true } },
    },
  });
  if (merger.status === "COMPLETED" || merger.status === "CANCELLED") {
    throw new ConflictError(
      `Sammenslåingen ${merger.name} er ${MERGER_CLOSED_NAMES[merger.status]}; scenarioer for den kan ikke godkjennes.`,
      scenario.version,
    );
  }
  const approved = merger.scenarios[0];
  if (approved) {
    throw new ConflictError(
      `Sammenslåingen ${merger.name} har allerede et godkjent scenario: «${approved.name}». ` +
        "Arkiver det før du godkjenner et annet.",
      scenario.version,
    );
  }
}

const reviewErrors = [ValidationError, NotFoundError, ConflictError, InvalidStatusTransitionError];

builder.mutationField("submitScenario", (t) =>
  t.field({
    type: ScenarioRef,
    description:
      "Planner or admin. DRAFT → IN_REVIEW. Refused while open to-be teams share a name or a service the " +
      "as-is offices deliver has no open team. An optional comment is kept.",
    authScopes: SCENARIO_EDITORS,
    args: { input: t.arg({ type: SubmitScenarioInput, required: true }) },
    errors: mutationResult("submitScenario", "scenario", reviewErrors),
    resolve: (_parent, args, context) =>
      runTransition(context, parseInput(optionalCommentSchema, args.input), args.input.id, {
        action: "submitScenario",
        to: "IN_REVIEW",
        check: (tx, scenario) => checkDesignReady(tx, scenario.id),
        data: (actor) => ({
          submittedBySubject: actor.subject,
          submittedByName: actor.name,
          submittedAt: new Date(),
          approvedBySubject: null,
          approvedByName: null,
          approvedAt: null,
        }),
      }),
  }),
);

builder.mutationField("approveScenario", (t) =>
  t.field({
    type: ScenarioRef,
    description:
      "Planner or admin other than the submitter. IN_REVIEW → APPROVED; the scenario is then read-only. " +
      "A merger has at most one approved scenario (archive it to approve another).",
    authScopes: SCENARIO_EDITORS,
    args: { input: t.arg({ type: ApproveScenarioInput, required: true }) },
    errors: mutationResult("approveScenario", "scenario", [...reviewErrors, NotAllowedError]),
    resolve: (_parent, args, context) =>
      runTransition(context, parseInput(optionalCommentSchema, args.input), args.input.id, {
        action: "approveScenario",
        to: "APPROVED",
        check: checkApproval,
        data: (actor) => ({ approvedBySubject: actor.subject, approvedByName: actor.name, approvedAt: new Date() }),
      }),
  }),
);

builder.mutationField("returnScenario", (t) =>
  t.field({
    type: ScenarioRef,
    description: "Planner or admin (the submitter too). IN_REVIEW → DRAFT, with a comment saying why.",
    authScopes: SCENARIO_EDITORS,
    args: { input: t.arg({ type: ReturnScenarioInput, required: true }) },
    errors: mutationResult("returnScenario", "scenario", reviewErrors),
    resolve: (_parent, args, context) =>
      runTransition(context, parseInput(requiredCommentSchema, args.input), args.input.id, {
        action: "returnScenario",
        to: "DRAFT",
        // A new round of review starts when it is submitted again.
        data: () => ({ submittedBySubject: null, submittedByName: null, submittedAt: null }),
      }),
  }),
);

builder.mutationField("archiveScenario", (t) =>
  t.field({
    type: ScenarioRef,
    description:
      "Planner or admin. DRAFT, IN_REVIEW or APPROVED → ARCHIVED (kept, read-only). Not once a completed " +
      "merger has applied it.",
    authScopes: SCENARIO_EDITORS,
    args: { input: t.arg({ type: ArchiveScenarioInput, required: true }) },
    errors: mutationResult("archiveScenario", "scenario", reviewErrors),
    resolve: (_parent, args, context) =>
      runTransition(context, parseInput(archiveSchema, args.input), args.input.id, {
        action: "archiveScenario",
        to: "ARCHIVED",
      }),
  }),
);
