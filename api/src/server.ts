// The HTTP face of the API: graphql-yoga on /graphql with request limits, CSRF prevention,
// masked errors, and /healthz for load balancers.
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useGraphQlJit } from "@envelop/graphql-jit";
import type { Db } from "@samla/schema";
import { NoSchemaIntrospectionCustomRule, getOperationAST, type ExecutionArgs, type GraphQLError } from "graphql";
import { getVariableValues } from "graphql/execution/values";
import { createYoga, maskError, type Plugin, type YogaServerInstance } from "graphql-yoga";
import { createInProcessReportEvents, type ReportEventBus } from "./adoption/report-events";
import { renderSelfContainedGraphiQL } from "./graphiql";
import { authenticate, requestIdFrom, type SamlaContext, type VerifyToken } from "./context";
import { boundedParserCache, DEFAULT_EDGE_LIMITS, edgePlugins, edgePluginsAfterJit, type EdgeLimits } from "./edge";
import { useTypedInvalidIdErrors } from "./lib/invalid-id-errors";
import { logUnexpectedErrors, statementTimeoutError, withServerErrorStatus } from "./lib/unexpected-errors";
import { schema } from "./schema";

export interface RequestLimits {
  /** Deepest selection nesting (introspection excluded). */
  maxDepth: number;
  /**
   * graphql-armor's static cost: objects 2, scalars 1, times 1.5 per level of depth, times a
   * literal `first`/`last`. An office page with 100 people and their assignments costs ~6,500.
   */
  maxCost: number;
  /** Lexical tokens in one document. */
  maxTokens: number;
  maxAliases: number;
  maxDirectives: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxDepth: 12,
  maxCost: 25_000,
  maxTokens: 3_000,
  maxAliases: 15,
  maxDirectives: 20,
};

export interface SamlaServerOptions {
  db: Db;
  /** Verifies bearer tokens, e.g. `createTokenVerifier({ issuer, audience })` from ./auth/verify-token. */
  verifyToken: VerifyToken;
  /**
   * Production: no introspection, no GraphiQL, no field suggestions. Default true; callers
   * pass `!isDevMode()` (SAMLA_DEV=1, see dev-mode.ts), tests false where they need it.
   */
  production?: boolean;
  /**
   * Origins allowed to call the API from a browser (CORS), e.g. ["http://localhost:5173"].
   * Default: any origin outside production, none (same origin only) in production.
   */
  corsOrigins?: string[];
  limits?: Partial<RequestLimits>;
  /** Body size, caches, text lengths, rate limits, per-user concurrency (./edge). Default DEFAULT_EDGE_LIMITS. */
  edge?: Partial<EdgeLimits>;
  /** Yoga's logging; default true (info level). Tests pass false. */
  logging?: boolean;
  /**
   * Where progress report events are published and subscribed (the `progressReportEvents`
   * subscription). Default: in memory, for one process; several instances on one PostgreSQL
   * database pass `createPostgresReportEvents(url)`.
   */
  reportEvents?: ReportEventBus;
}

export type SamlaServer = YogaServerInstance<Record<string, never>, SamlaContext>;

/** Headers any one of which marks a request as sent by our own client code (CSRF prevention). */
export const CSRF_HEADERS = ["x-samla-csrf", "x-graphql-yoga-csrf"];

/** `GET /healthz`: 200 {status:"ok"} when the database answers, 503 otherwise. */
function healthz(db: Db): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== "/healthz") return;
      try {
        await db.$queryRaw`SELECT 1`;
        endResponse(fetchAPI.Response.json({ status: "ok" }));
      } catch {
        endResponse(fetchAPI.Response.json({ status: "unavailable" }, { status: 503 }));
      }
    },
  };
}

/**
 * graphql-armor's refusals are request errors like a parse or validation error: mark them
 * so yoga answers 400 (or 200 to legacy application/json clients), as it does for those.
 */
function asBadRequest(_context: unknown, error: GraphQLError): void {
  Object.assign(error.extensions, { code: "REQUEST_LIMIT_EXCEEDED", http: { status: 400, spec: true } });
}

function variablesAreValid(args: ExecutionArgs): boolean {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation?.variableDefinitions?.length) return true;
  const coerced = getVariableValues(args.schema, operation.variableDefinitions, args.variableValues ?? {});
  return coerced.errors === undefined;
}

function disableIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

export function createSamlaServer(options: SamlaServerOptions): SamlaServer {
  const { db, verifyToken, production = true } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const reportEvents = options.reportEvents ?? createInProcessReportEvents();
  const edge = { ...DEFAULT_EDGE_LIMITS, ...options.edge };
  // Only HR and admins import files; everyone else stays under the ordinary body limit.
  const mayUploadLarge = async (request: Request) => {
    const { viewer } = await authenticate(request, verifyToken);
    return viewer?.roles.some((role) => role === "hr" || role === "admin") ?? false;
  };

  const cors = options.corsOrigins
    ? {
        origin: options.corsOrigins,
        credentials: false,
        methods: ["GET", "POST", "OPTIONS"],
        allowedHeaders: ["authorization", "content-type", "x-request-id", ...CSRF_HEADERS],
        maxAge: 600,
      }
    : !production;

  const yoga: SamlaServer = createYoga<Record<string, never>, SamlaContext>({
    schema,
    graphqlEndpoint: "/graphql",
    healthCheckEndpoint: "/health",
    landingPage: false,
    graphiql: production ? false : { title: "Samla GraphQL", headers: JSON.stringify({ "x-samla-csrf": "1" }) },
    renderGraphiQL: renderSelfContainedGraphiQL,
    cors,
    logging: options.logging ?? true,
    batching: false,
    parserAndValidationCache: boundedParserCache(edge.parseCache),
    maskedErrors: {
      isDev: false,
      // Unexpected errors are masked for the client ("Unexpected error.") with HTTP 500; the
      // logUnexpectedErrors plugin has logged them with the request id.
      maskError: (error, message) =>
        statementTimeoutError(error) ?? withServerErrorStatus(maskError(error, message, false)),
    },
    context: async ({ request }): Promise<SamlaContext> => ({
      db,
      requestId: requestIdFrom(request),
      reportEvents,
      ...(await authenticate(request, verifyToken)),
    }),
    plugins: [
      healthz(db),
      ...edgePlugins(edge, mayUploadLarge),
      logUnexpectedErrors(() => yoga.logger),
      useTypedInvalidIdErrors(),
      useCSRFPrevention({ requestHeaders: CSRF_HEADERS }),
      EnvelopArmorPlugin({
        maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, onReject: [asBadRequest] },
        costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, onReject: [asBadRequest] },
        maxTokens: { n: limits.maxTokens, onReject: [asBadRequest] },
        maxAliases: { n: limits.maxAliases, onReject: [asBadRequest] },
        maxDirectives: { n: limits.maxDirectives, onReject: [asBadRequest] },
        blockFieldSuggestion: { enabled: production },
      }),
      ...(production ? [disableIntrospection()] : []),
      // Each operation compiled once to plain JavaScript (graphql-jit) instead of walking
      // the selection per field and row: a third less CPU on the office page (bench:api).
      // Resolvers, and with them every field's authorization, run as before. Variables
      // that graphql-js refuses go its way, so the client gets the scalar's own message
      // ("Ugyldig dato…") and a 400, which graphql-jit's coercion would lose.
      useGraphQlJit({}, { enableIf: variablesAreValid }),
      ...edgePluginsAfterJit(edge),
    ],
  });
  return yoga;
}
