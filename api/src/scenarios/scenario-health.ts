// Scenario.healthChecks (computed in analysis-health.ts), the thresholds they use
// (healthCheckSettings, any role) and updateHealthCheckSettings (admin).
import type { HealthCheckSettings } from "@samla/schema";
import { z } from "zod";
import { scopes } from "../auth/policy";
import { builder } from "../builder";
import { lockRow, staleVersionConflict, withAudit } from "../lib/audit";
import { ConflictError, ValidationError } from "../lib/errors";
import { mutationResult } from "../lib/mutations";
import { parseInput } from "../lib/validation";
import { existingScenarioAnalysis } from "./analysis-context";
import { defaultHealthCheckSettings, loadHealthCheckSettings } from "./analysis-data";
import { HEALTH_CHECK_CODES, type HealthCheck, type HealthCheckElement } from "./analysis-health";

const HealthCheckCodeEnum = builder.enumType("HealthCheckCode", {
  values: HEALTH_CHECK_CODES,
});

const HealthCheckSeverityEnum = builder.enumType("HealthCheckSeverity", {
  description: "ERROR: the design cannot work as it is (a service without a team, a person over the FTE limit).",
  values: ["ERROR", "WARNING"] as const,
});

const HealthCheckElementKindEnum = builder.enumType("HealthCheckElementKind", {
  values: ["TEAM", "POSITION", "PERSON", "SERVICE"] as const,
});

const HealthCheckElementRef = builder.objectRef<HealthCheckElement>("HealthCheckElement").implement({
  description: "Something a health check flags.",
  fields: (t) => ({
    kind: t.field({ type: HealthCheckElementKindEnum, resolve: (element) => element.kind }),
    id: t.exposeID("id", {
      description: "Global id: a ScenarioTeam, a ScenarioPosition (a vacant manager's position), a Person or a Service.",
    }),
    label: t.exposeString("label"),
    value: t.exposeFloat("value", {
      nullable: true,
      description: "What was measured: direct reports, levels, team size, FTE or (LEADER_MISSING) the team's headcount.",
    }),
    note: t.exposeString("note", { nullable: true }),
  }),
});

const HealthCheckRef = builder.objectRef<HealthCheck>("HealthCheck").implement({
  fields: (t) => ({
    code: t.field({ type: HealthCheckCodeEnum, resolve: (check) => check.code }),
    severity: t.field({ type: HealthCheckSeverityEnum, resolve: (check) => check.severity }),
    passed: t.exposeBoolean("passed"),
    message: t.exposeString("message", { description: "Norwegian, for people." }),
    threshold: t.exposeFloat("threshold", {
      nullable: true,
      description: "The setting the check used (maxSpan, minSpan, maxLayers, minTeamSize or maxFte); null for checks without one.",
    }),
    elements: t.field({ type: [HealthCheckElementRef], resolve: (check) => check.elements }),
  }),
});

builder.prismaObjectField("Scenario", "healthChecks", (t) =>
  t.field({
    type: [HealthCheckRef],
    description:
      "All seven structural checks of the to-be design, in a fixed order, each passed or not with the elements it " +
      "flags. Thresholds: healthCheckSettings. LEADER_MISSING: a team where someone holds a position but no one holds " +
      "a leader-category position in it or in a team above it.",
    select: { id: true },
    resolve: async (scenario, _args, context) => (await existingScenarioAnalysis(context, scenario.id)).healthChecks(),
  }),
);

const HealthCheckSettingsRef = builder.prismaObject("HealthCheckSettings", {
  description: "Thresholds of the scenario health checks; one set for all of Samla, kept by an admin.",
  fields: (t) => ({
    id: t.exposeID("id"),
    maxSpan: t.exposeInt("maxSpan", { description: "Most direct reports a manager should have." }),
    minSpan: t.exposeInt("minSpan", { description: "Fewest direct reports a manager should have (managers with none are not flagged)." }),
    maxLayers: t.exposeInt("maxLayers", { description: "Most levels in a reporting chain." }),
    minTeamSize: t.exposeInt("minTeamSize", { description: "Fewest people and vacant positions a team (with its sub-teams) should have." }),
    maxFte: t.float({ description: "Highest total FTE one person may hold.", resolve: (settings) => settings.maxFte.toNumber() }),
    version: t.exposeInt("version", { description: "Send it back with updateHealthCheckSettings (optimistic locking)." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.queryField("healthCheckSettings", (t) =>
  t.field({
    type: HealthCheckSettingsRef,
    description: "The health-check thresholds. Any Samla role may read them.",
    resolve: (_parent, _args, context) => loadHealthCheckSettings(context.db),
  }),
);

const UpdateHealthCheckSettingsInput = builder.inputType("UpdateHealthCheckSettingsInput", {
  description: "Fields left out are unchanged. minSpan may not exceed maxSpan.",
  fields: (t) => ({
    version: t.int({ required: true }),
    maxSpan: t.int({ required: false }),
    minSpan: t.int({ required: false }),
    maxLayers: t.int({ required: false }),
    minTeamSize: t.int({ required: false }),
    maxFte: t.float({ required: false }),
  }),
});

const wholeNumber = (min: number, max: number) =>
  z
    .number()
    .int("Må være et heltall.")
    .min(min, `Må være minst ${min}.`)
    .max(max, `Kan ikke være mer enn ${max}.`);

const updateSettingsSchema = z.object({
  version: z.number().int(),
  maxSpan: wholeNumber(1, 100).nullish(),
  minSpan: wholeNumber(0, 100).nullish(),
  maxLayers: wholeNumber(1, 30).nullish(),
  minTeamSize: wholeNumber(0, 100).nullish(),
  maxFte: z
    .number()
    .gt(0, "Stillingsandelen må være større enn 0.")
    .lte(2, "Kan ikke være mer enn 2,0.")
    .refine((fte) => Math.abs(fte * 100 - Math.round(fte * 100)) < 1e-9, "Bruk høyst to desimaler.")
    .transform((fte) => (Math.round(fte * 100) / 100).toFixed(2))
    .nullish(),
});

function settingsSnapshot(settings: HealthCheckSettings) {
  return {
    maxSpan: settings.maxSpan,
    minSpan: settings.minSpan,
    maxLayers: settings.maxLayers,
    minTeamSize: settings.minTeamSize,
    maxFte: settings.maxFte.toFixed(2),
    version: settings.version,
  };
}

builder.mutationField("updateHealthCheckSettings", (t) =>
  t.field({
    type: HealthCheckSettingsRef,
    description: "Admin only. Changes the health-check thresholds; send the version you read.",
    authScopes: scopes("catalogue.edit"),
    args: { input: t.arg({ type: UpdateHealthCheckSettingsInput, required: true }) },
    errors: mutationResult("updateHealthCheckSettings", "settings", [ValidationError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(updateSettingsSchema, args.input);
      return withAudit(context, async (tx) => {
        if (!(await lockRow(tx, "HealthCheckSettings", "default"))) {
          // The migration makes the row; should it be gone, it starts again from the defaults.
          const { updatedAt: _updatedAt, version: _version, ...defaults } = defaultHealthCheckSettings();
          await tx.healthCheckSettings.create({ data: { ...defaults, version: 0 } });
          await lockRow(tx, "HealthCheckSettings", "default");
        }
        const before = await tx.healthCheckSettings.findUniqueOrThrow({ where: { id: "default" } });
        if (before.version !== input.version) {
          throw await staleVersionConflict(
            tx,
            { type: "HealthCheckSettings", id: "default", label: "Oppsettet for helsesjekkene" },
            input.version,
            before.version,
          );
        }
        const next = {
          maxSpan: input.maxSpan ?? before.maxSpan,
          minSpan: input.minSpan ?? before.minSpan,
          maxLayers: input.maxLayers ?? before.maxLayers,
          minTeamSize: input.minTeamSize ?? before.minTeamSize,
        };
        if (next.minSpan > next.maxSpan) {
          throw ValidationError.field(
            input.minSpan != null ? "minSpan" : "maxSpan",
            `Minste kontrollspenn (${next.minSpan}) kan ikke være større enn største kontrollspenn (${next.maxSpan}).`,
          );
        }
        const after = await tx.healthCheckSettings.update({
          where: { id: "default" },
          data: { ...next, ...(input.maxFte ? { maxFte: input.maxFte } : {}), version: { increment: 1 } },
        });
        return {
          result: after,
          audit: {
            action: "updateHealthCheckSettings",
            entityType: "HealthCheckSettings",
            entityId: "default",
            before: settingsSnapshot(before),
            after: settingsSnapshot(after),
          },
        };
      });
    },
  }),
);
