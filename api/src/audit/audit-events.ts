// The audit log: who changed what, when, with before/after snapshots (hr and admin), and
// its export as CSV or XLSX.
import type { Prisma } from "@samla/schema";
import { decodeGlobalID } from "../lib/ids";
import { scopes } from "../auth/policy";
import { builder } from "../builder";
import type { SamlaContext } from "../context";
import { toGlobalId } from "../lib/ids";
import { writeCsv, writeXlsx } from "../lib/spreadsheets";
import { containsText } from "../lib/text-match";
import { auditNames, entityRefKind, readableChanges, type AuditChange } from "./audit-readable";

const AUDIT_READERS = scopes("audit.read");
/** The most events one export holds; narrow the filter for more. */
export const MAX_EXPORT_EVENTS = 50_000;

const AuditValueKindEnum = builder.enumType("AuditValueKind", {
  description: "How to show a value of an audit change.",
  values: {
    TEXT: { description: "Free text" },
    NAME: { description: "The name of what the raw id or code refers to" },
    DATE: { description: "An ISO day (yyyy-mm-dd)" },
    INSTANT: { description: "An ISO instant" },
    BOOLEAN: { description: "true or false" },
    NUMBER: { description: "A number, exact as text (fte 0.50)" },
    CODE: { description: "An enum value (ACTIVE, STATE): the client translates it" },
    LIST: { description: "Several values (names where they refer to something), comma-separated" },
  } as const,
});

const AuditChangeRef = builder.objectRef<AuditChange>("AuditChange").implement({
  description: "One field of an audit event, before and after, with ids resolved to names.",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The snapshot's key, e.g. roleId or fte: the client labels it." }),
    kind: t.field({ type: AuditValueKindEnum, resolve: (change) => change.kind }),
    before: t.exposeString("before", { nullable: true, description: "Readable: names for ids and codes." }),
    after: t.exposeString("after", { nullable: true }),
    beforeRaw: t.field({ type: "JSON", nullable: true, description: "As stored, ids included.", resolve: (change) => change.beforeRaw }),
    afterRaw: t.field({ type: "JSON", nullable: true, resolve: (change) => change.afterRaw }),
  }),
});

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
    entityName: t.string({
      nullable: true,
      description: "The changed entity's name now (a person's, an office's; an assignment as person – role, team); null when it is gone or has none.",
      select: { entityType: true, entityId: true },
      resolve: (event, _args, context) => {
        const kind = entityRefKind(event.entityType);
        return kind ? auditNames(context)(kind, event.entityId) : null;
      },
    }),
    changes: t.field({
      type: [AuditChangeRef],
      description: "The fields that changed, ids resolved to names (one statement for a whole page of events).",
      select: { before: true, after: true },
      resolve: (event, _args, context) => readableChanges(event.before, event.after, auditNames(context)),
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
    person: t.string({
      required: false,
      description:
        "Part of a person's name: events they made, and changes to them (their person record and assignments). " +
        `At most ${MAX_PEOPLE_MATCHED} people are matched; type more of the name for the rest.`,
    }),
    action: t.string({ required: false }),
    from: t.field({ type: "DateTime", required: false, description: "At or after this instant." }),
    to: t.field({ type: "DateTime", required: false, description: "Before this instant." }),
  }),
});

type AuditFilterInput = typeof AuditEventFilter.$inferInput;

/** The most people one name filter matches: each brings its assignments' ids into the query. */
const MAX_PEOPLE_MATCHED = 500;

/** Events made by or about people whose name contains `text`. */
async function personWhere(context: SamlaContext, text: string): Promise<Prisma.AuditEventWhereInput> {
  const people = await context.db.person.findMany({
    where: { name: containsText(text) },
    select: { id: true, ssoSubject: true, assignments: { select: { id: true } } },
    orderBy: { id: "asc" },
    take: MAX_PEOPLE_MATCHED,
  });
  const subjects = people.flatMap((person) => (person.ssoSubject ? [person.ssoSubject] : []));
  return {
    OR: [
      // The actor's name is stored with the event, so also people who are not in the register match.
      { actorName: containsText(text) },
      ...(subjects.length ? [{ actorSubject: { in: subjects } }] : []),
      ...(people.length ? [{ entityType: "Person", entityId: { in: people.map((person) => person.id) } }] : []),
      ...(people.length
        ? [{ entityType: "Assignment", entityId: { in: people.flatMap((person) => person.assignments.map((a) => a.id)) } }]
        : []),
    ],
  };
}

async function auditWhere(context: SamlaContext, filter: AuditFilterInput | null | undefined): Promise<Prisma.AuditEventWhereInput> {
  const where: Prisma.AuditEventWhereInput[] = [];
  const person = filter?.person?.trim();
  if (person) where.push(await personWhere(context, person));
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
      totalCount: async (_parent, args, context) => context.db.auditEvent.count({ where: await auditWhere(context, args.filter) }),
      resolve: async (query, _parent, args, context) =>
        context.db.auditEvent.findMany({ ...query, where: await auditWhere(context, args.filter), orderBy: NEWEST_FIRST }),
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
      const events = await context.db.auditEvent.findMany({ where: await auditWhere(context, args.filter), orderBy: NEWEST_FIRST, take: MAX_EXPORT_EVENTS });
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
