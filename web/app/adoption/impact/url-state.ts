// The impact analysis's choices live in the URL of the page it is on, so an analysis can be
// shared: ?praksis=<practice code>&kpi=<KPI code>&vindu=<months>. Codes, not ids, so the
// link reads as what it shows. Left out or unknown means the default.

/** Processing time is what the methodology set out to cut (the Drammen Lean project). */
export const DEFAULT_KPI_CODE = "SAKSBEHANDLINGSTID";
/** Value stream mapping of the case flow: the methodology's core Lean practice. */
export const DEFAULT_PRACTICE_CODE = "VERDISTROM";
export const DEFAULT_WINDOW = 6;
export const WINDOW_CHOICES = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export const IMPACT_PARAMS = { practice: "praksis", kpi: "kpi", window: "vindu" } as const;

export interface ImpactChoice {
  practiceCode: string | null;
  kpiCode: string | null;
  windowMonths: number;
}

export function parseImpactChoice(params: URLSearchParams): ImpactChoice {
  const window = Number(params.get(IMPACT_PARAMS.window));
  return {
    practiceCode: params.get(IMPACT_PARAMS.practice)?.trim() || null,
    kpiCode: params.get(IMPACT_PARAMS.kpi)?.trim() || null,
    windowMonths: (WINDOW_CHOICES as readonly number[]).includes(window) ? window : DEFAULT_WINDOW,
  };
}

/** Writes the choice into `params` (the page's other parameters stay). */
export function writeImpactChoice(params: URLSearchParams, choice: ImpactChoice): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string | null) => (value ? next.set(name, value) : next.delete(name));
  set(IMPACT_PARAMS.practice, choice.practiceCode);
  set(IMPACT_PARAMS.kpi, choice.kpiCode);
  set(IMPACT_PARAMS.window, choice.windowMonths === DEFAULT_WINDOW ? null : String(choice.windowMonths));
  return next;
}

interface Coded {
  id: string;
  code: string;
}

/**
 * The practice and KPI to analyse: the chosen codes when they exist, else value stream
 * mapping and saksbehandlingstid (or the first in the catalogue when those are gone).
 */
export function resolveImpactChoice<P extends Coded, K extends Coded>(
  choice: ImpactChoice,
  practices: readonly P[],
  kpis: readonly K[],
): { practice: P | null; kpi: K | null } {
  const byCode = <T extends Coded>(list: readonly T[], code: string | null | undefined) =>
    code ? list.find((item) => item.code === code) : undefined;
  return {
    practice: byCode(practices, choice.practiceCode) ?? byCode(practices, DEFAULT_PRACTICE_CODE) ?? practices[0] ?? null,
    kpi: byCode(kpis, choice.kpiCode) ?? byCode(kpis, DEFAULT_KPI_CODE) ?? kpis[0] ?? null,
  };
}
