import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, type TestApi, type Json } from "../../test/harness";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(() => api?.close());

const CREATE = /* GraphQL */ `
  mutation($input: CreateOfficeInput!) {
    createOffice(input: $input) {
      __typename
      ... on CreateOfficePayload { office { id code name status isPilot isSpearhead validFrom version municipalities { number } } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { entityType entityId }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation($input: UpdateOfficeInput!) {
    updateOffice(input: $input) {
      __typename
      ... on UpdateOfficePayload { office { id name status isPilot isSpearhead validTo version municipalities { number } } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on ConflictError { currentVersion changedFields }
    }
  }
`;

describe("createOffice", () => {
  it("creates an office with its municipalities and audits it with the actor and request id", async () => {
    const response = await api.graphql<Json>(
      CREATE,
      {
        input: {
          code: "0301",
          name: "  Nav Oslo sentrum ",
          isPilot: true,
          validFrom: "2024-01-01",
          municipalityIds: [gid("Municipality", f.municipalities.baerum.id)],
        },
      },
      { as: "planner", headers: { "x-request-id": "req-create-office-1" } },
    );
    const result = dataOf(response).createOffice;
    expect(result.__typename).toBe("CreateOfficePayload");
    expect(result.office).toMatchObject({
      code: "0301",
      name: "Nav Oslo sentrum",
      status: "ACTIVE",
      isPilot: true,
      isSpearhead: false,
      validFrom: "2024-01-01",
      version: 1,
      municipalities: [{ number: "3024" }],
    });
    const [dbId] = [Buffer.from(result.office.id, "base64").toString().split(":")[1]!];
    const events = await api.db.auditEvent.findMany({ where: { entityType: "Office", entityId: dbId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "createOffice",
      actorSubject: "sub-planner",
      actorName: "Pia Planlegger",
      requestId: "req-create-office-1",
      before: null,
    });
    expect(events[0]!.after).toMatchObject({ code: "0301", name: "Nav Oslo sentrum", version: 1, municipalities: ["3024"] });
  });

  it("refuses a duplicate code with a ValidationError from the database constraint, and writes no audit event", async () => {
    const auditBefore = await api.db.auditEvent.count();
    const result = dataOf(
      await api.graphql<Json>(CREATE, { input: { code: "0230", name: "Nav Kopi", validFrom: "2024-01-01" } }, { as: "admin" }),
    ).createOffice;
    expect(result).toMatchObject({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      fieldErrors: [{ path: "code", message: "Kontornummeret er allerede i bruk." }],
    });
    expect(await api.db.office.count({ where: { name: "Nav Kopi" } })).toBe(0);
    expect(await api.db.auditEvent.count()).toBe(auditBefore);
  });

  it("validates the input: code format, empty name, spearhead without pilot, dates", async () => {
    const result = dataOf(
      await api.graphql<Json>(CREATE, { input: { code: "12", name: " ", validFrom: "2024-01-01" } }, { as: "planner" }),
    ).createOffice;
    expect(result.__typename).toBe("ValidationError");
    expect(result.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual(["code", "name"]);

    const spearhead = dataOf(
      await api.graphql<Json>(
        CREATE,
        { input: { code: "0400", name: "Nav Spiss", isSpearhead: true, validFrom: "2024-01-01", validTo: "2023-01-01" } },
        { as: "planner" },
      ),
    ).createOffice;
    expect(spearhead.__typename).toBe("ValidationError");
    expect(spearhead.fieldErrors.map((e: { path: string }) => e.path)).toEqual(["isSpearhead", "validTo"]);
  });

  it("gives NotFoundError for an unknown municipality", async () => {
    const unknown = gid("Municipality", "missing");
    const result = dataOf(
      await api.graphql<Json>(
        CREATE,
        { input: { code: "0401", name: "Nav Ukjent", validFrom: "2024-01-01", municipalityIds: [unknown] } },
        { as: "planner" },
      ),
    ).createOffice;
    expect(result).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND", entityType: "Municipality", entityId: unknown });
    expect(await api.db.office.count({ where: { code: "0401" } })).toBe(0);
  });

  it("refuses a malformed date before it reaches the resolver", async () => {
    const response = await api.graphql<Json>(CREATE, { input: { code: "0402", name: "Nav Dato", validFrom: "2024-02-30" } });
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.message).toMatch(/Ugyldig dato/);
  });
});

describe("updateOffice", () => {
  it("updates with the current version, bumps it, and audits before and after", async () => {
    const id = gid("Office", f.offices.baerum.id);
    const result = dataOf(
      await api.graphql<Json>(
        UPDATE,
        { input: { id, version: 1, name: "Nav Bærum kommune", isPilot: true, municipalityIds: [] } },
        { as: "planner" },
      ),
    ).updateOffice;
    expect(result.office).toMatchObject({ id, name: "Nav Bærum kommune", isPilot: true, version: 2, municipalities: [] });
    const event = await api.db.auditEvent.findFirstOrThrow({
      where: { entityId: f.offices.baerum.id, action: "updateOffice" },
    });
    expect(event.before).toMatchObject({ name: "Nav Bærum", isPilot: false, version: 1, municipalities: ["3024"] });
    expect(event.after).toMatchObject({ name: "Nav Bærum kommune", isPilot: true, version: 2, municipalities: [] });
  });

  it("gives ConflictError naming the current version and what others changed, and changes nothing", async () => {
    const id = gid("Office", f.offices.baerum.id);
    // Someone else moves it on to version 3 (after the previous test's version 2).
    dataOf(await api.graphql<Json>(UPDATE, { input: { id, version: 2, status: "CLOSED" } }, { as: "admin" }));
    const auditBefore = await api.db.auditEvent.count();
    const result = dataOf(
      await api.graphql<Json>(UPDATE, { input: { id, version: 1, name: "Nav Bærum gammel" } }, { as: "planner" }),
    ).updateOffice;
    expect(result).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", currentVersion: 3 });
    expect(result.changedFields).toEqual(["isPilot", "municipalities", "name", "status"]);
    expect(result.message).toMatch(/versjon 1.*versjon 3/);
    const office = await api.db.office.findUniqueOrThrow({ where: { id: f.offices.baerum.id } });
    expect(office).toMatchObject({ name: "Nav Bærum kommune", version: 3 });
    expect(await api.db.auditEvent.count()).toBe(auditBefore);
  });

  it("checks the rules on the office as it will be: spearhead needs pilot", async () => {
    const result = dataOf(
      await api.graphql<Json>(
        UPDATE,
        { input: { id: gid("Office", f.offices.lillestrom.id), version: 1, isPilot: false } },
        { as: "planner" },
      ),
    ).updateOffice;
    expect(result).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "isSpearhead" }] });
  });

  it("clears validTo with null", async () => {
    const office = await api.db.office.create({
      data: { code: "0777", name: "Nav Midlertidig", validFrom: new Date("2020-01-01"), validTo: new Date("2020-12-31") },
    });
    const result = dataOf(
      await api.graphql<Json>(UPDATE, { input: { id: gid("Office", office.id), version: 1, validTo: null } }),
    ).updateOffice;
    expect(result.office).toMatchObject({ validTo: null, version: 2 });
  });

  it("gives NotFoundError for an unknown office and ValidationError for an id of another type", async () => {
    const missing = dataOf(await api.graphql<Json>(UPDATE, { input: { id: gid("Office", "nope"), version: 1, name: "X" } }))
      .updateOffice;
    expect(missing).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    const wrongType = dataOf(
      await api.graphql<Json>(UPDATE, { input: { id: gid("Team", f.teams.mottak.id), version: 1, name: "X" } }),
    ).updateOffice;
    expect(wrongType).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "id" }] });
  });
});
