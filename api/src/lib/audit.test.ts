// withAudit's promise: the change and its AuditEvent commit together, or nothing does.
// (The mutations' own tests go through GraphQL; this checks the helper's rollback directly,
// with a failure after a successful write, which no valid GraphQL input can provoke.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, USERS, type TestDatabase } from "../../test/harness";
import type { SamlaContext } from "../context";
import { withAudit } from "./audit";
import { ValidationError } from "./errors";

let database: TestDatabase;
let context: SamlaContext;

beforeAll(async () => {
  database = await createTestDatabase();
  const { sub, username, name, roles } = USERS.planner;
  context = { db: database.db, viewer: { subject: sub, username, name, roles: roles as ["planner"] }, authFailure: null, requestId: "req-1" };
});
afterAll(() => database?.close());

const office = (code: string) => ({ code, name: `Nav ${code}`, validFrom: new Date("2020-01-01") });

describe("withAudit", () => {
  it("commits the change with one AuditEvent per entry", async () => {
    const created = await withAudit(context, async (tx) => {
      const row = await tx.office.create({ data: office("1001") });
      return { result: row, audit: { action: "createOffice", entityType: "Office", entityId: row.id, after: { code: "1001" } } };
    });
    const events = await database.db.auditEvent.findMany({ where: { entityId: created.id } });
    expect(events).toMatchObject([{ actorSubject: "sub-planner", actorName: "Pia Planlegger", requestId: "req-1", after: { code: "1001" } }]);
  });

  it("rolls back earlier writes when a later step fails, and writes no AuditEvent", async () => {
    const before = { offices: await database.db.office.count(), events: await database.db.auditEvent.count() };
    await expect(
      withAudit(context, async (tx) => {
        await tx.office.create({ data: office("1002") });
        throw ValidationError.field("name", "Feil etter første skriving.");
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      withAudit(context, async (tx) => {
        await tx.office.create({ data: office("1003") });
        await tx.office.create({ data: office("1001") }); // unique violation
        return { result: null, audit: [] };
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fieldErrors: [{ path: "code" }] });
    expect(await database.db.office.count()).toBe(before.offices);
    expect(await database.db.auditEvent.count()).toBe(before.events);
  });

  it("refuses to run without a signed-in viewer", async () => {
    await expect(withAudit({ ...context, viewer: null }, async () => ({ result: 1, audit: [] }))).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });
});
