// Links to the analysis screens, for the editor and the merger pages.

/** The scenario's compare page; `withId` another scenario, or nothing for the as-is. */
export function compareUrl(scenarioId: string, withId?: string | null): string {
  const base = `/scenarier/${encodeURIComponent(scenarioId)}/sammenlign`;
  return withId ? `${base}?med=${encodeURIComponent(withId)}` : base;
}

/** The scenario's printable page. */
export function printUrl(scenarioId: string): string {
  return `/scenarier/${encodeURIComponent(scenarioId)}/utskrift`;
}

/** The scenario's own page (the editor). */
export function scenarioUrl(scenarioId: string): string {
  return `/scenarier/${encodeURIComponent(scenarioId)}`;
}

export const HEALTH_SETTINGS_URL = "/admin/helsesjekker";
