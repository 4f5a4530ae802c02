// Turns scope-auth refusals into clear GraphQL errors: UNAUTHENTICATED (no or bad token,
// with the reason) or FORBIDDEN (signed in, but without a role the field requires).
import type { AuthFailure } from "@pothos/plugin-scope-auth";
import { GraphQLError } from "graphql";
import type { SamlaRole } from "../auth/viewer";
import type { SamlaContext } from "../context";

/** Keycloak role for each role scope, and how the UI names it. */
const ROLE_SCOPES: Record<string, { role: SamlaRole; label: string }> = {
  planner: { role: "planner", label: "planlegger" },
  officeLeader: { role: "office-leader", label: "kontorleder" },
  hr: { role: "hr", label: "HR" },
  viewer: { role: "viewer", label: "leser" },
  admin: { role: "admin", label: "administrator" },
  leaderOfOffice: { role: "office-leader", label: "kontorleder for kontoret" },
  leaderOfTeam: { role: "office-leader", label: "kontorleder for kontoret" },
};

function scopesIn(failure: AuthFailure, into = new Set<string>()): Set<string> {
  if ("failures" in failure) for (const inner of failure.failures) scopesIn(inner, into);
  if ("scope" in failure) into.add(failure.scope);
  return into;
}

export function unauthenticatedError(context: Pick<SamlaContext, "authFailure">): GraphQLError {
  const failure = context.authFailure;
  return new GraphQLError(failure?.message ?? "Du må logge inn for å bruke Samla.", {
    extensions: { code: "UNAUTHENTICATED", ...(failure ? { reason: failure.reason } : {}) },
  });
}

export function authorizationError(context: SamlaContext, failure: AuthFailure): GraphQLError {
  if (!context.viewer) return unauthenticatedError(context);
  if (context.viewer.roles.length === 0) {
    return new GraphQLError("Brukeren din har ingen rolle i Samla. Be en administrator om tilgang.", {
      extensions: { code: "FORBIDDEN", requiredRoles: [] },
    });
  }
  const required = [...scopesIn(failure)].flatMap((scope) => (ROLE_SCOPES[scope] ? [ROLE_SCOPES[scope]] : []));
  const labels = [...new Set(required.map((r) => r.label))];
  const needs =
    labels.length === 0
      ? ""
      : ` Det krever rollen ${labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} eller ${labels.at(-1)}`}.`;
  return new GraphQLError(`Du har ikke tilgang til dette.${needs}`, {
    extensions: { code: "FORBIDDEN", requiredRoles: [...new Set(required.map((r) => r.role))] },
  });
}
