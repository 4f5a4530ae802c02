// The maths of the impact charts: the forest plot (one row per office plus the estimate)
// and the event-time lines (means by month relative to adoption). Pure, so domains and
// gaps are unit-tested; the components only draw what these return.
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** A linear domain around `values` that always shows zero (the "no difference" line), padded a little. */
export function domainWithZero(values: readonly number[]): [number, number] {
  const all = [0, ...values.filter((value) => Number.isFinite(value))];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min;
  const pad = span === 0 ? 1 : span * 0.08;
  return [min === 0 ? 0 : min - pad, max === 0 ? 0 : max + pad];
}

// ---- forest plot -------------------------------------------------------------------------

export const FOREST_ROW = 24;

export interface ForestRowInput {
  id: string;
  name: string;
  difference: number;
}

export interface ForestLayout {
  box: ChartBox;
  x: (value: number) => number;
  ticks: number[];
  /** Office rows, smallest difference first, with their y (centre). */
  rows: Array<ForestRowInput & { y: number }>;
  /** The y of the estimate's row (below the offices). */
  estimateY: number;
  inner: { left: number; right: number; top: number; bottom: number };
}

export function forestLayout(
  offices: readonly ForestRowInput[],
  estimate: { value: number; low: number | null; high: number | null },
  width = 640,
): ForestLayout {
  const margin = { top: 28, right: 24, bottom: 44, left: 200 };
  const rows = [...offices].sort((a, b) => a.difference - b.difference || a.name.localeCompare(b.name, "nb"));
  // One row per office, a gap, then the estimate's row.
  const height = margin.top + (rows.length + 1.5) * FOREST_ROW + margin.bottom;
  const inner = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
  const values = [...rows.map((row) => row.difference), estimate.value, estimate.low ?? 0, estimate.high ?? 0];
  const x = scaleLinear().domain(domainWithZero(values)).range([inner.left, inner.right]).nice(5);
  return {
    box: { width, height, margin },
    x: (value) => x(value),
    ticks: x.ticks(5),
    rows: rows.map((row, index) => ({ ...row, y: inner.top + (index + 0.5) * FOREST_ROW })),
    estimateY: inner.top + (rows.length + 1) * FOREST_ROW,
    inner,
  };
}

/** The SVG path of the estimate's diamond, centred on (x, y). */
export function diamondPath(x: number, y: number, halfWidth = 7, halfHeight = 8): string {
  return `M${x - halfWidth},${y}L${x},${y - halfHeight}L${x + halfWidth},${y}L${x},${y + halfHeight}Z`;
}

// ---- event-time lines --------------------------------------------------------------------

export interface EventTimePointInput {
  relativeMonth: number;
  treatedMean: number | null;
  controlMean: number | null;
}

export interface EventTimeLayout {
  box: ChartBox;
  x: (month: number) => number;
  y: (value: number) => number;
  yTicks: number[];
  /** Relative months to label (every month for short windows, every other one for long). */
  xTicks: number[];
  inner: { left: number; right: number; top: number; bottom: number };
}

export const EVENT_TIME_BOX: ChartBox = { width: 640, height: 260, margin: { top: 20, right: 24, bottom: 40, left: 52 } };

export function eventTimeLayout(points: readonly EventTimePointInput[], windowMonths: number, box: ChartBox = EVENT_TIME_BOX): EventTimeLayout {
  const inner = {
    left: box.margin.left,
    right: box.width - box.margin.right,
    top: box.margin.top,
    bottom: box.height - box.margin.bottom,
  };
  const values = points.flatMap((point) => [point.treatedMean, point.controlMean]).filter((value): value is number => value !== null);
  const min = values.length > 0 ? Math.min(...values) : 0;
  const max = values.length > 0 ? Math.max(...values) : 1;
  const pad = max === min ? Math.max(Math.abs(max) * 0.1, 1) : (max - min) * 0.1;
  const low = min - pad;
  const x = scaleLinear().domain([-windowMonths, windowMonths - 1]).range([inner.left, inner.right]);
  const y = scaleLinear()
    .domain([min >= 0 && low < 0 ? 0 : low, max + pad])
    .range([inner.bottom, inner.top])
    .nice(4);
  const step = windowMonths > 6 ? 2 : 1;
  const xTicks: number[] = [];
  for (let month = -windowMonths; month <= windowMonths - 1; month += 1) if (month % step === 0) xTicks.push(month);
  return { box, x: (month) => x(month), y: (value) => y(value), yTicks: y.ticks(4), xTicks, inner };
}

/** The line through one series; a month without a mean breaks the line. */
export function eventTimePath(
  points: readonly EventTimePointInput[],
  series: "treatedMean" | "controlMean",
  layout: Pick<EventTimeLayout, "x" | "y">,
): string {
  const path = line<EventTimePointInput>()
    .defined((point) => point[series] !== null)
    .x((point) => layout.x(point.relativeMonth))
    .y((point) => layout.y(point[series] ?? 0));
  return path([...points].sort((a, b) => a.relativeMonth - b.relativeMonth)) ?? "";
}
