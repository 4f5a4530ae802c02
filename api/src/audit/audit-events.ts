// The audit log: who changed what, when, with before/after snapshots (hr and admin), and
// its export as CSV or XLSX.
import type { Prisma } from "@samla/schema";
import { decodeGlobalID } from "../lib/ids";
import { scopes } from "../auth/policy";
import { builder } from "../builder";
import { toGlobalId } from "../lib/ids";
import { writeCsv, writeXlsx } from "../lib/spreadsheets";

const AUDIT_READERS = scopes("audit.read");
/** The most events one export holds; narrow the filter for more. */
export const MAX_EXPORT_EVENTS = 50_000;

export const AuditEventRef = builder.prismaNode("AuditEvent", {
  id: { field: "id" },
  description: "One change, written in the same transaction as the change itself. HR and admin only.",
  // On the type, so `node(id)` cannot read audit events either.
  authScopes: AUDIT_READERS,
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
  description: "All given conditions must hold.",
  fields: (t) => ({
    entityId: t.id({ required: false, description: "Global id of an entity: its history." }),
    entityType: t.string({ required: false, description: "GraphQL type name, e.g. Assignment." }),
    actorSubject: t.string({ required: false }),
    action: t.string({ required: false }),
    from: t.field({ type: "DateTime", required: false, description: "At or after this instant." }),
    to: t.field({ type: "DateTime", required: false, description: "Before this instant." }),
  }),
});

type AuditFilterInput = typeof AuditEventFilter.$inferInput;

function auditWhere(filter: AuditFilterInput | null | undefined): Prisma.AuditEventWhereInput {
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
  if (filter?.entityType) where.push({ entityType: filter.entityType });
  if (filter?.actorSubject) where.push({ actorSubject: filter.actorSubject });
  if (filter?.action) where.push({ action: filter.action });
  if (filter?.from) where.push({ createdAt: { gte: filter.from } });
  if (filter?.to) where.push({ createdAt: { lt: filter.to } });
  return { AND: where };
}

const NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.AuditEventOrderByWithRelationInput[];

builder.queryField("auditEvents", (t) =>
  t.prismaConnection(
    {
      type: "AuditEvent",
      cursor: "id",
      description: "HR or admin. The audit log, newest first.",
      authScopes: AUDIT_READERS,
      args: { filter: t.arg({ type: AuditEventFilter, required: false }) },
      totalCount: (_parent, args, context) => context.db.auditEvent.count({ where: auditWhere(args.filter) }),
      resolve: (query, _parent, args, context) =>
        context.db.auditEvent.findMany({ ...query, where: auditWhere(args.filter), orderBy: NEWEST_FIRST }),
    },
    { name: "AuditEventConnection" },
    { name: "AuditEventEdge" },
  ),
);

export const ExportFormatEnum = builder.enumType("ExportFormat", {
  values: { CSV: { description: "UTF-8 with BOM, comma-separated" }, XLSX: { description: "Excel workbook" } } as const,
});

interface ExportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export const ExportFileRef = builder.objectRef<ExportFile>("ExportFile").implement({
  description: "A generated file: save `contentBase64` (decoded) as `fileName`.",
  fields: (t) => ({
    fileName: t.exposeString("fileName"),
    contentType: t.exposeString("contentType"),
    contentBase64: t.string({ resolve: (file) => file.content.toString("base64") }),
  }),
});

/** Column headers of the export, Norwegian: HR reads the file. */
const EXPORT_HEADER = ["tidspunkt", "utført_av", "utført_av_id", "handling", "type", "id", "før", "etter", "forespørsel"];

builder.queryField("auditEventsExport", (t) =>
  t.field({
    type: ExportFileRef,
    description: `HR or admin. The filtered audit log as a file, newest first (at most ${MAX_EXPORT_EVENTS} events).`,
    authScopes: AUDIT_READERS,
    args: {
      filter: t.arg({ type: AuditEventFilter, required: false }),
      format: t.arg({ type: ExportFormatEnum, required: true }),
    },
    resolve: async (_parent, args, context) => {
      const events = await context.db.auditEvent.findMany({ where: auditWhere(args.filter), orderBy: NEWEST_FIRST, take: MAX_EXPORT_EVENTS });
      const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
      const rows = events.map((e) => [
        e.createdAt.toISOString(),
        e.actorName,
        e.actorSubject,
        e.action,
        e.entityType,
        toGlobalId(e.entityType, e.entityId),
        json(e.before),
        json(e.after),
        e.requestId,
      ]);
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
      return args.format === "CSV"
        ? { fileName: `revisjonslogg-${stamp}.csv`, contentType: "text/csv; charset=utf-8", content: writeCsv(EXPORT_HEADER, rows) }
        : {
            fileName: `revisjonslogg-${stamp}.xlsx`,
            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            content: await writeXlsx("Revisjonslogg", EXPORT_HEADER, rows),
          };
    },
  }),
);
