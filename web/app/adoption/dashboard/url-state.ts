// The dashboard's filter lives in the URL so a view can be shared: ?bolge=<wave id>
// &maned=2026-10. Other parameters on the page (the impact analysis' praksis and kpi) are
// left as they are when the filter changes.
import { isMonth, monthEnd } from "../../methods/compare/url-state";

export interface DashboardState {
  /** Global id of a wave; null = every wave. */
  waveId: string | null;
  /** yyyy-mm the dashboard describes; null = today. */
  month: string | null;
}

export const WAVE_PARAM = "bolge";
export const MONTH_PARAM = "maned";

export function parseDashboardState(params: URLSearchParams): DashboardState {
  const waveId = params.get(WAVE_PARAM)?.trim() || null;
  const month = params.get(MONTH_PARAM);
  return { waveId, month: isMonth(month) ? month : null };
}

/** The page's search parameters with the dashboard filter set to `state`, the rest kept. */
export function withDashboardState(params: URLSearchParams, state: DashboardState): URLSearchParams {
  const next = new URLSearchParams(params);
  if (state.waveId) next.set(WAVE_PARAM, state.waveId);
  else next.delete(WAVE_PARAM);
  if (state.month) next.set(MONTH_PARAM, state.month);
  else next.delete(MONTH_PARAM);
  return next;
}

export interface DashboardFilter {
  waveId?: string;
  asOf?: string;
}

/**
 * The adoptionDashboard filter: the chosen month is described as of its last day, or as
 * of today while it is still running (a later day has no data yet).
 */
export function dashboardFilter(state: DashboardState, today: string): DashboardFilter {
  const filter: DashboardFilter = {};
  if (state.waveId) filter.waveId = state.waveId;
  if (state.month) {
    const end = monthEnd(state.month);
    if (end < today) filter.asOf = end;
  }
  return filter;
}

/** The filter as a stable string (a cache and effect key); JSON.parse gives the filter back. */
export function filterKey(filter: DashboardFilter): string {
  return JSON.stringify({ ...(filter.waveId ? { waveId: filter.waveId } : {}), ...(filter.asOf ? { asOf: filter.asOf } : {}) });
}
