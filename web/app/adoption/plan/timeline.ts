// The maths of the rollout timeline (a Gantt chart): which rows it has (a wave, then its
// offices, then an expanded office's practices), the time axis by month, and where a bar
// starts and ends. Pure, so the layout is unit-tested; RolloutTimeline only draws it.
import { scaleUtc } from "d3-scale";

export interface PlanPracticeInput {
  practice: { id: string; name: string };
  plannedStart: string;
  targetDate: string;
  overridden: boolean;
}

export interface PlanRolloutInput {
  id: string;
  plannedStart: string;
  targetDate: string;
  office: { id: string; name: string };
  practicePlans: readonly PlanPracticeInput[];
}

export interface PlanWaveInput {
  id: string;
  name: string;
  isPilot: boolean;
  plannedStart: string;
  targetDate: string;
  rollouts: readonly PlanRolloutInput[];
}

export type TimelineRow =
  | { kind: "wave"; key: string; label: string; start: string; end: string; isPilot: boolean; officeCount: number }
  | {
      kind: "office";
      key: string;
      rolloutId: string;
      label: string;
      waveName: string;
      start: string;
      end: string;
      expanded: boolean;
      overriddenCount: number;
    }
  | { kind: "practice"; key: string; label: string; officeName: string; start: string; end: string; overridden: boolean };

/** The rows top to bottom: each wave in order, its offices, and the practices of expanded offices. */
export function timelineRows(waves: readonly PlanWaveInput[], expandedRolloutIds: ReadonlySet<string>): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const wave of waves) {
    rows.push({
      kind: "wave",
      key: `wave-${wave.id}`,
      label: wave.name,
      start: wave.plannedStart,
      end: wave.targetDate,
      isPilot: wave.isPilot,
      officeCount: wave.rollouts.length,
    });
    for (const rollout of wave.rollouts) {
      const expanded = expandedRolloutIds.has(rollout.id);
      rows.push({
        kind: "office",
        key: `office-${rollout.id}`,
        rolloutId: rollout.id,
        label: rollout.office.name,
        waveName: wave.name,
        start: rollout.plannedStart,
        end: rollout.targetDate,
        expanded,
        overriddenCount: rollout.practicePlans.filter((plan) => plan.overridden).length,
      });
      if (!expanded) continue;
      for (const plan of rollout.practicePlans) {
        rows.push({
          kind: "practice",
          key: `practice-${rollout.id}-${plan.practice.id}`,
          label: plan.practice.name,
          officeName: rollout.office.name,
          start: plan.plannedStart,
          end: plan.targetDate,
          overridden: plan.overridden,
        });
      }
    }
  }
  return rows;
}

/** yyyy-mm-dd as a UTC Date (plain dates never shift with the browser's time zone). */
export function utcDate(isoDate: string): Date {
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1));
}

/** The first day of the month of a yyyy-mm-dd date. */
export function monthStartOf(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

/** The first day of the month after that of a yyyy-mm-dd date. */
export function nextMonthStart(isoDate: string): string {
  const date = utcDate(monthStartOf(isoDate));
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/** Whole months from the month of `from` to the month that holds `to`, each as its first day. */
export function monthsCovering(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = monthStartOf(from); month <= to; month = nextMonthStart(month)) months.push(month);
  return months;
}

/**
 * The time domain: from the first month any bar (or today) starts in, to the end of the
 * month the last bar (or today) ends in, so "i dag" is always on the chart.
 */
export function timelineDomain(rows: readonly TimelineRow[], today: string): { from: string; to: string } {
  const starts = [today, ...rows.map((row) => row.start)];
  const ends = [today, ...rows.map((row) => row.end)];
  const first = starts.reduce((min, date) => (date < min ? date : min));
  const last = ends.reduce((max, date) => (date > max ? date : max));
  return { from: monthStartOf(first), to: nextMonthStart(last) };
}

export const TIMELINE_ROW = 26;

export interface TimelineLayout {
  width: number;
  height: number;
  labelWidth: number;
  axisHeight: number;
  x: (isoDate: string) => number;
  /** Every month's first day (grid lines). */
  months: string[];
  /** Months that get a label: every month on a short plan, every quarter's first on a long one. */
  labelledMonths: string[];
  /** The y of the top of row `index`. */
  rowTop: (index: number) => number;
  plotLeft: number;
  plotRight: number;
}

export function timelineLayout(rows: readonly TimelineRow[], today: string, width = 960): TimelineLayout {
  const labelWidth = 260;
  const axisHeight = 40;
  const right = width - 16;
  const domain = timelineDomain(rows, today);
  const x = scaleUtc().domain([utcDate(domain.from), utcDate(domain.to)]).range([labelWidth, right]);
  const months = monthsCovering(domain.from, domain.to).filter((month) => month < domain.to);
  const step = months.length <= 14 ? 1 : months.length <= 30 ? 3 : 6;
  const labelledMonths = months.filter((month) => (Number(month.slice(5, 7)) - 1) % step === 0);
  return {
    width,
    height: axisHeight + Math.max(rows.length, 1) * TIMELINE_ROW + 8,
    labelWidth,
    axisHeight,
    x: (isoDate) => x(utcDate(isoDate)),
    months,
    labelledMonths,
    rowTop: (index) => axisHeight + index * TIMELINE_ROW,
    plotLeft: labelWidth,
    plotRight: right,
  };
}

/** A label cut to `max` characters with an ellipsis (the full text is in the bar's name). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
