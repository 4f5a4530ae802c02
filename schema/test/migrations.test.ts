import { describe, expect, it } from "vitest";
import { createDb, migratePGlite, migrations, openPGlite } from "../src";

describe("migration files", () => {
  it("have no semicolon in a comment: prisma migrate deploy on PostgreSQL splits the script at every ';'", () => {
    // @prisma/adapter-pg 6.19's executeScript splits on ";" before sending, so "-- a; b" sends "b"
    // as a statement (a comment in a migration of issue 14 broke migrate deploy this way).
    const offending = migrations().flatMap(({ name, sql }) =>
      sql.split("\n").filter((line) => /--.*;/.test(line)).map((line) => `${name}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});

describe("migratePGlite", () => {
  it("applies every migration once and records it as prisma migrate deploy does", async () => {
    const pglite = openPGlite("pglite:memory");
    try {
      expect(await migratePGlite(pglite)).toEqual(migrations().map((m) => m.name));
      // A second run finds nothing pending and changes nothing.
      expect(await migratePGlite(pglite)).toEqual([]);
      const recorded = await pglite.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(recorded.rows.map((r) => r.migration_name)).toEqual(migrations().map((m) => m.name));
      expect(recorded.rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.finished_at !== null)).toBe(true);
    } finally {
      await pglite.close();
    }
  });

  it("gives a database whose constraints hold through the Prisma client", async () => {
    const pglite = openPGlite("pglite:memory");
    await migratePGlite(pglite);
    const db = createDb("pglite:memory", { pglite });
    try {
      await expect(
        db.office.create({ data: { code: "12", name: "Nav Feil", validFrom: new Date("2020-01-01") } }),
      ).rejects.toThrow(/Office_code_format/);
      const office = await db.office.create({ data: { code: "0301", name: "Nav Test", validFrom: new Date("2020-01-01") } });
      expect(office.version).toBe(1);
      expect(await db.office.count()).toBe(1);
    } finally {
      await db.$disconnect();
      await pglite.close();
    }
  });
});
