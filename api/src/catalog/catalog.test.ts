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

const CREATE_RESULT_FIELDS = `
  __typename
  ... on Error { message code }
  ... on ValidationError { fieldErrors { path message } }
`;
const RESULT_FIELDS = `
  ${CREATE_RESULT_FIELDS}
  ... on ConflictError { currentVersion changedFields }
  ... on NotFoundError { entityType }
`;

describe("roles", () => {
  it("lists the catalogue by name, optionally by category", async () => {
    const all = dataOf(await api.graphql<Json>(`{ roles { code name category } }`, {}, { as: "viewer" })).roles;
    expect(all.map((r: { code: string }) => r.code)).toEqual(["LEDER", "SAKSB", "VEIL"]);
    const leaders = dataOf(await api.graphql<Json>(`{ roles(category: LEADER) { name } }`, {}, { as: "hr" })).roles;
    expect(leaders).toEqual([{ name: "Nav-leder" }]);
  });

  const CREATE = `mutation($input: CreateRoleInput!) { createRole(input: $input) {
    ${CREATE_RESULT_FIELDS} ... on CreateRolePayload { role { id code name category description version } } } }`;
  const UPDATE = `mutation($input: UpdateRoleInput!) { updateRole(input: $input) {
    ${RESULT_FIELDS} ... on UpdateRolePayload { role { code name category description version } } } }`;

  it("createRole adds a role (code in upper case) and audits it", async () => {
    const result = dataOf(
      await api.graphql<Json>(CREATE, { input: { code: "fag-1", name: "Fagkoordinator", category: "SPECIALIST", description: "" } }),
    ).createRole;
    expect(result.role).toMatchObject({ code: "FAG-1", name: "Fagkoordinator", category: "SPECIALIST", description: null, version: 1 });
    expect(await api.db.auditEvent.count({ where: { action: "createRole", entityType: "Role" } })).toBe(1);
  });

  it("createRole refuses a taken code and a bad code", async () => {
    const taken = dataOf(await api.graphql<Json>(CREATE, { input: { code: "veil", name: "X", category: "ADVISER" } })).createRole;
    expect(taken).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "code", message: "Rollekoden er allerede i bruk." }] });
    const bad = dataOf(await api.graphql<Json>(CREATE, { input: { code: "ø", name: "X", category: "ADVISER" } })).createRole;
    expect(bad).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "code" }] });
  });

  it("updateRole changes a role with optimistic locking", async () => {
    const id = gid("Role", f.roles.veileder.id);
    const ok = dataOf(await api.graphql<Json>(UPDATE, { input: { id, version: 1, description: "Veileder i Nav" } })).updateRole;
    expect(ok.role).toMatchObject({ code: "VEIL", description: "Veileder i Nav", version: 2 });
    const stale = dataOf(await api.graphql<Json>(UPDATE, { input: { id, version: 1, name: "X" } })).updateRole;
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: 2, changedFields: ["description"] });
    const missing = dataOf(await api.graphql<Json>(UPDATE, { input: { id: gid("Role", "x"), version: 1 } })).updateRole;
    expect(missing).toMatchObject({ __typename: "NotFoundError", entityType: "Role" });
  });
});

describe("services", () => {
  it("lists the catalogue by name, optionally by provider", async () => {
    const all = dataOf(await api.graphql<Json>(`{ services { code provider deadlineDays } }`, {}, { as: "viewer" })).services;
    expect(all.map((s: { code: string }) => s.code).sort()).toEqual(["ARBOPP", "DAGP", "OKSOS"]);
    expect(all.find((s: { code: string }) => s.code === "OKSOS")).toEqual({ code: "OKSOS", provider: "MUNICIPAL", deadlineDays: 30 });
    const state = dataOf(await api.graphql<Json>(`{ services(provider: STATE) { code } }`, {}, { as: "viewer" })).services;
    expect(state.map((s: { code: string }) => s.code).sort()).toEqual(["ARBOPP", "DAGP"]);
  });

  const CREATE = `mutation($input: CreateServiceInput!) { createService(input: $input) {
    ${CREATE_RESULT_FIELDS} ... on CreateServicePayload { service { code name provider deadlineDays version } } } }`;
  const UPDATE = `mutation($input: UpdateServiceInput!) { updateService(input: $input) {
    ${RESULT_FIELDS} ... on UpdateServicePayload { service { code name deadlineDays version } } } }`;

  it("createService adds a service and audits it", async () => {
    const result = dataOf(
      await api.graphql<Json>(CREATE, { input: { code: "KVP", name: "Kvalifiseringsprogrammet", provider: "MUNICIPAL", deadlineDays: 14 } }),
    ).createService;
    expect(result.service).toEqual({ code: "KVP", name: "Kvalifiseringsprogrammet", provider: "MUNICIPAL", deadlineDays: 14, version: 1 });
    expect(await api.db.auditEvent.count({ where: { action: "createService" } })).toBe(1);
  });

  it("createService refuses a taken code and a deadline under one day", async () => {
    const taken = dataOf(await api.graphql<Json>(CREATE, { input: { code: "OKSOS", name: "X", provider: "STATE" } })).createService;
    expect(taken).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "code" }] });
    const deadline = dataOf(
      await api.graphql<Json>(CREATE, { input: { code: "NEW", name: "X", provider: "STATE", deadlineDays: 0 } }),
    ).createService;
    expect(deadline).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "deadlineDays" }] });
  });

  it("updateService removes a deadline with null, with optimistic locking", async () => {
    const id = gid("Service", f.services.sosialhjelp.id);
    const ok = dataOf(await api.graphql<Json>(UPDATE, { input: { id, version: 1, deadlineDays: null } })).updateService;
    expect(ok.service).toEqual({ code: "OKSOS", name: "Økonomisk sosialhjelp", deadlineDays: null, version: 2 });
    const stale = dataOf(await api.graphql<Json>(UPDATE, { input: { id, version: 1, name: "X" } })).updateService;
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: 2, changedFields: ["deadlineDays"] });
    const missing = dataOf(await api.graphql<Json>(UPDATE, { input: { id: gid("Service", "x"), version: 1 } })).updateService;
    expect(missing).toMatchObject({ __typename: "NotFoundError", entityType: "Service" });
  });
});
