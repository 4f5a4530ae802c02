// The permission policy: who may do what, in one place (DESIGN.md, "GraphQL conventions").
// Each named permission is a set of realm roles, optionally widened to the leader of one
// office (docs/decisions/003). The same table answers two questions:
//   - `scopes(permission, target)`: the scope-auth map for a field's `authScopes`;
//   - `allows(context, permission, target)`: a yes/no for code that filters rows or events
//     (the dashboard's behind-plan texts, the report event stream).
// Resolvers never list roles themselves; a change of rule is a change of this table.
import type { SamlaAuthScopes } from "../builder";
import type { SamlaContext } from "../context";
import { databaseId, ledOfficeIds, leadsOffice } from "../lib/leadership";
import type { SamlaRole } from "./viewer";

interface Rule {
  /** Realm roles that hold the permission everywhere. */
  roles: readonly SamlaRole[];
  /** Also the office leader who leads the target office (or the office of the target team) today. */
  leaderOfTarget?: true;
}

const ALL_ROLES: readonly SamlaRole[] = ["planner", "office-leader", "hr", "viewer", "admin"];
const DIRECTORATE: readonly SamlaRole[] = ["planner", "admin"];
const HR: readonly SamlaRole[] = ["hr", "admin"];

export const POLICY = {
  /** Read the org model, catalogues, graphs and comparisons. */
  read: { roles: ALL_ROLES },
  /** Offices and mergers. */
  "org.edit": { roles: DIRECTORATE },
  /** Teams of an office: the directorate, or that office's leader. */
  "team.edit": { roles: DIRECTORATE, leaderOfTarget: true },
  "scenario.edit": { roles: DIRECTORATE },
  /** The catalogues (services, roles, practices, KPIs) and health-check thresholds. */
  "catalogue.edit": { roles: ["admin"] },
  /** Assign people to roles, import assignments, link people to SSO users. */
  "person.assign": { roles: HR },
  /** A person's SSO user (username, e-mail, subject, last seen) and the link to it. */
  "person.readSsoUser": { roles: HR },
  /** A person's total FTE on a day. */
  "person.readFte": { roles: HR },
  "audit.read": { roles: HR },
  /** Rollout plans, the adoption dashboard's figures and the impact analysis (not HR). */
  "adoption.read": { roles: ["planner", "office-leader", "viewer", "admin"] },
  /** Waves and office rollouts; reviewing reports. */
  "rollout.manage": { roles: DIRECTORATE },
  /**
   * One office's progress reports and what is quoted from them (obstacles, help needed),
   * also on the dashboard and in live events: every report for planners, admins and viewers,
   * an office leader only their own offices' (docs/decisions/007).
   */
  "report.read": { roles: ["planner", "viewer", "admin"], leaderOfTarget: true },
  /** Every office's reports at once (exports of the whole list). */
  "report.readAll": { roles: ["planner", "viewer", "admin"] },
  /** Write, save and submit a report: only the leader of its office today. */
  "report.submit": { roles: [], leaderOfTarget: true },
  /** Record an office's assessments, KPIs, case flows, insights and culture. */
  "methods.record": { roles: DIRECTORATE, leaderOfTarget: true },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof POLICY;

/** What an office-scoped permission is checked against (database ids). */
export type Target =
  | { officeId: string }
  | { teamId: string }
  /** The id named no office: any office leader gets through to the resolver's NOT_FOUND or validation. */
  | { anyOffice: true }
  | null;

/** The target for an office's global id; null when it is not one (then only the permission's roles pass). */
export function officeTarget(officeGlobalId: unknown): { officeId: string } | null {
  const id = databaseId(officeGlobalId, "Office");
  return id ? { officeId: id } : null;
}

/** As officeTarget, for a team's global id. */
export function teamTarget(teamGlobalId: unknown): { teamId: string } | null {
  const id = databaseId(teamGlobalId, "Team");
  return id ? { teamId: id } : null;
}

/** Scope-auth's name for each realm role. */
const ROLE_SCOPE = {
  planner: "planner",
  "office-leader": "officeLeader",
  hr: "hr",
  viewer: "viewer",
  admin: "admin",
} as const satisfies Record<SamlaRole, keyof SamlaAuthScopes>;

export type ScopeMap = Partial<SamlaAuthScopes>;

/**
 * The scope-auth map for `permission`. An office-scoped permission without a target (a
 * malformed id) grants only its roles; with `{ anyOffice: true }` any office leader gets
 * through, and the resolver must then refuse or find nothing itself.
 */
export function scopes(permission: Permission, target: Target = null): ScopeMap {
  const rule: Rule = POLICY[permission];
  const map: ScopeMap = {};
  for (const role of rule.roles) map[ROLE_SCOPE[role]] = true;
  if (rule.leaderOfTarget) {
    if (target && "officeId" in target) map.leaderOfOffice = target.officeId;
    else if (target && "teamId" in target) map.leaderOfTeam = target.teamId;
    else if (target && "anyOffice" in target) map.officeLeader = true;
  }
  return map;
}

/** Holds `permission` whatever the office: one of its roles, not only as an office's leader. */
export function allowsEverywhere(context: Pick<SamlaContext, "viewer">, permission: Permission): boolean {
  const roles: readonly SamlaRole[] = POLICY[permission].roles;
  return context.viewer?.roles.some((role) => roles.includes(role)) ?? false;
}

/** Whether the caller holds `permission` for the office `officeId` (database id). */
export async function allows(context: SamlaContext, permission: Permission, officeId?: string): Promise<boolean> {
  if (allowsEverywhere(context, permission)) return true;
  const rule: Rule = POLICY[permission];
  return Boolean(rule.leaderOfTarget && officeId !== undefined && (await leadsOffice(context, officeId)));
}

/**
 * The offices where the caller holds `permission`: "all", or the ids of the offices they lead
 * today (empty without the office-leader role). One query per request.
 */
export async function officesWhere(context: SamlaContext, permission: Permission): Promise<"all" | ReadonlySet<string>> {
  if (allowsEverywhere(context, permission)) return "all";
  const rule: Rule = POLICY[permission];
  if (!rule.leaderOfTarget || !context.viewer?.roles.includes("office-leader")) return new Set();
  return ledOfficeIds(context);
}
