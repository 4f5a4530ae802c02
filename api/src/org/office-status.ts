// An office's status on a day, derived from its dates (docs/decisions/008). The stored
// `status` says what the office is or becomes within its dates (PLANNED: not confirmed yet;
// ACTIVE: in operation from validFrom; MERGED/CLOSED: in operation until validTo, then merged
// or closed). So completing a merger ahead of its effective date changes nothing today: the
// sources stay ACTIVE until their validTo and the target PLANNED until its validFrom, and on
// the effective date every read shows the new world without anything being written.
//
// Three forms of one rule, kept side by side so they cannot drift: one office in TypeScript,
// a Prisma filter, and a SQL expression for the raw read models. office-status.test.ts
// checks that all three agree.
import { Prisma, type OfficeStatus } from "@samla/schema";
import { formatDate } from "../lib/dates";

export interface OfficeDates {
  status: OfficeStatus;
  validFrom: Date;
  validTo: Date | null;
}

/** The office's status on `day` (a UTC-midnight date, e.g. todayInNorway()). */
export function officeStatusOn(office: OfficeDates, day: Date): OfficeStatus {
  if (office.status === "PLANNED" || office.validFrom > day) return "PLANNED";
  // A MERGED or CLOSED office without an end date has ended at some unknown day.
  const ended = office.validTo ? office.validTo < day : office.status !== "ACTIVE";
  if (!ended) return "ACTIVE";
  // Ended without a merger (also an ACTIVE office whose end date has passed): closed.
  return office.status === "MERGED" ? "MERGED" : "CLOSED";
}

/** Prisma filter: offices whose status on `day` is one of `statuses`. */
export function officeStatusWhere(statuses: readonly OfficeStatus[], day: Date): Prisma.OfficeWhereInput {
  const started: Prisma.OfficeWhereInput = { status: { not: "PLANNED" }, validFrom: { lte: day } };
  const endedOrOpen = (status: OfficeStatus): Prisma.OfficeWhereInput => ({
    status,
    OR: [{ validTo: { lt: day } }, { validTo: null }],
  });
  const byStatus: Record<OfficeStatus, Prisma.OfficeWhereInput> = {
    PLANNED: { OR: [{ status: "PLANNED" }, { validFrom: { gt: day } }] },
    ACTIVE: { AND: [started, { OR: [{ validTo: { gte: day } }, { validTo: null, status: "ACTIVE" }] }] },
    MERGED: { AND: [started, endedOrOpen("MERGED")] },
    CLOSED: { AND: [started, { OR: [endedOrOpen("CLOSED"), { status: "ACTIVE", validTo: { lt: day } }] }] },
  };
  return { OR: [...new Set(statuses)].map((status) => byStatus[status]) };
}

/** SQL expression (text) for the status on `day` of the office row `alias` ("o" → o."status"). */
export function officeStatusSql(alias: string, day: Date): Prisma.Sql {
  const o = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  const d = formatDate(day);
  return Prisma.sql`(CASE
    WHEN ${o}."status" = 'PLANNED' OR ${o}."validFrom" > ${d}::date THEN 'PLANNED'
    WHEN (${o}."validTo" IS NULL AND ${o}."status" = 'ACTIVE') OR ${o}."validTo" >= ${d}::date THEN 'ACTIVE'
    WHEN ${o}."status" = 'MERGED' THEN 'MERGED'
    ELSE 'CLOSED'
  END)`;
}
