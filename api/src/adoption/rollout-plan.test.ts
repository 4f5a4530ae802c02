// The rollout plan through GraphQL: waves, offices in waves, moving an office (its history stays),
// per-practice dates, optimistic locking, and who may read and change it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, date, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi, type UserName } from "../../test/harness";
import { ERRORS } from "./report-test-data";

let api: TestApi;
let f: Fixtures;
let interviews: string;
let standups: string;
let retired: string;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
  const practice = (code: string, name: string, sortOrder: number, retiredAt: Date | null = null) =>
    api.db.practice.create({
      data: {
        code,
        theme: "CASE_FLOW",
        sortOrder,
        retiredAt,
        versions: { create: { number: 1, name, description: "D", levels: ["0", "1", "2", "3", "4"], createdBy: "Test" } },
      },
    });
  interviews = gid("Practice", (await practice("INTERVJU", "Brukerintervjuer", 1)).id);
  standups = gid("Practice", (await practice("TAVLE", "Tavlemøter", 2)).id);
  retired = gid("Practice", (await practice("GAMMEL", "Gammel praksis", 3, date("2024-01-01"))).id);
});
afterAll(() => api?.close());

const office = (key: keyof Fixtures["offices"]) => gid("Office", f.offices[key].id);

const WAVE = `id name ordinal isPilot description plannedStart targetDate version officeCount
  rollouts { office { name } plannedStart targetDate isCurrent }`;
const ROLLOUT = `id plannedStart targetDate isCurrent leftAt leftReason version wave { name } office { name }
  practicePlans { practice { code } plannedStart targetDate overridden }`;

const CREATE_WAVE = `mutation($input: CreateRolloutWaveInput!) { createRolloutWave(input: $input) { ${ERRORS}
  ... on CreateRolloutWavePayload { rolloutWave { ${WAVE} } } } }`;
const UPDATE_WAVE = `mutation($input: UpdateRolloutWaveInput!) { updateRolloutWave(input: $input) { ${ERRORS}
  ... on UpdateRolloutWavePayload { rolloutWave { ${WAVE} } } } }`;
const ADD_OFFICES = `mutation($input: AddOfficesToWaveInput!) { addOfficesToWave(input: $input) { ${ERRORS}
  ... on AddOfficesToWavePayload { rolloutWave { ${WAVE} } } } }`;
const MOVE_OFFICE = `mutation($input: MoveOfficeToWaveInput!) { moveOfficeToWave(input: $input) { ${ERRORS}
  ... on MoveOfficeToWavePayload { officeRollout { ${ROLLOUT} } } } }`;
const UPDATE_ROLLOUT = `mutation($input: UpdateOfficeRolloutInput!) { updateOfficeRollout(input: $input) { ${ERRORS}
  ... on UpdateOfficeRolloutPayload { officeRollout { ${ROLLOUT} } } } }`;
const OFFICE_ROLLOUT = `query($id: ID!) { office(id: $id) { name viewerCanReport currentRollout { ${ROLLOUT} }
  rolloutHistory { wave { name } isCurrent leftReason } } }`;

async function call(document: string, input: Record<string, unknown>, as: UserName = "planner"): Promise<Json> {
  const data = dataOf(await api.graphql<Json>(document, { input }, { as }));
  return Object.values(data as Record<string, Json>)[0];
}

async function planCounts() {
  return {
    waves: (await api.db.rolloutWave.findMany({ orderBy: { id: "asc" } })).map((w) => `${w.name}:${w.version}`).join(","),
    rollouts: (await api.db.officeRollout.findMany({ orderBy: { id: "asc" } })).map((r) => `${r.waveId}:${r.leftAt !== null}:${r.version}`).join(","),
    overrides: await api.db.officeRolloutPractice.count(),
    audit: await api.db.auditEvent.count(),
  };
}

describe("the rollout plan", () => {
  let pilot: Json;
  let second: Json;

  it("creates waves in order, the pilot first; a taken name or dates out of order are refused", async () => {
    pilot = (await call(CREATE_WAVE, { name: "Pilot", plannedStart: "2025-01-01", targetDate: "2025-12-31", isPilot: true })).rolloutWave;
    expect(pilot).toMatchObject({ name: "Pilot", ordinal: 1, isPilot: true, version: 1, officeCount: 0, rollouts: [] });
    second = (
      await call(CREATE_WAVE, { name: "Bølge 2", description: "Østlandet", plannedStart: "2026-01-01", targetDate: "2026-12-31" }, "admin")
    ).rolloutWave;
    expect(second).toMatchObject({ ordinal: 2, isPilot: false, description: "Østlandet" });

    const before = await planCounts();
    const taken = await call(CREATE_WAVE, { name: "pilot", plannedStart: "2027-01-01", targetDate: "2027-06-01" });
    expect(taken).toMatchObject({ __typename: "ConflictError", message: "Det finnes allerede en bølge med navnet Pilot." });
    const backwards = await call(CREATE_WAVE, { name: "Bølge 3", plannedStart: "2027-06-01", targetDate: "2027-01-01" });
    expect(backwards.__typename).toBe("ValidationError");
    expect(backwards.fieldErrors[0]).toMatchObject({ path: "targetDate", message: "Måldatoen må være etter planlagt start." });
    expect(await planCounts()).toEqual(before);
  });

  it("lets readers (not HR) list the waves by ordinal", async () => {
    for (const as of ["planner", "admin", "viewer", "officeLeader"] as UserName[]) {
      const waves = dataOf(await api.graphql<Json>(`{ rolloutWaves { name ordinal } }`, {}, { as })).rolloutWaves;
      expect(waves, as).toEqual([
        { name: "Pilot", ordinal: 1 },
        { name: "Bølge 2", ordinal: 2 },
      ]);
    }
    expect(errorCode(await api.graphql(`{ rolloutWaves { name } }`, {}, { as: "hr" }))).toBe("FORBIDDEN");
    const one = dataOf(await api.graphql<Json>(`query($id: ID!) { rolloutWave(id: $id) { name } }`, { id: second.id }, { as: "viewer" }));
    expect(one.rolloutWave).toEqual({ name: "Bølge 2" });
  });

  it("updates a wave with optimistic locking, naming what others changed", async () => {
    const updated = (await call(UPDATE_WAVE, { id: pilot.id, version: 1, description: "De første kontorene" })).rolloutWave;
    expect(updated).toMatchObject({ version: 2, description: "De første kontorene", name: "Pilot" });
    const stale = await call(UPDATE_WAVE, { id: pilot.id, version: 1, name: "Piloten" });
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: 2, changedFields: ["description"] });
    expect(stale.message).toMatch(/Bølgen Pilot er endret av noen andre/);
    const backwards = await call(UPDATE_WAVE, { id: pilot.id, version: 2, targetDate: "2024-06-01" });
    expect(backwards.__typename).toBe("ValidationError");
    const taken = await call(UPDATE_WAVE, { id: pilot.id, version: 2, name: "Bølge 2" });
    expect(taken.__typename).toBe("ConflictError");
    const missing = await call(UPDATE_WAVE, { id: gid("RolloutWave", "nope"), version: 1, name: "X" });
    expect(missing.__typename).toBe("NotFoundError");
  });

  it("adds active offices with the wave's dates (or given ones); an office already in a wave is named with its wave", async () => {
    const added = (await call(ADD_OFFICES, { waveId: pilot.id, officeIds: [office("lillestrom"), office("drammen")] })).rolloutWave;
    expect(added.officeCount).toBe(2);
    expect(added.rollouts).toEqual([
      { office: { name: "Nav Drammen" }, plannedStart: "2025-01-01", targetDate: "2025-12-31", isCurrent: true },
      { office: { name: "Nav Lillestrøm" }, plannedStart: "2025-01-01", targetDate: "2025-12-31", isCurrent: true },
    ]);

    const before = await planCounts();
    const already = await call(ADD_OFFICES, { waveId: second.id, officeIds: [office("baerum"), office("drammen")] });
    expect(already.__typename).toBe("ValidationError");
    expect(already.fieldErrors[0]).toMatchObject({ path: "officeIds.1", message: "Nav Drammen er allerede i bølgen Pilot. Flytt kontoret i stedet." });
    const merged = await call(ADD_OFFICES, { waveId: second.id, officeIds: [office("skedsmo")] });
    expect(merged.fieldErrors[0]).toMatchObject({ path: "officeIds.0", message: "Nav Skedsmo er ikke et aktivt kontor." });
    const twice = await call(ADD_OFFICES, { waveId: second.id, officeIds: [office("baerum"), office("baerum")] });
    expect(twice.fieldErrors[0].path).toBe("officeIds.1");
    const none = await call(ADD_OFFICES, { waveId: second.id, officeIds: [] });
    expect(none.__typename).toBe("ValidationError");
    const unknown = await call(ADD_OFFICES, { waveId: second.id, officeIds: [gid("Office", "nope")] });
    expect(unknown.__typename).toBe("NotFoundError");
    expect(await planCounts()).toEqual(before);

    const without = dataOf(await api.graphql<Json>(`{ officesWithoutRollout { name } }`, {}, { as: "planner" })).officesWithoutRollout;
    expect(without).toEqual([{ name: "Nav Bærum" }]);
    expect(errorCode(await api.graphql(`{ officesWithoutRollout { name } }`, {}, { as: "viewer" }))).toBe("FORBIDDEN");

    const own = (await call(ADD_OFFICES, { waveId: second.id, officeIds: [office("baerum")], plannedStart: "2026-03-01" })).rolloutWave;
    expect(own.rollouts).toEqual([{ office: { name: "Nav Bærum" }, plannedStart: "2026-03-01", targetDate: "2026-12-31", isCurrent: true }]);
  });

  it("sets per-practice dates, storing only those that differ; retired practices cannot be planned", async () => {
    const current = dataOf(await api.graphql<Json>(OFFICE_ROLLOUT, { id: office("drammen") }, { as: "viewer" })).office.currentRollout;
    expect(current.practicePlans).toEqual([
      { practice: { code: "INTERVJU" }, plannedStart: "2025-01-01", targetDate: "2025-12-31", overridden: false },
      { practice: { code: "TAVLE" }, plannedStart: "2025-01-01", targetDate: "2025-12-31", overridden: false },
    ]);
    const updated = (
      await call(UPDATE_ROLLOUT, {
        id: current.id,
        version: current.version,
        plannedStart: "2025-02-01",
        targetDate: "2025-12-31",
        practicePlans: [
          { practiceId: interviews, plannedStart: "2025-02-01", targetDate: "2025-12-31" },
          { practiceId: standups, plannedStart: "2025-06-01", targetDate: "2026-06-01" },
        ],
      })
    ).officeRollout;
    expect(updated).toMatchObject({ plannedStart: "2025-02-01", version: current.version + 1 });
    expect(updated.practicePlans).toEqual([
      { practice: { code: "INTERVJU" }, plannedStart: "2025-02-01", targetDate: "2025-12-31", overridden: false },
      { practice: { code: "TAVLE" }, plannedStart: "2025-06-01", targetDate: "2026-06-01", overridden: true },
    ]);
    expect(await api.db.officeRolloutPractice.count()).toBe(1);

    const before = await planCounts();
    const withRetired = await call(UPDATE_ROLLOUT, {
      id: current.id,
      version: updated.version,
      plannedStart: "2025-02-01",
      targetDate: "2025-12-31",
      practicePlans: [{ practiceId: retired, plannedStart: "2025-06-01", targetDate: "2026-06-01" }],
    });
    expect(withRetired.fieldErrors[0]).toMatchObject({ path: "practicePlans.0.practiceId" });
    expect(withRetired.message).toMatch(/Gammel praksis er faset ut/);
    const backwards = await call(UPDATE_ROLLOUT, {
      id: current.id,
      version: updated.version,
      plannedStart: "2025-02-01",
      targetDate: "2025-12-31",
      practicePlans: [{ practiceId: standups, plannedStart: "2026-06-01", targetDate: "2025-06-01" }],
    });
    expect(backwards.fieldErrors[0].path).toBe("practicePlans.0.targetDate");
    const stale = await call(UPDATE_ROLLOUT, { id: current.id, version: current.version, plannedStart: "2025-01-01", targetDate: "2025-12-31", practicePlans: [] });
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: updated.version });
    expect(await planCounts()).toEqual(before);
  });

  it("moves an office to another wave: the old row ends with the reason, the new one has the wave's dates and no overrides", async () => {
    const current = dataOf(await api.graphql<Json>(OFFICE_ROLLOUT, { id: office("drammen") }, { as: "planner" })).office.currentRollout;
    const before = await planCounts();
    const noReason = await call(MOVE_OFFICE, { officeRolloutId: current.id, version: current.version, waveId: second.id, reason: " " });
    expect(noReason.fieldErrors[0].path).toBe("reason");
    const sameWave = await call(MOVE_OFFICE, { officeRolloutId: current.id, version: current.version, waveId: pilot.id, reason: "Ingen" });
    expect(sameWave.fieldErrors[0]).toMatchObject({ path: "waveId", message: "Nav Drammen er allerede i bølgen Pilot." });
    const stale = await call(MOVE_OFFICE, { officeRolloutId: current.id, version: current.version - 1, waveId: second.id, reason: "R" });
    expect(stale.__typename).toBe("ConflictError");
    expect(await planCounts()).toEqual(before);

    const moved = (
      await call(MOVE_OFFICE, { officeRolloutId: current.id, version: current.version, waveId: second.id, reason: "Mangler kapasitet" }, "admin")
    ).officeRollout;
    expect(moved).toMatchObject({
      wave: { name: "Bølge 2" },
      office: { name: "Nav Drammen" },
      plannedStart: "2026-01-01",
      targetDate: "2026-12-31",
      isCurrent: true,
      version: 1,
    });
    expect(moved.practicePlans.every((plan: Json) => !plan.overridden)).toBe(true);
    expect(moved.id).not.toBe(current.id);

    const drammen = dataOf(await api.graphql<Json>(OFFICE_ROLLOUT, { id: office("drammen") }, { as: "viewer" })).office;
    expect(drammen.currentRollout.id).toBe(moved.id);
    expect(drammen.rolloutHistory).toEqual([
      { wave: { name: "Pilot" }, isCurrent: false, leftReason: "Mangler kapasitet" },
      { wave: { name: "Bølge 2" }, isCurrent: true, leftReason: null },
    ]);
    // The ended row keeps its dates and overrides.
    expect(await api.db.officeRolloutPractice.count()).toBe(1);

    const again = await call(MOVE_OFFICE, { officeRolloutId: current.id, version: current.version + 1, waveId: pilot.id, reason: "R" });
    expect(again.__typename).toBe("ConflictError");
    expect(again.message).toMatch(/Nav Drammen har allerede forlatt bølgen Pilot/);
    const endedEdit = await call(UPDATE_ROLLOUT, {
      id: current.id,
      version: current.version + 1,
      plannedStart: "2025-01-01",
      targetDate: "2025-12-31",
      practicePlans: [],
    });
    expect(endedEdit.fieldErrors[0].path).toBe("id");

    const waves = dataOf(await api.graphql<Json>(`{ rolloutWaves { name officeCount } }`, {}, { as: "viewer" })).rolloutWaves;
    expect(waves).toEqual([
      { name: "Pilot", officeCount: 1 },
      { name: "Bølge 2", officeCount: 2 },
    ]);
  });

  it("tells an office leader which offices they may report for", async () => {
    const lillestrom = dataOf(await api.graphql<Json>(OFFICE_ROLLOUT, { id: office("lillestrom") }, { as: "officeLeader" })).office;
    expect(lillestrom.viewerCanReport).toBe(true);
    const drammen = dataOf(await api.graphql<Json>(OFFICE_ROLLOUT, { id: office("drammen") }, { as: "officeLeader" })).office;
    expect(drammen.viewerCanReport).toBe(false);
    const asPlanner = dataOf(await api.graphql<Json>(OFFICE_ROLLOUT, { id: office("lillestrom") }, { as: "planner" })).office;
    expect(asPlanner.viewerCanReport).toBe(false);
  });
});
