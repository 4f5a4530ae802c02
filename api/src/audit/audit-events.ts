// The audit log: who changed what, when, with before/after snapshots (admin only).
import type { Prisma } from "@samla/schema";
import { builder } from "../builder";
import { toGlobalId } from "../lib/ids";
import { decodeGlobalID } from "@pothos/plugin-relay";

export const AuditEventRef = builder.prismaNode("AuditEvent", {
  id: { field: "id" },
  description: "One change, written in the same transaction as the change itself. Admin only.",
  // On the type, so `node(id)` cannot read audit events either.
  authScopes: { admin: true },
  fields: (t) => ({
    actorSubject: t.exposeString("actorSubject", { description: "SSO subject of whoever made the change." }),
    actorName: t.exposeString("actorName"),
    action: t.exposeString("action", { description: "The mutation, e.g. updateOffice." }),
    entityType: t.exposeString("entityType"),
    entityId: t.id({
      description: "Global id of the changed entity.",
      resolve: (event) => toGlobalId(event.entityType, event.entityId),
    }),
    before: t.expose("before", { type: "JSON", nullable: true }),
    after: t.expose("after", { type: "JSON", nullable: true }),
    requestId: t.exposeString("requestId", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const AuditEventFilter = builder.inputType("AuditEventFilter", {
  fields: (t) => ({
    entityId: t.id({ required: false, description: "Global id of an entity: its history." }),
    actorSubject: t.string({ required: false }),
    action: t.string({ required: false }),
  }),
});

function auditWhere(filter: typeof AuditEventFilter.$inferInput | null | undefined): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput[] = [];
  if (filter?.entityId) {
    let entity: { typename: string; id: string } | null = null;
    try {
      entity = decodeGlobalID(filter.entityId);
    } catch {
      entity = null;
    }
    // An id that is not a global id matches nothing.
    where.push(entity ? { entityType: entity.typename, entityId: entity.id } : { id: { in: [] } });
  }
  if (filter?.actorSubject) where.push({ actorSubject: filter.actorSubject });
  if (filter?.action) where.push({ action: filter.action });
  return { AND: where };
}

builder.queryField("auditEvents", (t) =>
  t.prismaConnection(
    {
      type: "AuditEvent",
      cursor: "id",
      description: "Admin. The audit log, newest first.",
      authScopes: { admin: true },
      args: { filter: t.arg({ type: AuditEventFilter, required: false }) },
      totalCount: (_parent, args, context) => context.db.auditEvent.count({ where: auditWhere(args.filter) }),
      resolve: (query, _parent, args, context) =>
        context.db.auditEvent.findMany({
          ...query,
          where: auditWhere(args.filter),
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        }),
    },
    { name: "AuditEventConnection" },
    { name: "AuditEventEdge" },
  ),
);
