// "Current" assignments: history is kept by dates, so lists show the ones that have not
// ended unless the client asks for the ended ones too.
import type { Prisma } from "@samla/schema";
import { todayInNorway } from "./dates";

/** Assignments not ended before `day` (running that day or starting later). */
export function notEndedBy(day: Date = todayInNorway()): Prisma.AssignmentWhereInput {
  return { OR: [{ endDate: null }, { endDate: { gte: day } }] };
}

/** Assignments running on `day`. */
export function activeOn(day: Date): Prisma.AssignmentWhereInput {
  return { startDate: { lte: day }, ...notEndedBy(day) };
}

/** The usual filter: all assignments when `includeEnded`, else those not ended by today. */
export function assignmentFilter(includeEnded: boolean | null | undefined): Prisma.AssignmentWhereInput {
  return includeEnded ? {} : notEndedBy();
}
