// The one Pothos schema builder: plugins, scalars, auth scopes. Domain modules add their
// types to it; schema.ts imports them all and builds the schema.
import { scopes } from "./auth/policy";
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ZodPlugin from "@pothos/plugin-zod";
import type PrismaTypes from "../../schema/src/generated/pothos-types";
import { getDatamodel } from "../../schema/src/generated/pothos-types";
import type { SamlaContext } from "./context";
import CleanTextPlugin from "./lib/clean-text-plugin";
import { decodeGlobalIdLeniently, resolveNodeOrNull } from "./lib/node-lookup";
import { authorizationError } from "./lib/auth-errors";
import { EARLIEST_YEAR, formatDate, isInSaneYears, LATEST_YEAR, parseDate } from "./lib/dates";
import { leadsOffice, leadsOfficeOfTeam } from "./lib/leadership";
import { rememberSsoUser } from "./lib/sso-users";
import { ValidationError } from "./lib/errors";
import { GraphQLError, Kind } from "graphql";

export interface SamlaAuthScopes {
  /** Any verified token. */
  authenticated: boolean;
  planner: boolean;
  officeLeader: boolean;
  hr: boolean;
  viewer: boolean;
  admin: boolean;
  /**
   * An office leader (realm role office-leader) who leads this office (database id) today,
   * as the org model says (docs/decisions/003). Resolved per request.
   */
  leaderOfOffice: string;
  /** As leaderOfOffice, for the office of this team (database id). */
  leaderOfTeam: string;
}

/** Default page size and the most a client may ask for in one page of any connection. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const builder = new SchemaBuilder<{
  Context: SamlaContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: SamlaAuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string };
  };
  Connection: { totalCount?: number | (() => number | Promise<number>) };
}>({
  // scope-auth first, so authorization runs before any other plugin's resolver wrapping;
  // cleanText inside errors, so its ValidationError becomes a mutation's typed result.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, CleanTextPlugin, PrismaPlugin, RelayPlugin, ZodPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Subscriptions are authorised once, when they start, not on every event.
    authorizeOnSubscribe: true,
    authScopes: async (context) => {
      const roles = new Set(context.viewer?.roles ?? []);
      // Once per request (scope-auth caches this initializer per context): remember the
      // SSO user so HR can link a person to it. Never fails the request.
      if (context.viewer) await rememberSsoUser(context.db, context.viewer);
      return {
        authenticated: context.viewer !== null,
        planner: roles.has("planner"),
        officeLeader: roles.has("office-leader"),
        hr: roles.has("hr"),
        viewer: roles.has("viewer"),
        admin: roles.has("admin"),
        leaderOfOffice: (officeId: string) => leadsOffice(context, officeId),
        leaderOfTeam: (teamId: string) => leadsOfficeOfTeam(context, teamId),
      };
    },
    unauthorizedError: (_parent, context, _info, result) => authorizationError(context, result.failure),
  },
  prisma: {
    client: (context) => context.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // Unknown and malformed ids: null in their place, not an error (lib/node-lookup.ts).
    decodeGlobalID: decodeGlobalIdLeniently,
    // (Return types spelled out: the builder's type cannot depend on its own initializer.)
    nodeQueryOptions: {
      resolve: (_root, args, context, info): Promise<unknown> => resolveNodeOrNull(nodeBuilder(), context, info, args.id),
    },
    nodesQueryOptions: {
      resolve: (_root, args, context, info): Promise<unknown>[] =>
        args.ids.map((id) => resolveNodeOrNull(nodeBuilder(), context, info, id)),
    },
  },
  errors: {
    defaultTypes: [],
  },
  zod: {
    validationError: (zodError) =>
      new ValidationError(
        "Ugyldige argumenter.",
        zodError.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
      ),
  },
});

function nodeBuilder(): Parameters<typeof resolveNodeOrNull>[0] {
  return builder as never;
}

/** Every Samla role: reading needs at least one of them. */
export const ANY_SAMLA_ROLE = scopes("read");

const SANE_YEARS_TEXT = `året må være fra ${EARLIEST_YEAR} til ${LATEST_YEAR}.`;

builder.scalarType("DateTime", {
  description: "An instant, as an ISO 8601 string in UTC (e.g. 2026-01-31T12:00:00.000Z).",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError("Ugyldig tidspunkt: bruk ISO 8601.");
    if (!isInSaneYears(date)) throw new GraphQLError(`Ugyldig tidspunkt ${JSON.stringify(value)}: ${SANE_YEARS_TEXT}`);
    return date;
  },
});

builder.scalarType("Date", {
  description: "A calendar date as yyyy-mm-dd (no time, no time zone).",
  serialize: (value) => formatDate(value),
  parseValue: (value) => {
    const date = typeof value === "string" ? parseDate(value) : null;
    if (!date) throw new GraphQLError(`Ugyldig dato ${JSON.stringify(value)}: bruk formatet åååå-mm-dd.`);
    if (!isInSaneYears(date)) throw new GraphQLError(`Ugyldig dato ${JSON.stringify(value)}: ${SANE_YEARS_TEXT}`);
    return date;
  },
  parseLiteral: (ast) => {
    const date = ast.kind === Kind.STRING ? parseDate(ast.value) : null;
    if (!date) throw new GraphQLError("Ugyldig dato: bruk formatet åååå-mm-dd.");
    if (!isInSaneYears(date)) throw new GraphQLError(`Ugyldig dato: ${SANE_YEARS_TEXT}`);
    return date;
  },
});

builder.scalarType("JSON", {
  description: "Any JSON value.",
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.queryType({
  description: "Reading needs a signed-in user with at least one Samla role; only `health` is public.",
  authScopes: ANY_SAMLA_ROLE,
});

builder.mutationType({
  description: "Every mutation names the roles that may call it; one transaction each, audited.",
  authScopes: ANY_SAMLA_ROLE,
});

builder.queryField("health", (t) =>
  t.string({
    description: "Public liveness check: always \"ok\".",
    skipTypeScopes: true,
    resolve: () => "ok",
  }),
);
