// Every change and its AuditEvent commit together or not at all.
import { Prisma } from "@samla/schema";
import type { SamlaContext } from "../context";
import { unauthenticatedError } from "./auth-errors";
import { translateDbError } from "./db-errors";
import { ConflictError } from "./errors";

export type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  /** Verb-first, the mutation's name: "createOffice", "assignRole" */
  action: string;
  /** GraphQL type name of the changed entity */
  entityType: string;
  /** Database id of the changed entity */
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditedChange<T> {
  result: T;
  /** One entry per changed entity; the first is the one the mutation is about. */
  audit: AuditEntry | AuditEntry[];
}

/** Dates as ISO strings and decimals as exact text, as JSON stores them. */
export function auditJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Runs `change` in one transaction and writes its AuditEvents (actor, action, entity,
 * before/after, request id) in the same transaction. Database refusals come out as typed
 * errors; any error rolls the whole change back.
 */
export async function withAudit<T>(context: SamlaContext, change: (tx: Tx) => Promise<AuditedChange<T>>): Promise<T> {
  const actor = context.viewer;
  // scope-auth has already refused anonymous callers; this guards against a missing scope.
  if (!actor) throw unauthenticatedError(context);
  try {
    return await context.db.$transaction(
      async (tx) => {
        const { result, audit } = await change(tx);
        await tx.auditEvent.createMany({
          data: [audit].flat().map((entry) => ({
            actorSubject: actor.subject,
            actorName: actor.name,
            action: entry.action,
            entityType: entry.entityType,
            entityId: entry.entityId,
            before: auditJson(entry.before),
            after: auditJson(entry.after),
            requestId: context.requestId,
          })),
        });
        return result;
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  } catch (error) {
    throw translateDbError(error) ?? error;
  }
}

const LOCKABLE = ["Office", "Team", "Role", "Service", "Person", "Assignment", "Merger", "Scenario", "HealthCheckSettings", "Practice", "Kpi", "RolloutWave", "OfficeRollout", "ProgressReport"] as const;
export type LockableTable = (typeof LOCKABLE)[number];

/**
 * `SELECT … FOR UPDATE` on one row: concurrent transactions that lock the same row wait
 * for this one to finish, so checks made after the lock hold until commit.
 * Returns false when the row does not exist.
 */
export async function lockRow(tx: Tx, table: LockableTable, id: string): Promise<boolean> {
  if (!LOCKABLE.includes(table)) throw new Error(`not lockable: ${table}`);
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "${table}" WHERE "id" = $1 FOR UPDATE`, id);
  return rows.length === 1;
}

/** Fields whose values differ between two audit snapshots. */
function changedKeys(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const ignored = new Set(["version", "updatedAt", "createdAt"]);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (key) => !ignored.has(key) && JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  );
}

/**
 * The ConflictError for a stale `version`: names the current version and, from the audit
 * log, which fields others changed after the version the client had.
 */
export async function staleVersionConflict(
  tx: Tx,
  entity: { type: string; id: string; label: string },
  expectedVersion: number,
  currentVersion: number,
): Promise<ConflictError> {
  const events = await tx.auditEvent.findMany({
    where: { entityType: entity.type, entityId: entity.id },
    orderBy: { createdAt: "asc" },
    select: { before: true, after: true },
  });
  const changed = new Set<string>();
  for (const event of events) {
    const afterVersion = (event.after as { version?: unknown } | null)?.version;
    if (typeof afterVersion === "number" && afterVersion > expectedVersion) {
      for (const key of changedKeys(event.before, event.after)) changed.add(key);
    }
  }
  const fields = [...changed].sort();
  return new ConflictError(
    `${entity.label} er endret av noen andre siden du hentet det (du har versjon ${expectedVersion}, ` +
      `gjeldende er versjon ${currentVersion})${fields.length ? `. Endret: ${fields.join(", ")}` : ""}. ` +
      "Hent siste versjon og prøv igjen.",
    currentVersion,
    fields,
  );
}
