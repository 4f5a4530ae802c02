// GraphQL types for the expected failures in errors.ts. Every one implements `Error`,
// so clients can always ask for `... on Error { message code }`.
import { builder } from "../builder";
import {
  AssignmentOverlapError,
  ConflictError,
  FteLimitError,
  InvalidStatusTransitionError,
  NotAllowedError,
  NotFoundError,
  SamlaError,
  ValidationError,
  type FieldError,
} from "./errors";
import { toGlobalId } from "./ids";

export const ErrorInterface = builder.interfaceRef<SamlaError>("Error").implement({
  description: "An expected failure of a mutation. `message` is Norwegian, for the user; `code` is for code.",
  fields: (t) => ({
    message: t.exposeString("message"),
    code: t.exposeString("code"),
  }),
});

const FieldErrorRef = builder.objectRef<FieldError>("FieldError").implement({
  description: "A problem with one input field.",
  fields: (t) => ({
    path: t.exposeString("path", { description: "Dotted path inside `input`, e.g. `code` or `sourceOfficeIds.1`." }),
    message: t.exposeString("message"),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({ type: [FieldErrorRef], resolve: (error) => error.fieldErrors }),
  }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entityType: t.exposeString("entityType"),
    entityId: t.exposeID("entityId"),
  }),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    currentVersion: t.exposeInt("currentVersion", { nullable: true }),
    changedFields: t.exposeStringList("changedFields", {
      description: "Fields others changed since the version the client sent.",
    }),
  }),
});

builder.objectType(AssignmentOverlapError, {
  name: "AssignmentOverlapError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    overlappingAssignmentId: t.id({
      resolve: (error) => toGlobalId("Assignment", error.overlappingAssignmentId),
    }),
  }),
});

builder.objectType(FteLimitError, {
  name: "FteLimitError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    date: t.field({ type: "Date", resolve: (error) => error.date }),
    existingFte: t.float({ resolve: (error) => Number(error.existingFte) }),
    requestedFte: t.float({ resolve: (error) => Number(error.requestedFte) }),
    limit: t.float({ resolve: (error) => Number(error.limit) }),
  }),
});

builder.objectType(InvalidStatusTransitionError, {
  name: "InvalidStatusTransitionError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    from: t.exposeString("from"),
    to: t.exposeString("to"),
    allowed: t.exposeStringList("allowed"),
  }),
});

builder.objectType(NotAllowedError, {
  name: "NotAllowedError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    rule: t.exposeString("rule", { description: "The rule that refused it, e.g. SELF_APPROVAL." }),
  }),
});
