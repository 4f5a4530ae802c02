// Nav offices: the Office type and the queries that read offices.
import { OfficeStatus, type Prisma } from "@samla/schema";
import { builder } from "../builder";
import { containsText, startsWithText } from "../lib/text-match";
import { activeOn, assignmentFilter } from "../lib/current";
import { todayInNorway } from "../lib/dates";
import { ServiceRef } from "../catalog/services";
import { officeStatusOn, officeStatusWhere } from "./office-status";

export const OfficeStatusEnum = builder.enumType(OfficeStatus, {
  name: "OfficeStatus",
  description:
    "ACTIVE: in operation; PLANNED: a merger's future office, or an office before its validFrom; MERGED: merged " +
    "into another; CLOSED. Office.status and OfficeFilter.status are the status today, derived from the dates.",
});

export const OfficeRef = builder.prismaNode("Office", {
  id: { field: "id" },
  description: "A Nav office (Nav-kontor): a partnership between the state and one or more municipalities.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Nav's four-digit unit number (enhetsnummer)." }),
    name: t.exposeString("name"),
    status: t.field({
      type: OfficeStatusEnum,
      description:
        "The status today (in Norway), from the dates: PLANNED before validFrom, MERGED or CLOSED after validTo, " +
        "else ACTIVE. A merger completed ahead of its effective date changes it on that date.",
      select: { status: true, validFrom: true, validTo: true },
      resolve: (office) => officeStatusOn(office, todayInNorway()),
    }),
    isPilot: t.exposeBoolean("isPilot"),
    isSpearhead: t.exposeBoolean("isSpearhead", { description: "Nav Lillestrøm: the spearhead office." }),
    validFrom: t.expose("validFrom", { type: "Date" }),
    validTo: t.expose("validTo", { type: "Date", nullable: true }),
    version: t.exposeInt("version", { description: "Send it back with updateOffice (optimistic locking)." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    municipalities: t.relation("municipalities", { query: { orderBy: { number: "asc" } } }),
    teams: t.relation("teams", {
      description: "The office's teams, by name; `rootsOnly` gives the top of the tree (use `children`).",
      args: { rootsOnly: t.arg.boolean({ defaultValue: false }) },
      query: (args) => ({
        where: args.rootsOnly ? { parentId: null } : {},
        orderBy: { name: "asc" },
      }),
    }),
    teamCount: t.relationCount("teams"),
    services: t.field({
      type: [ServiceRef],
      description: "What the office delivers: the services of its teams, each once, by name.",
      // The same teams query as the `teams` field (and the same services query as
      // Team.services), so Pothos folds both into one selection when a page asks for both.
      select: (_args, _context, nestedSelection) => ({
        teams: {
          where: {},
          orderBy: { name: "asc" as const },
          select: { services: nestedSelection({ orderBy: { name: "asc" as const } }) },
        },
      }),
      resolve: (office) => {
        const byId = new Map(office.teams.flatMap((team) => team.services).map((service) => [service.id, service]));
        return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "nb"));
      },
    }),
    people: t.prismaConnection({
      type: "Person",
      cursor: "id",
      description: "People with an assignment in one of the office's teams; ended ones only with includeEnded.",
      args: { includeEnded: t.arg.boolean({ defaultValue: false }) },
      totalCount: (office, args, context) =>
        context.db.person.count({ where: peopleOfOffice(office.id, args.includeEnded) }),
      resolve: (query, office, args, context) =>
        context.db.person.findMany({
          ...query,
          where: peopleOfOffice(office.id, args.includeEnded),
          orderBy: [{ name: "asc" }, { id: "asc" }],
        }),
    }, { name: "OfficePersonConnection" }, { name: "OfficePersonEdge" }),
    assignments: t.prismaConnection({
      type: "Assignment",
      cursor: "id",
      description: "Assignments in the office's teams (not ended by default), newest start first.",
      args: { includeEnded: t.arg.boolean({ defaultValue: false }) },
      totalCount: (office, args, context) =>
        context.db.assignment.count({ where: assignmentsOfOffice(office.id, args.includeEnded) }),
      resolve: (query, office, args, context) =>
        context.db.assignment.findMany({
          ...query,
          where: assignmentsOfOffice(office.id, args.includeEnded),
          orderBy: [{ startDate: "desc" }, { id: "asc" }],
        }),
    }, { name: "OfficeAssignmentConnection" }, { name: "OfficeAssignmentEdge" }),
    mergersAsSource: t.relation("mergersAsSource", { query: { orderBy: { effectiveDate: "asc" } } }),
    mergersAsTarget: t.relation("mergersAsTarget", { query: { orderBy: { effectiveDate: "asc" } } }),
  }),
});

function assignmentsOfOffice(officeId: string, includeEnded: boolean | null | undefined): Prisma.AssignmentWhereInput {
  return { team: { officeId }, ...assignmentFilter(includeEnded) };
}

function peopleOfOffice(officeId: string, includeEnded: boolean | null | undefined): Prisma.PersonWhereInput {
  return { assignments: { some: assignmentsOfOffice(officeId, includeEnded) } };
}

const OfficeFilter = builder.inputType("OfficeFilter", {
  fields: (t) => ({
    status: t.field({ type: [OfficeStatusEnum], required: false, description: "Any of these statuses today (see Office.status)." }),
    isPilot: t.boolean({ required: false }),
    municipalityNumber: t.string({ required: false, description: "Offices serving this municipality." }),
    text: t.string({ required: false, description: "Part of the name, the office number, or a municipality it serves (name or number)." }),
  }),
});

type OfficeFilterInput = typeof OfficeFilter.$inferInput;

function officeWhere(filter: OfficeFilterInput | null | undefined): Prisma.OfficeWhereInput {
  const where: Prisma.OfficeWhereInput[] = [];
  if (filter?.status?.length) where.push(officeStatusWhere(filter.status, todayInNorway()));
  if (filter?.isPilot != null) where.push({ isPilot: filter.isPilot });
  if (filter?.municipalityNumber) where.push({ municipalities: { some: { number: filter.municipalityNumber } } });
  const text = filter?.text?.trim();
  if (text) {
    where.push({
      OR: [
        { name: containsText(text) },
        { code: startsWithText(text) },
        // The municipalities it serves: "Skedsmo" finds the office that served Skedsmo.
        {
          municipalities: {
            some: { OR: [{ name: containsText(text) }, { number: startsWithText(text) }] },
          },
        },
      ],
    });
  }
  return { AND: where };
}

builder.queryFields((t) => ({
  offices: t.prismaConnection({
    type: "Office",
    cursor: "id",
    description: "Offices by name, filtered.",
    args: { filter: t.arg({ type: OfficeFilter, required: false }) },
    totalCount: (_parent, args, context) => context.db.office.count({ where: officeWhere(args.filter) }),
    resolve: (query, _parent, args, context) =>
      context.db.office.findMany({
        ...query,
        where: officeWhere(args.filter),
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }, { name: "OfficeConnection" }, { name: "OfficeEdge" }),
  office: t.prismaField({
    type: "Office",
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: OfficeRef }) },
    resolve: (query, _parent, args, context) =>
      context.db.office.findUnique({ ...query, where: { id: args.id.id } }),
  }),
  currentStaffCount: t.int({
    description: "How many people hold an assignment running today (in Norway), in any office: the overview's head count.",
    resolve: (_parent, _args, context) =>
      context.db.person.count({ where: { assignments: { some: activeOn(todayInNorway()) } } }),
  }),
  officeByCode: t.prismaField({
    type: "Office",
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _parent, args, context) =>
      context.db.office.findUnique({ ...query, where: { code: args.code.trim() } }),
  }),
}));
