// The three forms of the office status rule (TypeScript, Prisma filter, SQL) give the same
// answer for every kind of office on the days around its dates, on a real database.
import type { OfficeStatus } from "@samla/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { date } from "../../test/fixtures";
import { createTestDatabase, type TestDatabase } from "../../test/harness";
import { officeStatusOn, officeStatusSql, officeStatusWhere, type OfficeDates } from "./office-status";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const STATUSES: OfficeStatus[] = ["ACTIVE", "PLANNED", "MERGED", "CLOSED"];

// Every stored status with: no end, an end, and (for the merger's target) a future start.
const OFFICES: (OfficeDates & { code: string })[] = STATUSES.flatMap((status, index) => [
  { code: `91${index}0`, status, validFrom: date("2020-01-01"), validTo: null },
  { code: `91${index}1`, status, validFrom: date("2020-01-01"), validTo: date("2027-12-31") },
  { code: `91${index}2`, status, validFrom: date("2028-01-01"), validTo: null },
]);
const DAYS = ["2019-12-31", "2020-01-01", "2027-12-31", "2028-01-01", "2030-06-01"].map(date);

describe("officeStatusOn", () => {
  it("reads a merger completed ahead of time as the world before it until the effective date", () => {
    const source = { status: "MERGED" as const, validFrom: date("2020-01-01"), validTo: date("2027-12-31") };
    const target = { status: "ACTIVE" as const, validFrom: date("2028-01-01"), validTo: null };
    expect([officeStatusOn(source, date("2027-12-31")), officeStatusOn(target, date("2027-12-31"))]).toEqual(["ACTIVE", "PLANNED"]);
    expect([officeStatusOn(source, date("2028-01-01")), officeStatusOn(target, date("2028-01-01"))]).toEqual(["MERGED", "ACTIVE"]);
  });

  it("keeps an unconfirmed PLANNED office planned, and closes an office whose end has passed", () => {
    expect(officeStatusOn({ status: "PLANNED", validFrom: date("2020-01-01"), validTo: null }, date("2026-01-01"))).toBe("PLANNED");
    expect(officeStatusOn({ status: "ACTIVE", validFrom: date("2020-01-01"), validTo: date("2024-12-31") }, date("2026-01-01"))).toBe("CLOSED");
    expect(officeStatusOn({ status: "CLOSED", validFrom: date("2020-01-01"), validTo: null }, date("2026-01-01"))).toBe("CLOSED");
  });
});

describe("officeStatusWhere and officeStatusSql", () => {
  it("agree with officeStatusOn for every office and day", async () => {
    const { db } = database;
    await db.office.createMany({ data: OFFICES.map((o) => ({ ...o, name: `Nav ${o.code}` })) });
    for (const day of DAYS) {
      const expected = new Map(OFFICES.map((o) => [o.code, officeStatusOn(o, day)]));
      const fromSql = await db.$queryRaw<{ code: string; status: OfficeStatus }[]>`
        SELECT o."code", ${officeStatusSql("o", day)} AS "status" FROM "Office" o ORDER BY o."code"`;
      expect(new Map(fromSql.map((row) => [row.code, row.status])), `SQL on ${day.toISOString()}`).toEqual(expected);
      for (const status of STATUSES) {
        const found = await db.office.findMany({ where: officeStatusWhere([status], day), select: { code: true }, orderBy: { code: "asc" } });
        const want = OFFICES.filter((o) => expected.get(o.code) === status).map((o) => o.code).sort();
        expect(found.map((o) => o.code), `${status} on ${day.toISOString()}`).toEqual(want);
      }
    }
  });
});
