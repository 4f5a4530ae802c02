import { decodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, date, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type RequestOptions, type TestApi, type TestUser } from "../../test/harness";

let api: TestApi;
let f: Fixtures;

/** A second planner: approvals must come from someone other than the submitter. */
const planner2: TestUser = { sub: "sub-planner2", username: "planlegger2", name: "Per Planlegger", roles: ["planner"] };

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(() => api?.close());

type Mutation = "submitScenario" | "approveScenario" | "returnScenario" | "archiveScenario";

const ERRORS: Record<Mutation, string[]> = {
  submitScenario: ["ValidationError", "NotFoundError", "ConflictError", "InvalidStatusTransitionError"],
  approveScenario: ["ValidationError", "NotFoundError", "ConflictError", "InvalidStatusTransitionError", "NotAllowedError"],
  returnScenario: ["ValidationError", "NotFoundError", "ConflictError", "InvalidStatusTransitionError"],
  archiveScenario: ["ValidationError", "NotFoundError", "ConflictError", "InvalidStatusTransitionError"],
};

const ERROR_FIELDS: Record<string, string> = {
  ValidationError: "fieldErrors { path message }",
  NotFoundError: "entityType entityId",
  ConflictError: "currentVersion changedFields",
  InvalidStatusTransitionError: "from to allowed",
  NotAllowedError: "rule",
};

const SCENARIO_FIELDS = /* GraphQL */ `
  id name status version submittedByName submittedAt approvedByName approvedAt appliedAt
  comments { status text authorName }
`;

function document(mutation: Mutation): string {
  const input = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Input`;
  const payload = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Payload`;
  return /* GraphQL */ `
    mutation($input: ${input}!) {
      ${mutation}(input: $input) {
        __typename
        ... on ${payload} { scenario { ${SCENARIO_FIELDS} } }
        ... on Error { message code }
        ${ERRORS[mutation].map((type) => `... on ${type} { ${ERROR_FIELDS[type]} }`).join("\n")}
      }
    }
  `;
}

async function call(mutation: Mutation, input: Record<string, unknown>, as: RequestOptions["as"] = "planner") {
  return api.graphql<Json>(document(mutation), { input }, { as });
}

async function run(mutation: Mutation, input: Record<string, unknown>, as: RequestOptions["as"] = "planner") {
  return dataOf(await call(mutation, input, as))[mutation];
}

let mergerCount = 0;

/** A fresh open merger of Lillestrøm and Drammen, so approvals in one test do not meet another's. */
async function newMerger(name = `Sammenslåing ${++mergerCount}`) {
  const merger = await api.db.merger.create({
    data: {
      name,
      targetOfficeId: f.offices.planned.id,
      effectiveDate: date("2030-01-01"),
      sourceOffices: { connect: [{ id: f.offices.lillestrom.id }, { id: f.offices.drammen.id }] },
    },
  });
  return gid("Merger", merger.id);
}

/** A design edit (or updateScenario) as the planner; returns the payload or the error. */
async function edit(mutation: string, input: Record<string, unknown>) {
  const type = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}`;
  const response = await api.graphql<Json>(
    `mutation($input: ${type}Input!) { ${mutation}(input: $input) {
      __typename ... on ${type}Payload { scenario { version } } ... on Error { message code }
    } }`,
    { input },
    { as: "planner" },
  );
  return dataOf(response)[mutation];
}

const CREATE = /* GraphQL */ `
  mutation($input: CreateScenarioInput!) {
    createScenario(input: $input) {
      __typename
      ... on CreateScenarioPayload { scenario { id version status } }
      ... on Error { message }
    }
  }
`;

async function newScenario(name: string, mergerId?: string): Promise<{ id: string; version: number }> {
  const result = dataOf(
    await api.graphql<Json>(CREATE, { input: { name, mergerId: mergerId ?? (await newMerger()), base: "AS_IS" } }, { as: "planner" }),
  ).createScenario;
  expect(result.__typename).toBe("CreateScenarioPayload");
  return result.scenario;
}

/** A scenario moved into `status` through the API. */
async function scenarioIn(status: "DRAFT" | "IN_REVIEW" | "APPROVED" | "ARCHIVED", name = `I ${status}`) {
  const s = await newScenario(name);
  if (status === "DRAFT") return s;
  if (status === "ARCHIVED") return (await run("archiveScenario", { id: s.id, version: s.version })).scenario;
  const submitted = (await run("submitScenario", { id: s.id, version: s.version })).scenario;
  if (status === "IN_REVIEW") return submitted;
  return (await run("approveScenario", { id: s.id, version: submitted.version }, planner2)).scenario;
}

async function auditOf(globalId: string) {
  const entityId = decodeGlobalID(globalId).id;
  return api.db.auditEvent.findMany({ where: { entityType: "Scenario", entityId }, orderBy: { createdAt: "asc" } });
}

async function read(id: string, as: RequestOptions["as"] = "viewer") {
  return dataOf(await api.graphql<Json>(`query($id: ID!) { scenario(id: $id) { ${SCENARIO_FIELDS} } }`, { id }, { as })).scenario;
}

describe("who may review", () => {
  const input = (mutation: Mutation, s: { id: string; version: number }) => ({
    id: s.id,
    version: s.version,
    ...(mutation === "archiveScenario" ? {} : { comment: "Merknad" }),
  });

  it("refuses viewer, HR, office leader and a user without a Samla role (FORBIDDEN), and anonymous callers", async () => {
    const draft = await scenarioIn("DRAFT", "Tilgang utkast");
    const inReview = await scenarioIn("IN_REVIEW", "Tilgang til godkjenning");
    const cases: [Mutation, { id: string; version: number }][] = [
      ["submitScenario", draft],
      ["archiveScenario", draft],
      ["approveScenario", inReview],
      ["returnScenario", inReview],
    ];
    for (const [mutation, scenario] of cases) {
      for (const as of ["viewer", "hr", "officeLeader", "noRole"] as const) {
        expect(errorCode(await call(mutation, input(mutation, scenario), as)), `${mutation} as ${as}`).toBe("FORBIDDEN");
      }
      expect(errorCode(await call(mutation, input(mutation, scenario), null)), `${mutation} anonymous`).toBe("UNAUTHENTICATED");
    }
    expect(await read(draft.id)).toMatchObject({ status: "DRAFT", version: 1, comments: [] });
    expect(await read(inReview.id)).toMatchObject({ status: "IN_REVIEW", version: 2, comments: [] });
  });

  it("lets planners and admins take every step; only the approval must come from someone else", async () => {
    for (const [submitter, approver] of [
      ["planner", planner2],
      ["admin", "planner"],
      ["planner", "admin"],
    ] as const) {
      const s = await newScenario(`Rollepar ${typeof approver === "string" ? approver : approver.username} ${submitter}`);
      const submitted = await run("submitScenario", { id: s.id, version: s.version }, submitter);
      expect(submitted.scenario.status).toBe("IN_REVIEW");
      const approved = await run("approveScenario", { id: s.id, version: submitted.scenario.version }, approver);
      expect(approved.scenario.status).toBe("APPROVED");
      const archived = await run("archiveScenario", { id: s.id, version: approved.scenario.version }, submitter);
      expect(archived.scenario.status).toBe("ARCHIVED");
    }
  });
});

describe("submitScenario", () => {
  it("moves a draft into review, records who submitted it and keeps the comment", async () => {
    const s = await newScenario("Innsendes");
    const result = await run("submitScenario", { id: s.id, version: 1, comment: "  Klar for vurdering  " });
    expect(result.__typename).toBe("SubmitScenarioPayload");
    expect(result.scenario).toMatchObject({
      status: "IN_REVIEW",
      version: 2,
      submittedByName: "Pia Planlegger",
      approvedByName: null,
      comments: [{ status: "DRAFT", text: "Klar for vurdering", authorName: "Pia Planlegger" }],
    });
    expect(Date.parse(result.scenario.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
    const events = await auditOf(s.id);
    expect(events.map((e) => e.action)).toEqual(["createScenario", "submitScenario"]);
    expect(events[1]).toMatchObject({
      actorName: "Pia Planlegger",
      before: { status: "DRAFT", version: 1 },
      after: { status: "IN_REVIEW", version: 2, submittedByName: "Pia Planlegger", comment: "Klar for vurdering" },
    });
  });

  it("gives a ConflictError on a stale version that says what happened since", async () => {
    const s = await newScenario("Utdatert");
    await run("submitScenario", { id: s.id, version: 1 });
    const stale = await run("archiveScenario", { id: s.id, version: 1 }, "admin");
    expect(stale).toMatchObject({
      __typename: "ConflictError",
      currentVersion: 2,
      changedFields: ["Scenarioet ble sendt til godkjenning av Pia Planlegger"],
    });
    expect(stale.message).toContain("du har versjon 1, gjeldende er versjon 2");
    expect((await read(s.id)).status).toBe("IN_REVIEW");
  });

  it("refuses open to-be teams with the same name and as-is services no open team delivers", async () => {
    const s = await newScenario("Uferdig");
    const teams = dataOf(await api.graphql<Json>(`query($id: ID!) { scenario(id: $id) { teams { id name } } }`, { id: s.id })).scenario.teams;
    const team = (name: string) => teams.find((t: Json) => t.name === name).id;
    // The only team delivering sosialhjelp closes.
    let version = (await edit("closeScenarioTeam", { scenarioId: s.id, version: 1, teamId: team("Mottak") })).scenario.version;
    // The edits refuse a second open team of a name; a row written around them is still caught.
    await api.db.scenarioTeam.update({ where: { id: decodeGlobalID(team("Sosialtjenesten")).id }, data: { name: "oppfølging " } });
    const result = await run("submitScenario", { id: s.id, version });
    expect(result).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [
        { path: "teams", message: "2 team har navnet «oppfølging»; gi dem ulike navn." },
        { path: "services", message: "Ingen team leverer Økonomisk sosialhjelp, som kontorene leverer i dag." },
      ],
    });
    expect(await read(s.id)).toMatchObject({ status: "DRAFT", version, comments: [] });

    // Renamed, and delivering sosialhjelp: it may go to review.
    version = (await edit("updateScenarioTeam", { scenarioId: s.id, version, teamId: team("Sosialtjenesten"), name: "Sosial" })).scenario.version;
    version = (
      await edit("setScenarioTeamServices", {
        scenarioId: s.id,
        version,
        teamId: team("Sosialtjenesten"),
        serviceIds: [gid("Service", f.services.sosialhjelp.id)],
      })
    ).scenario.version;
    expect((await run("submitScenario", { id: s.id, version })).scenario.status).toBe("IN_REVIEW");
  });
});

describe("approveScenario", () => {
  it("approves a scenario in review: records the approver, keeps the comment, audits", async () => {
    const s = await scenarioIn("IN_REVIEW", "Godkjennes");
    const result = await run("approveScenario", { id: s.id, version: 2, comment: "Godt gjennomarbeidet" }, planner2);
    expect(result.scenario).toMatchObject({
      status: "APPROVED",
      version: 3,
      submittedByName: "Pia Planlegger",
      approvedByName: "Per Planlegger",
      appliedAt: null,
      comments: [{ status: "IN_REVIEW", text: "Godt gjennomarbeidet", authorName: "Per Planlegger" }],
    });
    expect(result.scenario.approvedAt).not.toBeNull();
    const events = await auditOf(s.id);
    expect(events.at(-1)).toMatchObject({ action: "approveScenario", actorSubject: "sub-planner2", after: { status: "APPROVED" } });
  });

  it("makes the scenario read-only: edits are refused in review and once approved", async () => {
    const s = await scenarioIn("IN_REVIEW", "Skrivebeskyttet");
    const rename = (version: number) => edit("updateScenario", { id: s.id, version, name: "Endret navn" });
    expect(await rename(2)).toMatchObject({
      __typename: "ConflictError",
      message: "Scenarioet Skrivebeskyttet er til godkjenning og kan ikke endres.",
    });
    await run("approveScenario", { id: s.id, version: 2 }, planner2);
    expect(await rename(3)).toMatchObject({
      __typename: "ConflictError",
      message: "Scenarioet Skrivebeskyttet er godkjent og kan ikke endres.",
    });
    const addTeam = await edit("addScenarioTeam", { scenarioId: s.id, version: 3, name: "Nytt team" });
    expect(addTeam).toMatchObject({ __typename: "ConflictError", message: "Scenarioet Skrivebeskyttet er godkjent og kan ikke endres." });
    expect(await read(s.id)).toMatchObject({ name: "Skrivebeskyttet", status: "APPROVED", version: 3 });
  });

  it("refuses the one who submitted it (NotAllowedError SELF_APPROVAL), admins included", async () => {
    const byPlanner = await scenarioIn("IN_REVIEW", "Egen godkjenning");
    const self = await run("approveScenario", { id: byPlanner.id, version: byPlanner.version }, "planner");
    expect(self).toMatchObject({ __typename: "NotAllowedError", code: "NOT_ALLOWED", rule: "SELF_APPROVAL" });
    expect(self.message).toMatch(/en annen planlegger/);

    const s = await newScenario("Admins egen");
    const submitted = await run("submitScenario", { id: s.id, version: s.version }, "admin");
    const adminSelf = await run("approveScenario", { id: s.id, version: submitted.scenario.version }, "admin");
    expect(adminSelf).toMatchObject({ __typename: "NotAllowedError", rule: "SELF_APPROVAL" });
    expect((await read(s.id)).status).toBe("IN_REVIEW");
  });

  it("keeps one approved scenario per merger: a second is refused until the first is archived", async () => {
    const mergerId = await newMerger("Én godkjent");
    const first = await newScenario("Første forslag", mergerId);
    const second = await newScenario("Andre forslag", mergerId);
    for (const s of [first, second]) await run("submitScenario", { id: s.id, version: 1 });
    expect((await run("approveScenario", { id: first.id, version: 2 }, planner2)).scenario.status).toBe("APPROVED");

    const refused = await run("approveScenario", { id: second.id, version: 2 }, "admin");
    expect(refused).toMatchObject({ __typename: "ConflictError" });
    expect(refused.message).toBe(
      "Sammenslåingen Én godkjent har allerede et godkjent scenario: «Første forslag». Arkiver det før du godkjenner et annet.",
    );
    expect((await read(second.id)).status).toBe("IN_REVIEW");

    await run("archiveScenario", { id: first.id, version: 3 });
    expect((await run("approveScenario", { id: second.id, version: 2 }, "admin")).scenario.status).toBe("APPROVED");
    const merger = dataOf(
      await api.graphql<Json>(`query($id: ID!) { merger(id: $id) { scenarios { name status } } }`, { id: mergerId }, { as: "viewer" }),
    ).merger;
    expect(merger.scenarios).toEqual([
      { name: "Første forslag", status: "ARCHIVED" },
      { name: "Andre forslag", status: "APPROVED" },
    ]);
  });

  it("refuses to approve a design for a merger that was cancelled", async () => {
    const mergerId = await newMerger("Avlyst");
    const s = await newScenario("For en avlyst sammenslåing", mergerId);
    await run("submitScenario", { id: s.id, version: 1 });
    await api.db.merger.update({ where: { id: decodeGlobalID(mergerId).id }, data: { status: "CANCELLED" } });
    const result = await run("approveScenario", { id: s.id, version: 2 }, planner2);
    expect(result).toMatchObject({
      __typename: "ConflictError",
      message: "Sammenslåingen Avlyst er avbrutt; scenarioer for den kan ikke godkjennes.",
    });
    expect((await read(s.id)).status).toBe("IN_REVIEW");
  });

  it("approves scenarios without a merger independently of each other", async () => {
    const create = async (name: string) =>
      dataOf(
        await api.graphql<Json>(CREATE, { input: { name, officeIds: [gid("Office", f.offices.baerum.id)], base: "AS_IS" } }, { as: "planner" }),
      ).createScenario.scenario;
    for (const s of [await create("Bærum A"), await create("Bærum B")]) {
      await run("submitScenario", { id: s.id, version: 1 });
      expect((await run("approveScenario", { id: s.id, version: 2 }, planner2)).scenario.status).toBe("APPROVED");
    }
  });
});

describe("returnScenario", () => {
  it("sends a scenario in review back to draft with a required comment; the submitter may withdraw it", async () => {
    const s = await scenarioIn("IN_REVIEW", "Sendes tilbake");
    const blank = await run("returnScenario", { id: s.id, version: 2, comment: "   " }, planner2);
    expect(blank).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "comment", message: "Må fylles ut." }] });
    const missing = await call("returnScenario", { id: s.id, version: 2 }, planner2);
    expect(missing.status).toBe(400);

    const returned = await run("returnScenario", { id: s.id, version: 2, comment: "Mangler leder i Mottak" }, planner2);
    expect(returned.scenario).toMatchObject({
      status: "DRAFT",
      version: 3,
      submittedByName: null,
      submittedAt: null,
      comments: [{ status: "IN_REVIEW", text: "Mangler leder i Mottak", authorName: "Per Planlegger" }],
    });

    // Submitted again, and withdrawn by the one who submitted it.
    await run("submitScenario", { id: s.id, version: 3, comment: "Rettet" });
    const withdrawn = await run("returnScenario", { id: s.id, version: 4, comment: "Trekker tilbake" }, "planner");
    expect(withdrawn.scenario.status).toBe("DRAFT");
    expect(withdrawn.scenario.comments.map((c: Json) => `${c.status}: ${c.text}`)).toEqual([
      "IN_REVIEW: Mangler leder i Mottak",
      "DRAFT: Rettet",
      "IN_REVIEW: Trekker tilbake",
    ]);
    expect((await auditOf(s.id)).map((e) => e.action)).toEqual([
      "createScenario",
      "submitScenario",
      "returnScenario",
      "submitScenario",
      "returnScenario",
    ]);
  });
});

describe("archiveScenario", () => {
  it("archives drafts, scenarios in review and approved ones", async () => {
    for (const status of ["DRAFT", "IN_REVIEW", "APPROVED"] as const) {
      const s = await scenarioIn(status, `Arkiveres fra ${status}`);
      const archived = await run("archiveScenario", { id: s.id, version: s.version }, "admin");
      expect(archived.scenario).toMatchObject({ status: "ARCHIVED", version: s.version + 1 });
    }
  });
});

describe("the lifecycle", () => {
  const allowed = {
    DRAFT: ["IN_REVIEW", "ARCHIVED"],
    IN_REVIEW: ["APPROVED", "DRAFT", "ARCHIVED"],
    APPROVED: ["ARCHIVED"],
    ARCHIVED: [],
  } as const;
  const target: Record<Mutation, string> = {
    submitScenario: "IN_REVIEW",
    approveScenario: "APPROVED",
    returnScenario: "DRAFT",
    archiveScenario: "ARCHIVED",
  };

  it("refuses every step the status does not allow (InvalidStatusTransitionError), changing nothing", async () => {
    for (const status of ["DRAFT", "IN_REVIEW", "APPROVED", "ARCHIVED"] as const) {
      const s = await scenarioIn(status, `Livsløp ${status}`);
      for (const mutation of Object.keys(target) as Mutation[]) {
        if ((allowed[status] as readonly string[]).includes(target[mutation])) continue;
        const comment = mutation === "archiveScenario" ? {} : { comment: "Forsøk" };
        const result = await run(mutation, { id: s.id, version: s.version, ...comment }, planner2);
        expect(result, `${mutation} from ${status}`).toMatchObject({
          __typename: "InvalidStatusTransitionError",
          code: "INVALID_STATUS_TRANSITION",
          from: status,
          to: target[mutation],
          allowed: [...allowed[status]],
        });
      }
      expect(await read(s.id)).toMatchObject({ status, version: s.version });
    }
  });

  it("explains a refused step in Norwegian", async () => {
    const s = await scenarioIn("DRAFT", "Forklaring");
    const result = await run("approveScenario", { id: s.id, version: 1 }, planner2);
    expect(result.message).toBe("Scenarioet er utkast og kan ikke godkjennes; det kan sendes til godkjenning eller arkiveres.");
    const archived = await scenarioIn("ARCHIVED", "Forklaring arkivert");
    expect((await run("submitScenario", { id: archived.id, version: archived.version })).message).toBe(
      "Scenarioet er arkivert og kan ikke sendes til godkjenning.",
    );
  });

  it("names a scenario that does not exist, and refuses an id of another type", async () => {
    const missing = await run("submitScenario", { id: gid("Scenario", "finnes-ikke"), version: 1 });
    expect(missing).toMatchObject({ __typename: "NotFoundError", entityType: "Scenario", entityId: gid("Scenario", "finnes-ikke") });
    const wrongType = await run("archiveScenario", { id: gid("Merger", "x"), version: 1 });
    expect(wrongType).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "id" }] });
  });
});
