// Scenarios: what-if to-be designs of one or more offices (usually a merger's source
// offices), made of to-be teams and positions that each say what they do to the as-is.
// This file declares the types; queries, edits, review, impact and health checks add to
// them from their own files in this folder.
import { ChangeAction, ScenarioBase, ScenarioStatus } from "@samla/schema";
import { builder } from "../builder";

export const ScenarioStatusEnum = builder.enumType(ScenarioStatus, {
  name: "ScenarioStatus",
  description: "DRAFT → IN_REVIEW → APPROVED (read-only), or back to DRAFT with comments; ARCHIVED when set aside.",
});

export const ScenarioBaseEnum = builder.enumType(ScenarioBase, {
  name: "ScenarioBase",
  description:
    "AS_IS: the offices' teams and assignments on asOfDate. SCENARIO: a copy of another scenario. " +
    "TEMPLATE: the as-is closed, plus a template office's teams with vacant positions.",
});

export const ChangeActionEnum = builder.enumType(ChangeAction, {
  name: "ChangeAction",
  description: "What a to-be team or position does to the as-is.",
});

export const ScenarioRef = builder.prismaNode("Scenario", {
  id: { field: "id" },
  description: "A what-if to-be design (scenario) for a merger or a set of offices.",
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    status: t.expose("status", { type: ScenarioStatusEnum }),
    base: t.expose("base", { type: ScenarioBaseEnum }),
    version: t.exposeInt("version", { description: "Send it back with every edit (optimistic locking)." }),
    asOfDate: t.expose("asOfDate", { type: "Date", description: "The day whose assignments are the as-is." }),
    effectiveDate: t.expose("effectiveDate", {
      type: "Date",
      description: "Effective date of changes that name none (the merger's date by default).",
    }),
    createdByName: t.exposeString("createdByName"),
    submittedByName: t.exposeString("submittedByName", { nullable: true }),
    submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
    approvedByName: t.exposeString("approvedByName", { nullable: true }),
    approvedAt: t.expose("approvedAt", { type: "DateTime", nullable: true }),
    appliedAt: t.expose("appliedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the completed merger turned this design into the target office's teams.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    merger: t.relation("merger", { nullable: true }),
    offices: t.relation("offices", { query: { orderBy: { name: "asc" } }, description: "The as-is offices." }),
    baseScenario: t.relation("baseScenario", { nullable: true }),
    templateOffice: t.relation("templateOffice", { nullable: true }),
    teams: t.relation("teams", {
      description: "Every to-be team, closed ones included, in the order they were made.",
      query: { orderBy: [{ position: "asc" }, { id: "asc" }] },
    }),
    comments: t.relation("comments", { query: { orderBy: { createdAt: "asc" } } }),
  }),
});

export const ScenarioTeamRef = builder.prismaNode("ScenarioTeam", {
  id: { field: "id" },
  description: "A to-be team. sourceTeam is the as-is team it continues (null for a new team).",
  fields: (t) => ({
    name: t.exposeString("name"),
    purpose: t.exposeString("purpose", { nullable: true }),
    action: t.expose("action", { type: ChangeActionEnum }),
    effectiveDate: t.expose("effectiveDate", { type: "Date", nullable: true }),
    wave: t.exposeInt("wave", { nullable: true }),
    scenario: t.relation("scenario"),
    office: t.relation("office", { description: "The as-is office of the source team, or where a new team is planned." }),
    sourceTeam: t.relation("sourceTeam", { nullable: true }),
    parent: t.relation("parent", { nullable: true }),
    services: t.relation("services", { query: { orderBy: { name: "asc" } } }),
    positions: t.relation("positions", {
      description: "The team's positions, closed ones included.",
      query: { orderBy: [{ action: "asc" }, { id: "asc" }] },
    }),
  }),
});

export const ScenarioPositionRef = builder.prismaNode("ScenarioPosition", {
  id: { field: "id" },
  description: "A to-be position: a role with an FTE in a team, held by a person or vacant.",
  fields: (t) => ({
    fte: t.float({ select: { fte: true }, resolve: (position) => position.fte.toNumber() }),
    isVacant: t.boolean({ select: { personId: true }, resolve: (position) => position.personId === null }),
    action: t.expose("action", { type: ChangeActionEnum }),
    effectiveDate: t.expose("effectiveDate", { type: "Date", nullable: true }),
    wave: t.exposeInt("wave", { nullable: true }),
    team: t.relation("team"),
    role: t.relation("role"),
    person: t.relation("person", { nullable: true }),
    sourceAssignment: t.relation("sourceAssignment", { nullable: true }),
    reportsTo: t.relation("reportsTo", { nullable: true }),
  }),
});

export const ScenarioChangeRef = builder.prismaNode("ScenarioChange", {
  id: { field: "id" },
  description: "One edit of a scenario: what was done, by whom, and whether it has been undone.",
  fields: (t) => ({
    version: t.exposeInt("version", { description: "The scenario's version after this edit." }),
    kind: t.exposeString("kind", { description: "The mutation that made it, e.g. moveScenarioTeam." }),
    summary: t.exposeString("summary"),
    undone: t.boolean({ select: { undoneAt: true }, resolve: (change) => change.undoneAt !== null }),
    undoneAt: t.expose("undoneAt", { type: "DateTime", nullable: true }),
    actorName: t.exposeString("actorName"),
    byViewer: t.boolean({
      description: "The signed-in user made this edit.",
      select: { actorSubject: true },
      resolve: (change, _args, context) => change.actorSubject === context.viewer?.subject,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const ScenarioCommentRef = builder.prismaObject("ScenarioComment", {
  description: "A review comment, with the status the scenario had when it was made.",
  fields: (t) => ({
    id: t.exposeID("id"),
    status: t.expose("status", { type: ScenarioStatusEnum }),
    text: t.exposeString("text"),
    authorName: t.exposeString("authorName"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
