// The SQL reference: one hand-written statement per workload that returns the whole answer
// as JSON text, in the exact shape (field names, nulls, relay global ids) Samla's GraphQL
// response has, so the two compare row for row and the bytes on the wire are alike. No
// GraphQL, no ORM: what the database alone costs. "Today" is today in Norway, as in the API.
//
// Each statement mirrors the API's rules (api/src/org, people, methods, adoption); the
// equality check before every load run (../equality.ts) fails loudly if they drift apart.

/** Relay global id, as Pothos makes it: base64("Type:" || id), one line. */
function gid(type: string, idExpression: string): string {
  return `replace(encode(convert_to('${type}:' || ${idExpression}, 'UTF8'), 'base64'), E'\\n', '')`;
}

/** Pothos' Prisma cursor for `cursor: "id"`: base64("GPC:S:" || id). */
function cursor(idExpression: string): string {
  return `replace(encode(convert_to('GPC:S:' || ${idExpression}, 'UTF8'), 'base64'), E'\\n', '')`;
}

const TODAY = `(now() AT TIME ZONE 'Europe/Oslo')::date`;

/** Dates as the API prints them (yyyy-mm-dd). */
const day = (expression: string) => `to_char(${expression}, 'YYYY-MM-DD')`;

const mergerJson = (alias: string) => `json_build_object(
    'id', ${gid("Merger", `${alias}."id"`)}, 'name', ${alias}."name", 'effectiveDate', ${day(`${alias}."effectiveDate"`)},
    'status', ${alias}."status",
    'sourceOffices', COALESCE((
      SELECT json_agg(json_build_object('id', ${gid("Office", `so."id"`)}, 'code', so."code", 'name', so."name") ORDER BY so."name", so."id")
      FROM "_MergerSources" ms JOIN "Office" so ON so."id" = ms."B" WHERE ms."A" = ${alias}."id"), '[]'),
    'targetOffice', (SELECT json_build_object('id', ${gid("Office", `tgt."id"`)}, 'code', tgt."code", 'name', tgt."name")
      FROM "Office" tgt WHERE tgt."id" = ${alias}."targetOfficeId"))`;

/** OfficePage (web/app/routes/kontorer.$id.tsx). $1: office id. */
export const OFFICE_PAGE = `
WITH today AS (SELECT ${TODAY} AS "d")
SELECT json_build_object('data', json_build_object('office', (
  SELECT json_build_object(
    'id', ${gid("Office", `o."id"`)}, 'code', o."code", 'name', o."name", 'status', o."status",
    'isPilot', o."isPilot", 'isSpearhead', o."isSpearhead",
    'validFrom', ${day(`o."validFrom"`)}, 'validTo', ${day(`o."validTo"`)},
    'municipalities', COALESCE((
      SELECT json_agg(json_build_object('id', ${gid("Municipality", `m."id"`)}, 'number', m."number", 'name', m."name") ORDER BY m."number")
      FROM "_OfficeMunicipalities" om JOIN "Municipality" m ON m."id" = om."A" WHERE om."B" = o."id"), '[]'),
    'teams', COALESCE((
      SELECT json_agg(json_build_object(
        'id', ${gid("Team", `t."id"`)}, 'name', t."name", 'purpose', t."purpose",
        'parent', CASE WHEN t."parentId" IS NULL THEN NULL ELSE json_build_object('id', ${gid("Team", `t."parentId"`)}) END,
        'services', COALESCE((
          SELECT json_agg(json_build_object('id', ${gid("Service", `s."id"`)}, 'name', s."name") ORDER BY s."name", s."id")
          FROM "_TeamServices" ts JOIN "Service" s ON s."id" = ts."A" WHERE ts."B" = t."id"), '[]'),
        'assignments', COALESCE((
          SELECT json_agg(json_build_object(
            'id', ${gid("Assignment", `a."id"`)}, 'fte', a."fte"::float8,
            'isCurrent', a."startDate" <= today."d" AND (a."endDate" IS NULL OR a."endDate" >= today."d"),
            'person', json_build_object('id', ${gid("Person", `p."id"`)}, 'name', p."name", 'employer', p."employer"),
            'role', json_build_object('id', ${gid("Role", `r."id"`)}, 'name', r."name"))
            ORDER BY a."startDate", a."id")
          FROM "Assignment" a
          JOIN "Person" p ON p."id" = a."personId"
          JOIN "Role" r ON r."id" = a."roleId"
          WHERE a."teamId" = t."id" AND (a."endDate" IS NULL OR a."endDate" >= today."d")), '[]'))
        ORDER BY t."name", t."id")
      FROM "Team" t WHERE t."officeId" = o."id"), '[]'),
    'services', COALESCE((
      SELECT json_agg(json_build_object(
        'id', ${gid("Service", `s."id"`)}, 'code', s."code", 'name', s."name", 'provider', s."provider", 'deadlineDays', s."deadlineDays")
        ORDER BY s."name", s."id")
      FROM "Service" s
      WHERE s."id" IN (SELECT ts."A" FROM "_TeamServices" ts JOIN "Team" t ON t."id" = ts."B" WHERE t."officeId" = o."id")), '[]'),
    'mergersAsSource', COALESCE((
      SELECT json_agg(${mergerJson("mg")} ORDER BY mg."effectiveDate", mg."id")
      FROM "Merger" mg WHERE mg."id" IN (SELECT ms."A" FROM "_MergerSources" ms WHERE ms."B" = o."id")), '[]'),
    'mergersAsTarget', COALESCE((
      SELECT json_agg(${mergerJson("mg")} ORDER BY mg."effectiveDate", mg."id")
      FROM "Merger" mg WHERE mg."targetOfficeId" = o."id"), '[]'))
  FROM "Office" o, today WHERE o."id" = $1)))::text AS "body"`;

const CURRENT = (alias: string) =>
  `${alias}."startDate" <= today."d" AND (${alias}."endDate" IS NULL OR ${alias}."endDate" >= today."d")`;

/** A graph node with all 17 fields of OrgGraphView's selection, in its order. */
function node(fields: Partial<Record<string, string>>): string {
  const names = ["id", "type", "label", "parent", "officeId", "code", "status", "isPilot", "isSpearhead", "employer", "roleName",
    "roleCategory", "fte", "provider", "collapsed", "teamCount", "personCount"];
  return `json_build_object(${names.map((name) => `'${name}', ${fields[name] ?? "NULL"}`).join(", ")})`;
}

/**
 * OrgGraphView (web/app/graph/model.ts) for `{officeIds}` or `{all: true}`: offices, their
 * teams, the people assigned today (main team = largest FTE, then earliest start), the
 * services the teams deliver; DELIVERS, REPORTS_TO and MERGES_INTO edges.
 * $1: office ids (text[]), $2: all offices (boolean), $3: collapsed (boolean), $4: expanded ids (text[]).
 */
export const ORG_GRAPH = `
WITH today AS (SELECT ${TODAY} AS "d"),
scope AS (SELECT o.* FROM "Office" o WHERE $2::boolean OR o."id" = ANY($1::text[])),
loaded AS (SELECT "id" FROM scope WHERE NOT $3::boolean OR "id" = ANY($4::text[])),
teams AS (SELECT t.* FROM "Team" t WHERE t."officeId" IN (SELECT "id" FROM loaded)),
asg AS MATERIALIZED (
  SELECT a."id", a."personId", a."teamId", a."roleId", a."fte", a."startDate", a."reportsToId", t."officeId"
  FROM "Assignment" a JOIN teams t ON t."id" = a."teamId", today
  WHERE ${CURRENT("a")}),
main AS MATERIALIZED (
  SELECT DISTINCT ON (a."personId") a."personId", a."teamId", a."officeId", a."roleId"
  FROM asg a ORDER BY a."personId", a."fte" DESC, a."startDate", a."id"),
fte AS (SELECT "personId", sum("fte") AS "fte" FROM asg GROUP BY "personId"),
team_counts AS (SELECT t."officeId", count(*)::int AS "n" FROM "Team" t WHERE t."officeId" IN (SELECT "id" FROM scope) GROUP BY t."officeId"),
person_counts AS (
  SELECT t."officeId", count(DISTINCT a."personId")::int AS "n"
  FROM "Assignment" a JOIN "Team" t ON t."id" = a."teamId", today
  WHERE t."officeId" IN (SELECT "id" FROM scope) AND ${CURRENT("a")}
  GROUP BY t."officeId"),
services AS (SELECT s.* FROM "Service" s WHERE s."id" IN (SELECT ts."A" FROM "_TeamServices" ts JOIN teams t ON t."id" = ts."B")),
nodes AS (
  SELECT 1 AS "kind", o."name" AS "sort", ${node({
    id: gid("Office", `o."id"`), type: `'OFFICE'`, label: `o."name"`, code: `o."code"`, status: `o."status"`,
    isPilot: `o."isPilot"`, isSpearhead: `o."isSpearhead"`, collapsed: `o."id" NOT IN (SELECT "id" FROM loaded)`,
    teamCount: `COALESCE(tc."n", 0)`, personCount: `COALESCE(pc."n", 0)`,
  })} AS "json"
  FROM scope o LEFT JOIN team_counts tc ON tc."officeId" = o."id" LEFT JOIN person_counts pc ON pc."officeId" = o."id"
  UNION ALL
  SELECT 2, t."name", ${node({
    id: gid("Team", `t."id"`), type: `'TEAM'`, label: `t."name"`,
    parent: `CASE WHEN t."parentId" IN (SELECT "id" FROM teams) THEN ${gid("Team", `t."parentId"`)} ELSE ${gid("Office", `t."officeId"`)} END`,
    officeId: gid("Office", `t."officeId"`),
  })}
  FROM teams t
  UNION ALL
  SELECT 3, p."name", ${node({
    id: gid("Person", `p."id"`), type: `'PERSON'`, label: `p."name"`, parent: gid("Team", `m."teamId"`),
    officeId: gid("Office", `m."officeId"`), employer: `p."employer"`, roleName: `r."name"`, roleCategory: `r."category"`,
    fte: `f."fte"::float8`,
  })}
  FROM main m JOIN "Person" p ON p."id" = m."personId" JOIN "Role" r ON r."id" = m."roleId" JOIN fte f ON f."personId" = m."personId"
  UNION ALL
  SELECT 4, s."name", ${node({
    id: gid("Service", `s."id"`), type: `'SERVICE'`, label: `s."name"`, code: `s."code"`, provider: `s."provider"`,
  })}
  FROM services s),
edges AS (
  SELECT DISTINCT 'DELIVERS' AS "type", ${gid("Team", `ts."B"`)} AS "source", ${gid("Service", `ts."A"`)} AS "target"
  FROM "_TeamServices" ts WHERE ts."B" IN (SELECT "id" FROM teams)
  UNION
  SELECT 'REPORTS_TO', ${gid("Person", `a."personId"`)}, ${gid("Person", `a."reportsToId"`)}
  FROM asg a WHERE a."reportsToId" IN (SELECT "personId" FROM main)
  UNION
  SELECT 'MERGES_INTO', ${gid("Office", `ms."B"`)}, ${gid("Office", `mg."targetOfficeId"`)}
  FROM "Merger" mg JOIN "_MergerSources" ms ON ms."A" = mg."id"
  WHERE mg."status" <> 'CANCELLED' AND mg."targetOfficeId" IN (SELECT "id" FROM scope) AND ms."B" IN (SELECT "id" FROM scope))
SELECT json_build_object('data', json_build_object('orgGraph', json_build_object(
  'asOf', (SELECT ${day(`"d"`)} FROM today),
  'nodes', (SELECT COALESCE(json_agg("json" ORDER BY "kind", "sort"), '[]') FROM nodes),
  'edges', (SELECT COALESCE(json_agg(json_build_object('id', e."type" || ':' || e."source" || ':' || e."target", 'source', e."source",
            'target', e."target", 'type', e."type") ORDER BY e."type", e."source", e."target"), '[]') FROM edges e))))::text AS "body"`;

/** OfficesList (web/app/routes/kontorer.tsx), the first page without a filter. $1: first. */
export const OFFICE_LIST = `
WITH page AS (SELECT o.* FROM "Office" o ORDER BY o."name", o."id" LIMIT $1::int + 1),
shown AS (SELECT * FROM page ORDER BY "name", "id" LIMIT $1::int)
SELECT json_build_object('data', json_build_object('offices', json_build_object(
  'totalCount', (SELECT count(*)::int FROM "Office"),
  'pageInfo', json_build_object(
    'hasNextPage', (SELECT count(*) FROM page) > $1::int,
    'endCursor', (SELECT ${cursor(`"id"`)} FROM shown ORDER BY "name" DESC, "id" DESC LIMIT 1)),
  'edges', COALESCE((SELECT json_agg(json_build_object('node', json_build_object(
      'id', ${gid("Office", `o."id"`)}, 'code', o."code", 'name', o."name", 'status', o."status",
      'isPilot', o."isPilot", 'isSpearhead', o."isSpearhead",
      'municipalities', COALESCE((
        SELECT json_agg(json_build_object('id', ${gid("Municipality", `m."id"`)}, 'number', m."number", 'name', m."name") ORDER BY m."number")
        FROM "_OfficeMunicipalities" om JOIN "Municipality" m ON m."id" = om."A" WHERE om."B" = o."id"), '[]')))
    ORDER BY o."name", o."id") FROM shown o), '[]'))))::text AS "body"`;

/**
 * HrPeople (web/app/routes/hr.tsx, web/app/hr/documents.ts) with a text search: name or
 * e-mail contains the text (case-insensitive), by name. $1: ILIKE pattern, $2: first.
 */
export const PEOPLE_SEARCH = `
WITH today AS (SELECT ${TODAY} AS "d"),
matched AS (SELECT p.* FROM "Person" p WHERE p."name" ILIKE $1 OR p."email" ILIKE $1),
page AS (SELECT * FROM matched ORDER BY "name", "id" LIMIT $2::int + 1),
shown AS (SELECT * FROM page ORDER BY "name", "id" LIMIT $2::int)
SELECT json_build_object('data', json_build_object('people', json_build_object(
  'totalCount', (SELECT count(*)::int FROM matched),
  'pageInfo', json_build_object(
    'hasNextPage', (SELECT count(*) FROM page) > $2::int,
    'endCursor', (SELECT ${cursor(`"id"`)} FROM shown ORDER BY "name" DESC, "id" DESC LIMIT 1)),
  'edges', COALESCE((SELECT json_agg(json_build_object('node', json_build_object(
      'id', ${gid("Person", `p."id"`)}, 'name', p."name", 'email', p."email", 'employer', p."employer",
      'ssoUser', (SELECT json_build_object('username', u."username") FROM "SsoUser" u WHERE u."subject" = p."ssoSubject"),
      'assignments', COALESCE((
        SELECT json_agg(json_build_object(
          'id', ${gid("Assignment", `a."id"`)},
          'role', json_build_object('id', ${gid("Role", `r."id"`)}, 'name', r."name"),
          'team', json_build_object('id', ${gid("Team", `t."id"`)}, 'name', t."name",
            'office', json_build_object('id', ${gid("Office", `o."id"`)}, 'code', o."code", 'name', o."name")))
          ORDER BY a."startDate", a."id")
        FROM "Assignment" a
        JOIN "Role" r ON r."id" = a."roleId"
        JOIN "Team" t ON t."id" = a."teamId"
        JOIN "Office" o ON o."id" = t."officeId", today
        WHERE a."personId" = p."id" AND (a."endDate" IS NULL OR a."endDate" >= today."d")), '[]')))
    ORDER BY p."name", p."id") FROM shown p), '[]'))))::text AS "body"`;

/**
 * MethodComparison (web/app/routes/sammenlign.tsx, web/app/methods/compare/documents.ts)
 * with the page's defaults: the active pilot offices (spearhead first, at most six), this
 * month and the eleven before it. The parts are api/src/methods/comparison-queries.ts's
 * queries, as CTEs of one statement. No parameters.
 */
export const METHOD_COMPARISON = `
WITH today AS (SELECT ${TODAY} AS "d"),
period AS (SELECT (date_trunc('month', "d") - interval '11 months')::date AS "from", "d" AS "to" FROM today),
compared AS (
  SELECT o."id", o."code", o."name", o."isPilot", o."isSpearhead",
         row_number() OVER (ORDER BY o."isSpearhead" DESC, o."name", o."id") AS "position"
  FROM "Office" o WHERE o."isPilot" AND o."status" = 'ACTIVE'
  ORDER BY o."isSpearhead" DESC, o."name", o."id" LIMIT 6),
practices AS (
  SELECT p."id", p."theme", p."sortOrder", p."code", v."name", v."levels"
  FROM "Practice" p CROSS JOIN period
  JOIN LATERAL (SELECT pv."name", pv."levels" FROM "PracticeVersion" pv WHERE pv."practiceId" = p."id" ORDER BY pv."number" DESC LIMIT 1) v ON true
  WHERE p."retiredAt" IS NULL OR p."retiredAt" >= period."from"),
ranked AS (
  SELECT m."officeId", m."practiceId", m."level", m."assessedOn",
         count(*) OVER (PARTITION BY m."officeId", m."practiceId") AS "assessmentCount",
         row_number() OVER (PARTITION BY m."officeId", m."practiceId"
                            ORDER BY m."assessedOn" DESC, m."createdAt" DESC, m."id" DESC) AS "newest",
         row_number() OVER (PARTITION BY m."officeId", m."practiceId", m."assessedOn" <= period."from"
                            ORDER BY m."assessedOn" DESC, m."createdAt" DESC, m."id" DESC) AS "newestOnItsSide"
  FROM "MaturityAssessment" m CROSS JOIN period
  WHERE m."officeId" IN (SELECT "id" FROM compared) AND m."assessedOn" <= period."to"),
kpi_points AS (
  SELECT mm."kpiId", mm."officeId", mm."period", mm."value"
  FROM "KpiMeasurement" mm CROSS JOIN period
  WHERE mm."officeId" IN (SELECT "id" FROM compared)
    AND mm."period" >= period."from" AND mm."period" <= period."to"),
flow_services AS (
  SELECT f."serviceId", count(DISTINCT f."officeId") AS "offices"
  FROM "ProcessFlow" f CROSS JOIN period
  WHERE f."officeId" IN (SELECT "id" FROM compared) AND f."recordedOn" <= period."to"
  GROUP BY f."serviceId"),
insights AS (
  SELECT i."officeId", i."theme", i."kind", i."text",
         count(*) OVER (PARTITION BY i."officeId", i."theme") AS "count",
         count(*) OVER (PARTITION BY i."officeId") AS "officeTotal",
         count(*) OVER (PARTITION BY i."theme") AS "themeTotal",
         row_number() OVER (PARTITION BY i."officeId", i."theme"
                            ORDER BY (i."kind" = 'QUOTE') DESC, i."interviewedOn" DESC, i."createdAt" DESC, i."id" DESC) AS "rank"
  FROM "UserInsight" i CROSS JOIN period
  WHERE i."officeId" IN (SELECT "id" FROM compared) AND i."interviewedOn" BETWEEN period."from" AND period."to"),
themes AS (SELECT DISTINCT "theme", "themeTotal" FROM insights),
office_totals AS (SELECT DISTINCT "officeId", "officeTotal" FROM insights),
culture AS (
  SELECT DISTINCT ON (a."officeId", a."dimension") a."officeId", a."dimension", a."currentScore", a."targetScore", a."assessedOn"
  FROM "CultureAssessment" a CROSS JOIN period
  WHERE a."officeId" IN (SELECT "id" FROM compared) AND a."assessedOn" <= period."to"
  ORDER BY a."officeId", a."dimension", a."assessedOn" DESC, a."createdAt" DESC, a."id" DESC),
dimensions AS (SELECT DISTINCT "dimension" FROM culture),
assessed AS (
  SELECT m."officeId", m."practiceId", m."level", m."assessedOn", m."createdAt", m."id"
  FROM "MaturityAssessment" m CROSS JOIN period
  WHERE m."officeId" IN (SELECT "id" FROM compared) AND m."assessedOn" <= period."to"),
current_level AS (
  SELECT DISTINCT ON (a."officeId", a."practiceId") a."officeId", a."practiceId", a."level"
  FROM assessed a ORDER BY a."officeId", a."practiceId", a."assessedOn" DESC, a."createdAt" DESC, a."id" DESC),
reached AS (
  SELECT cur."officeId", cur."practiceId", cur."level", min(a."assessedOn") AS "reachedOn"
  FROM current_level cur
  JOIN assessed a ON a."officeId" = cur."officeId" AND a."practiceId" = cur."practiceId" AND a."level" >= cur."level"
  WHERE cur."level" > 0
  GROUP BY cur."officeId", cur."practiceId", cur."level"),
leaders AS (
  SELECT DISTINCT ON (r."practiceId") r."practiceId", r."officeId", r."level", r."reachedOn", o."name" AS "officeName"
  FROM reached r JOIN "Office" o ON o."id" = r."officeId"
  ORDER BY r."practiceId", r."level" DESC, r."reachedOn", o."name", o."id"),
latest_kpis AS (
  SELECT DISTINCT ON (mm."officeId", mm."kpiId") mm."officeId", mm."kpiId", mm."period", mm."value"
  FROM "KpiMeasurement" mm CROSS JOIN period
  WHERE mm."officeId" IN (SELECT "officeId" FROM leaders) AND mm."period" >= period."from" AND mm."period" <= period."to"
  ORDER BY mm."officeId", mm."kpiId", mm."period" DESC)
SELECT json_build_object('data', json_build_object('methodComparison', json_build_object(
  '__typename', 'MethodComparison',
  'from', ${day(`period."from"`)},
  'to', ${day(`period."to"`)},
  'months', (SELECT json_agg(${day(`m::date`)} ORDER BY m) FROM generate_series(period."from", period."to", interval '1 month') m),
  'offices', (SELECT json_agg(json_build_object('id', ${gid("Office", `c."id"`)}, 'code', c."code", 'name', c."name",
      'isPilot', c."isPilot", 'isSpearhead', c."isSpearhead") ORDER BY c."position") FROM compared c),
  'maturity', json_build_object(
    'practices', COALESCE((SELECT json_agg(json_build_object('id', ${gid("Practice", `p."id"`)}, 'code', p."code", 'name', p."name",
        'theme', p."theme", 'levels', p."levels") ORDER BY p."theme", p."sortOrder", p."code") FROM practices p), '[]'),
    'cells', COALESCE((SELECT json_agg(json_build_object(
        'officeId', ${gid("Office", `c."id"`)}, 'practiceId', ${gid("Practice", `p."id"`)},
        'level', cur."level", 'assessedOn', ${day(`cur."assessedOn"`)},
        'previousLevel', prev."level", 'previousAssessedOn', ${day(`prev."assessedOn"`)},
        'assessmentCount', COALESCE(cur."assessmentCount", 0)::int)
        ORDER BY c."position", p."theme", p."sortOrder", p."code")
      FROM compared c CROSS JOIN practices p
      LEFT JOIN ranked cur ON cur."officeId" = c."id" AND cur."practiceId" = p."id" AND cur."newest" = 1
      LEFT JOIN ranked prev ON prev."officeId" = c."id" AND prev."practiceId" = p."id"
        AND prev."assessedOn" <= period."from" AND prev."newestOnItsSide" = 1), '[]')),
  'kpis', COALESCE((SELECT json_agg(json_build_object(
      'target', k."target"::float8,
      'kpi', json_build_object('id', ${gid("Kpi", `k."id"`)}, 'code', k."code", 'name', k."name", 'unit', k."unit",
        'direction', k."direction", 'description', k."description"),
      'series', (SELECT json_agg(json_build_object(
          'officeId', ${gid("Office", `c."id"`)},
          'average', (SELECT avg(pt."value")::float8 FROM kpi_points pt WHERE pt."kpiId" = k."id" AND pt."officeId" = c."id"),
          'latest', (SELECT json_build_object('period', ${day(`pt."period"`)}, 'value', pt."value"::float8)
                     FROM kpi_points pt WHERE pt."kpiId" = k."id" AND pt."officeId" = c."id" ORDER BY pt."period" DESC LIMIT 1),
          'points', COALESCE((SELECT json_agg(json_build_object('period', ${day(`pt."period"`)}, 'value', pt."value"::float8) ORDER BY pt."period")
                     FROM kpi_points pt WHERE pt."kpiId" = k."id" AND pt."officeId" = c."id"), '[]'))
        ORDER BY c."position") FROM compared c))
    ORDER BY k."sortOrder", k."code", k."id") FROM "Kpi" k), '[]'),
  'insightThemes', json_build_object(
    'themes', COALESCE((SELECT json_agg("theme" ORDER BY "themeTotal" DESC, "theme") FROM themes), '[]'),
    'cells', COALESCE((SELECT json_agg(json_build_object(
        'officeId', ${gid("Office", `c."id"`)}, 'theme', t."theme", 'count', COALESCE(i."count", 0)::int,
        'share', COALESCE(i."count", 0)::float8 / ot."officeTotal", 'example', i."text", 'exampleKind', i."kind")
        ORDER BY t."themeTotal" DESC, t."theme", c."position")
      FROM themes t CROSS JOIN compared c
      LEFT JOIN office_totals ot ON ot."officeId" = c."id"
      LEFT JOIN insights i ON i."officeId" = c."id" AND i."theme" = t."theme" AND i."rank" = 1), '[]')),
  'cultureGaps', json_build_object(
    'dimensions', COALESCE((SELECT json_agg("dimension" ORDER BY "dimension") FROM dimensions), '[]'),
    'cells', COALESCE((SELECT json_agg(json_build_object(
        'officeId', ${gid("Office", `c."id"`)}, 'dimension', d."dimension",
        'current', l."currentScore"::float8, 'target', l."targetScore"::float8,
        'gap', (l."targetScore" - l."currentScore")::float8, 'assessedOn', ${day(`l."assessedOn"`)})
        ORDER BY d."dimension", c."position")
      FROM dimensions d CROSS JOIN compared c
      LEFT JOIN culture l ON l."officeId" = c."id" AND l."dimension" = d."dimension"), '[]')),
  'summary', COALESCE((SELECT json_agg(json_build_object(
      'practice', json_build_object('id', ${gid("Practice", `p."id"`)}, 'name', p."name", 'theme', p."theme"),
      'leadingOffice', CASE WHEN l."officeId" IS NULL THEN NULL
        ELSE json_build_object('id', ${gid("Office", `l."officeId"`)}, 'name', l."officeName") END,
      'level', l."level", 'reachedOn', ${day(`l."reachedOn"`)},
      'kpis', CASE WHEN l."officeId" IS NULL THEN '[]'::json ELSE COALESCE((SELECT json_agg(json_build_object(
          'kpi', json_build_object('id', ${gid("Kpi", `k."id"`)}, 'name', k."name", 'unit', k."unit"),
          'period', ${day(`lk."period"`)}, 'value', lk."value"::float8)
          ORDER BY k."sortOrder", k."code", k."id")
        FROM "Kpi" k LEFT JOIN latest_kpis lk ON lk."officeId" = l."officeId" AND lk."kpiId" = k."id"), '[]') END)
      ORDER BY p."theme", p."sortOrder", p."code")
    FROM practices p LEFT JOIN leaders l ON l."practiceId" = p."id"), '[]'),
  'caseFlowServices', COALESCE((SELECT json_agg(json_build_object('id', ${gid("Service", `s."id"`)}, 'code', s."code", 'name', s."name")
      ORDER BY fs."offices" DESC, s."name", s."id")
    FROM flow_services fs JOIN "Service" s ON s."id" = fs."serviceId"), '[]')
)))::text AS "body"
FROM period`;

const STAGE_INDEX = (column: string) => `(CASE ${column} WHEN 'NOT_STARTED' THEN 0 WHEN 'PREPARING' THEN 1 WHEN 'PILOTING' THEN 2
    WHEN 'ADOPTED' THEN 3 ELSE 4 END)`;
const STAGE_AT = (index: string) =>
  `(ARRAY['NOT_STARTED', 'PREPARING', 'PILOTING', 'ADOPTED', 'EMBEDDED'])[${index} + 1]`;
/** The expected stage index (0-3) on `dayExpr` from the plan dates of `alias` (dashboard-queries.ts expectedIndex). */
const EXPECTED_INDEX = (dayExpr: string, alias: string) => `(CASE WHEN ${dayExpr} < ${alias}."plannedStart" THEN 0
    WHEN ${dayExpr} >= ${alias}."targetDate" THEN 3
    ELSE 1 + (2 * (${dayExpr} - ${alias}."plannedStart")) / (${alias}."targetDate" - ${alias}."plannedStart") END)`;
const STAGE_COUNTS = (counts: string[]) =>
  `json_build_array(${["NOT_STARTED", "PREPARING", "PILOTING", "ADOPTED", "EMBEDDED"]
    .map((stage, index) => `json_build_object('stage', '${stage}', 'count', ${counts[index]})`).join(", ")})`;

/**
 * AdoptionDashboard (web/app/routes/innforing.tsx, web/app/adoption/dashboard) with the
 * page's default filter ({}: every wave, as of today, two years of months): the three
 * queries of api/src/adoption/dashboard-queries.ts (on asOf, month by month, report
 * counts) as CTEs of one statement. No parameters.
 */
export const ADOPTION_DASHBOARD = `
WITH dates AS (
  SELECT "asOf", (date_trunc('month', "asOf") - interval '23 months')::date AS "from",
         date_trunc('month', "asOf")::date AS "lastMonth",
         (CASE WHEN (date_trunc('month', "asOf") + interval '9 days')::date < "asOf"
               THEN date_trunc('month', "asOf") - interval '1 month'
               ELSE date_trunc('month', "asOf") - interval '2 months' END)::date AS "lastOverdueMonth"
  FROM (SELECT ${TODAY} AS "asOf") t),
scope_offices AS (
  SELECT r."id" AS "rolloutId", r."officeId", r."waveId", r."plannedStart", r."targetDate"
  FROM "OfficeRollout" r WHERE r."leftAt" IS NULL),
scope_practices AS (
  SELECT p."id", p."code", row_number() OVER (ORDER BY p."theme", p."sortOrder", p."code", p."id") AS "position"
  FROM "Practice" p WHERE p."retiredAt" IS NULL),
plans AS (
  SELECT so."officeId", so."waveId", sp."id" AS "practiceId", sp."position",
         COALESCE(rp."plannedStart", so."plannedStart") AS "plannedStart",
         COALESCE(rp."targetDate", so."targetDate") AS "targetDate"
  FROM scope_offices so CROSS JOIN scope_practices sp
  LEFT JOIN "OfficeRolloutPractice" rp ON rp."officeRolloutId" = so."rolloutId" AND rp."practiceId" = sp."id"),
current AS MATERIALIZED (
  SELECT pl."officeId", pl."waveId", pl."practiceId", pl."position", pl."targetDate",
         COALESCE(latest."stageIndex", 0) AS "stageIndex", latest."period" AS "latestPeriod", latest."stage",
         ${EXPECTED_INDEX(`dates."asOf"`, "pl")} AS "expectedIndex"
  FROM plans pl CROSS JOIN dates
  LEFT JOIN LATERAL (
    SELECT s."stage", s."period", ${STAGE_INDEX(`s."stage"`)} AS "stageIndex"
    FROM "AdoptionStatus" s
    WHERE s."officeId" = pl."officeId" AND s."practiceId" = pl."practiceId" AND s."period" <= dates."asOf"
    ORDER BY s."period" DESC LIMIT 1) latest ON true),
cells AS MATERIALIZED (
  SELECT c.*, run."since",
         count(*) FILTER (WHERE c."stageIndex" < c."expectedIndex") OVER (PARTITION BY c."officeId") AS "behindCount"
  FROM current c
  LEFT JOIN LATERAL (
    SELECT min(s."period") AS "since"
    FROM "AdoptionStatus" s
    WHERE s."officeId" = c."officeId" AND s."practiceId" = c."practiceId" AND s."period" <= c."latestPeriod"
      AND s."period" > COALESCE((
        SELECT max(d."period") FROM "AdoptionStatus" d
        WHERE d."officeId" = c."officeId" AND d."practiceId" = c."practiceId"
          AND d."period" < c."latestPeriod" AND d."stage" <> c."stage"), '-infinity'::date)) run ON c."latestPeriod" IS NOT NULL),
offices AS (
  SELECT so."officeId", o."name", w."ordinal", w."name" AS "waveName"
  FROM scope_offices so JOIN "Office" o ON o."id" = so."officeId" JOIN "RolloutWave" w ON w."id" = so."waveId"),
latest_report AS (
  SELECT DISTINCT ON (pr."officeId") pr."officeId", pr."id", pr."period", pr."obstacles", pr."helpNeeded"
  FROM "ProgressReport" pr CROSS JOIN dates
  WHERE pr."officeId" IN (SELECT "officeId" FROM cells WHERE "behindCount" > 0)
    AND pr."status" IN ('SUBMITTED', 'ACKNOWLEDGED') AND pr."period" <= dates."asOf"
  ORDER BY pr."officeId", pr."period" DESC),
months AS (
  SELECT m::date AS "month", (m + interval '1 month' - interval '1 day')::date AS "monthEnd"
  FROM dates, generate_series(dates."from", dates."lastMonth", interval '1 month') m),
monthly AS MATERIALIZED (
  SELECT pl."waveId", pl."practiceId", r."stageIndex", m.m::date AS "month"
  FROM plans pl CROSS JOIN dates
  CROSS JOIN LATERAL (
    SELECT s."period", ${STAGE_INDEX(`s."stage"`)} AS "stageIndex", lead(s."period") OVER (ORDER BY s."period") AS "nextPeriod"
    FROM "AdoptionStatus" s
    WHERE s."officeId" = pl."officeId" AND s."practiceId" = pl."practiceId" AND s."period" <= dates."lastMonth"
      AND s."period" >= COALESCE((
        SELECT max(c."period") FROM "AdoptionStatus" c
        WHERE c."officeId" = pl."officeId" AND c."practiceId" = pl."practiceId" AND c."period" <= dates."from"), dates."from")) r
  CROSS JOIN LATERAL (
    SELECT m FROM generate_series(GREATEST(r."period", dates."from"),
      COALESCE((r."nextPeriod" - interval '1 month')::date, dates."lastMonth"), interval '1 month') AS m
    LIMIT 60) AS m),
totals AS (SELECT (SELECT count(*) FROM plans) AS "pairs", NULLIF((SELECT count(*) FROM scope_offices), 0)::float8 AS "offices"),
stage_counts AS (
  SELECT "month", count(*) FILTER (WHERE "stageIndex" = 1) AS "s1", count(*) FILTER (WHERE "stageIndex" = 2) AS "s2",
         count(*) FILTER (WHERE "stageIndex" = 3) AS "s3", count(*) FILTER (WHERE "stageIndex" = 4) AS "s4"
  FROM monthly GROUP BY "month"),
practice_sums AS (
  SELECT "practiceId", "month", count(*) FILTER (WHERE "stageIndex" >= 3) AS "adopted", sum("stageIndex") AS "stageSum"
  FROM monthly GROUP BY "practiceId", "month"),
wave_actual AS (SELECT "waveId", "month", sum(LEAST("stageIndex", 3)) AS "sum" FROM monthly GROUP BY "waveId", "month"),
wave_planned AS (
  SELECT pl."waveId", m."month", count(*) AS "pairs", sum(LEAST(${EXPECTED_INDEX(`m."monthEnd"`, "pl")}, 3)) AS "sum"
  FROM plans pl CROSS JOIN months m GROUP BY pl."waveId", m."month"),
wave_now AS (
  SELECT w."id", w."name", w."ordinal", w."isPilot", w."plannedStart", w."targetDate",
         COALESCE(b."officeCount", 0)::int AS "officeCount",
         COALESCE(b."planned", 0)::float8 AS "plannedProgress", COALESCE(b."actual", 0)::float8 AS "actualProgress",
         COALESCE(b."behind", 0)::int AS "behindPlanOfficeCount"
  FROM "RolloutWave" w
  LEFT JOIN (
    SELECT "waveId", count(DISTINCT "officeId") AS "officeCount",
           avg(LEAST("expectedIndex", 3))::float8 / 3 AS "planned", avg(LEAST("stageIndex", 3))::float8 / 3 AS "actual",
           count(DISTINCT "officeId") FILTER (WHERE "stageIndex" < "expectedIndex") AS "behind"
    FROM current GROUP BY "waveId") b ON b."waveId" = w."id"),
report_offices AS (
  SELECT r."officeId", r."plannedStart", date_trunc('month', r."plannedStart")::date AS "startMonth"
  FROM "OfficeRollout" r WHERE r."leftAt" IS NULL),
done AS (
  SELECT pr."period", so."startMonth"
  FROM "ProgressReport" pr JOIN report_offices so ON so."officeId" = pr."officeId"
  WHERE pr."status" IN ('SUBMITTED', 'ACKNOWLEDGED'))
SELECT json_build_object('data', json_build_object('adoptionDashboard', json_build_object(
  'asOf', ${day(`dates."asOf"`)},
  'from', ${day(`dates."from"`)},
  'practices', COALESCE((SELECT json_agg(json_build_object('id', ${gid("Practice", `sp."id"`)}, 'code', sp."code",
      'name', (SELECT pv."name" FROM "PracticeVersion" pv WHERE pv."practiceId" = sp."id" ORDER BY pv."number" DESC LIMIT 1))
      ORDER BY sp."position") FROM scope_practices sp), '[]'),
  'summary', json_build_object(
    'officeCount', (SELECT count(*)::int FROM report_offices),
    'startedOfficeCount', (SELECT count(*)::int FROM report_offices WHERE "plannedStart" <= dates."asOf"),
    'reportsSubmittedThisPeriod', (SELECT count(*)::int FROM done WHERE "period" = dates."lastMonth"),
    'reportsAwaitingReview', (SELECT count(*)::int FROM "ProgressReport" pr JOIN report_offices so ON so."officeId" = pr."officeId"
      WHERE pr."status" = 'SUBMITTED'),
    'overdueReportCount', ((SELECT COALESCE(sum(GREATEST(0,
         (extract(year FROM age(dates."lastOverdueMonth", "startMonth")) * 12
          + extract(month FROM age(dates."lastOverdueMonth", "startMonth")))::int + 1)), 0)
      FROM report_offices WHERE "startMonth" <= dates."lastOverdueMonth")
      - (SELECT count(*) FROM done WHERE "period" >= "startMonth" AND "period" <= dates."lastOverdueMonth"))::int,
    'adoptedShare', (SELECT COALESCE(avg(("stageIndex" >= 3)::int), 0)::float8 FROM current),
    'behindPlanOfficeCount', (SELECT count(DISTINCT "officeId")::int FROM current WHERE "stageIndex" < "expectedIndex")),
  'matrix', COALESCE((SELECT json_agg(json_build_object(
      'office', json_build_object('id', ${gid("Office", `o."officeId"`)}, 'name', o."name"),
      'wave', json_build_object('id', ${gid("RolloutWave", `w."id"`)}, 'name', w."name", 'ordinal', w."ordinal"),
      'cells', (SELECT json_agg(json_build_object(
          'practiceId', ${gid("Practice", `c."practiceId"`)}, 'stage', ${STAGE_AT(`c."stageIndex"`)},
          'since', ${day(`c."since"`)}, 'expectedStage', ${STAGE_AT(`c."expectedIndex"`)},
          'behindPlan', c."stageIndex" < c."expectedIndex") ORDER BY c."position")
        FROM cells c WHERE c."officeId" = o."officeId"))
      ORDER BY o."ordinal", o."name", o."officeId")
    FROM offices o JOIN scope_offices so ON so."officeId" = o."officeId" JOIN "RolloutWave" w ON w."id" = so."waveId"), '[]'),
  'timeline', (SELECT json_agg(json_build_object('period', ${day(`m."month"`)}, 'counts', ${STAGE_COUNTS([
      `t."pairs" - COALESCE(sc."s1" + sc."s2" + sc."s3" + sc."s4", 0)`,
      `COALESCE(sc."s1", 0)`, `COALESCE(sc."s2", 0)`, `COALESCE(sc."s3", 0)`, `COALESCE(sc."s4", 0)`,
    ])}) ORDER BY m."month")
    FROM months m CROSS JOIN totals t LEFT JOIN stage_counts sc ON sc."month" = m."month"),
  'practiceTimeline', COALESCE((SELECT json_agg(json_build_object(
      'practice', json_build_object('id', ${gid("Practice", `sp."id"`)}),
      'points', (SELECT json_agg(json_build_object('period', ${day(`m."month"`)},
          'adoptedShare', COALESCE(COALESCE(ps."adopted", 0) / t."offices", 0),
          'averageStage', COALESCE(COALESCE(ps."stageSum", 0) / t."offices", 0)) ORDER BY m."month")
        FROM months m CROSS JOIN totals t
        LEFT JOIN practice_sums ps ON ps."practiceId" = sp."id" AND ps."month" = m."month"))
      ORDER BY sp."position") FROM scope_practices sp), '[]'),
  'waves', COALESCE((SELECT json_agg(json_build_object(
      'wave', json_build_object('id', ${gid("RolloutWave", `wn."id"`)}, 'name', wn."name", 'ordinal', wn."ordinal",
        'isPilot', wn."isPilot", 'plannedStart', ${day(`wn."plannedStart"`)}, 'targetDate', ${day(`wn."targetDate"`)}),
      'officeCount', wn."officeCount", 'plannedProgress', wn."plannedProgress", 'actualProgress', wn."actualProgress",
      'behindPlanOfficeCount', wn."behindPlanOfficeCount",
      'series', (SELECT json_agg(json_build_object('period', ${day(`m."month"`)},
          'planned', COALESCE(wp."sum"::float8 / (3 * wp."pairs"), 0),
          'actual', COALESCE(COALESCE(wa."sum", 0)::float8 / (3 * wp."pairs"), 0)) ORDER BY m."month")
        FROM months m
        LEFT JOIN wave_planned wp ON wp."waveId" = wn."id" AND wp."month" = m."month"
        LEFT JOIN wave_actual wa ON wa."waveId" = wn."id" AND wa."month" = m."month"))
      ORDER BY wn."ordinal") FROM wave_now wn), '[]'),
  'behindPlan', COALESCE((SELECT json_agg(json_build_object(
      'office', json_build_object('id', ${gid("Office", `b."officeId"`)}, 'name', b."name"),
      'wave', json_build_object('id', ${gid("RolloutWave", `b."waveId"`)}, 'name', b."waveName"),
      'practices', (SELECT json_agg(json_build_object(
          'practice', json_build_object('id', ${gid("Practice", `c."practiceId"`)},
            'name', (SELECT pv."name" FROM "PracticeVersion" pv WHERE pv."practiceId" = c."practiceId" ORDER BY pv."number" DESC LIMIT 1)),
          'stage', ${STAGE_AT(`c."stageIndex"`)}, 'expectedStage', ${STAGE_AT(`c."expectedIndex"`)},
          'targetDate', ${day(`c."targetDate"`)}) ORDER BY c."position")
        FROM cells c WHERE c."officeId" = b."officeId" AND c."stageIndex" < c."expectedIndex"),
      -- The bench reads as a planner, who may read every office's report (decision 007).
      'viewerCanReadReport', true,
      'reason', NULLIF(btrim(lr."obstacles"), ''), 'helpNeeded', NULLIF(btrim(lr."helpNeeded"), ''),
      'reportPeriod', ${day(`lr."period"`)}, 'reportId', CASE WHEN lr."id" IS NULL THEN NULL ELSE ${gid("ProgressReport", `lr."id"`)} END)
      ORDER BY b."behindCount" DESC, b."name", b."officeId")
    FROM (SELECT DISTINCT c."officeId", c."waveId", c."behindCount", o."name", o."waveName"
          FROM cells c JOIN offices o ON o."officeId" = c."officeId" WHERE c."behindCount" > 0) b
    LEFT JOIN latest_report lr ON lr."officeId" = b."officeId"), '[]'),
  'spread', COALESCE((SELECT json_agg(json_build_object(
      'practice', json_build_object('id', ${gid("Practice", `x."id"`)}),
      'counts', ${STAGE_COUNTS([0, 1, 2, 3, 4].map((index) => `x."c${index}"`))},
      'adoptedShare', x."adoptedShare", 'officeCount', x."officeCount") ORDER BY x."position")
    FROM (
      SELECT sp."id", sp."position",
             count(c."officeId") FILTER (WHERE c."stageIndex" = 0) AS "c0", count(c."officeId") FILTER (WHERE c."stageIndex" = 1) AS "c1",
             count(c."officeId") FILTER (WHERE c."stageIndex" = 2) AS "c2", count(c."officeId") FILTER (WHERE c."stageIndex" = 3) AS "c3",
             count(c."officeId") FILTER (WHERE c."stageIndex" = 4) AS "c4",
             COALESCE(avg((c."stageIndex" >= 3)::int), 0)::float8 AS "adoptedShare", count(c."officeId")::int AS "officeCount"
      FROM scope_practices sp LEFT JOIN current c ON c."practiceId" = sp."id"
      GROUP BY sp."id", sp."position") x), '[]')
)))::text AS "body"
FROM dates`;
