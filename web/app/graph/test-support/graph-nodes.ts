// Test support (unit tests only): an orgGraph node's fields all null, to spread and override.
import type { GraphNode } from "../model";

export const blankNode = {
  parent: null, officeId: null, code: null, status: null, isPilot: null, isSpearhead: null, employer: null,
  roleName: null, roleCategory: null, fte: null, provider: null, collapsed: null, teamCount: null, personCount: null,
} satisfies Omit<GraphNode, "id" | "type" | "label">;
