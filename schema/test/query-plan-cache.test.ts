import { describe, expect, it } from "vitest";
import { cachedQueryPlanCount, createDb, migratePGlite, openPGlite } from "../src";

describe("the query plan cache", () => {
  it("compiles a request once and still reads the rows as they are now", async () => {
    const pglite = openPGlite("pglite:memory");
    await migratePGlite(pglite);
    const db = createDb("pglite:memory", { pglite });
    try {
      await db.office.create({ data: { code: "0301", name: "Nav Plan", validFrom: new Date("2020-01-01") } });
      // A request no other test sends, so the counts below are this test's own.
      const read = () => db.office.findMany({ where: { code: "0301", name: { startsWith: "Nav Plan" } }, select: { name: true, version: true } });

      const before = cachedQueryPlanCount();
      expect(await read()).toEqual([{ name: "Nav Plan", version: 1 }]);
      const afterFirst = cachedQueryPlanCount();
      expect(afterFirst).toBeGreaterThan(before);

      // The same request again: no new plan, and the plan is not the data: a change shows.
      await db.office.update({ where: { code: "0301" }, data: { name: "Nav Plan Endret", version: { increment: 1 } } });
      expect(await read()).toEqual([{ name: "Nav Plan Endret", version: 2 }]);
      // The update compiled its own plan; reading again added none.
      const afterSecond = cachedQueryPlanCount();
      expect(await read()).toEqual([{ name: "Nav Plan Endret", version: 2 }]);
      expect(cachedQueryPlanCount()).toBe(afterSecond);

      // Other arguments are another request: another plan, its own answer.
      const other = await db.office.findMany({ where: { code: "9999" }, select: { name: true } });
      expect(other).toEqual([]);
      expect(cachedQueryPlanCount()).toBeGreaterThan(afterSecond);
    } finally {
      await db.$disconnect();
      await pglite.close();
    }
  });
});
