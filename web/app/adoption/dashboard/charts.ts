// The maths of the dashboard's SVG charts (d3-scale, d3-shape): the stacked area of stage
// counts over time, the waves' planned-versus-actual lines and the spread bars. Pure, so
// the shapes are unit-tested.
import { scaleLinear, scalePoint } from "d3-scale";
import { area, line, stack, stackOrderNone, stackOffsetNone, type SeriesPoint } from "d3-shape";
import { STAGES, type Stage } from "./stages";

export interface StageCount {
  stage: Stage;
  count: number;
}

export interface ChartSize {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface ChartFrame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function frameOf(size: ChartSize): ChartFrame {
  return {
    left: size.margin.left,
    right: size.width - size.margin.right,
    top: size.margin.top,
    bottom: size.height - size.margin.bottom,
  };
}

/** Every stage's count, zero for a stage the API left out. */
export function countsByStage(counts: readonly StageCount[]): Record<Stage, number> {
  const byStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  for (const item of counts) byStage[item.stage] += item.count;
  return byStage;
}

/** Month labels for an x axis: at most `max`, counted back from the newest so it is always named. */
export function monthTicks(months: readonly string[], max = 6): string[] {
  const step = Math.max(1, Math.ceil(months.length / max));
  return months.filter((_, index) => (months.length - 1 - index) % step === 0);
}

// ---- stacked area of stage counts ------------------------------------------------------

export const AREA_CHART_SIZE: ChartSize = { width: 720, height: 280, margin: { top: 12, right: 16, bottom: 30, left: 48 } };

export interface StageArea {
  stage: Stage;
  path: string;
}

export interface StageAreaChart {
  frame: ChartFrame;
  areas: StageArea[];
  x: (period: string) => number;
  y: (count: number) => number;
  xTicks: string[];
  yTicks: number[];
}

/**
 * One band per stage, "not started" at the bottom and "embedded" on top, stacked per
 * month (d3 stack); the bands of a month add up to the office × practice pairs.
 */
export function stageAreaChart(
  timeline: ReadonlyArray<{ period: string; counts: readonly StageCount[] }>,
  size: ChartSize = AREA_CHART_SIZE,
): StageAreaChart {
  const frame = frameOf(size);
  const months = timeline.map((point) => point.period);
  const rows = timeline.map((point) => ({ period: point.period, ...countsByStage(point.counts) }));
  const layers = stack<(typeof rows)[number], Stage>()
    .keys(STAGES)
    .order(stackOrderNone)
    .offset(stackOffsetNone)(rows);
  const total = Math.max(1, ...rows.map((row) => STAGES.reduce((sum, stage) => sum + row[stage], 0)));
  const xScale = scalePoint<string>().domain(months).range([frame.left, frame.right]);
  const yScale = scaleLinear().domain([0, total]).range([frame.bottom, frame.top]).nice(4);
  const x = (period: string) => xScale(period) ?? frame.left;
  const shape = area<SeriesPoint<(typeof rows)[number]>>()
    .x((point) => x(point.data.period))
    .y0((point) => yScale(point[0]))
    .y1((point) => yScale(point[1]));
  return {
    frame,
    areas: layers.map((layer) => ({ stage: layer.key, path: shape(layer) ?? "" })),
    x,
    y: (count) => yScale(count),
    xTicks: monthTicks(months),
    yTicks: yScale.ticks(4),
  };
}

// ---- waves: planned against actual progress --------------------------------------------

export const WAVE_CHART_SIZE: ChartSize = { width: 320, height: 170, margin: { top: 10, right: 12, bottom: 26, left: 40 } };

export interface WaveChart {
  frame: ChartFrame;
  planned: string;
  actual: string;
  x: (period: string) => number;
  y: (progress: number) => number;
  xTicks: string[];
  yTicks: number[];
}

/** Two lines on a 0-100 % scale: the planned progress and the actual one, month by month. */
export function waveChart(
  series: ReadonlyArray<{ period: string; planned: number; actual: number }>,
  size: ChartSize = WAVE_CHART_SIZE,
): WaveChart {
  const frame = frameOf(size);
  const xScale = scalePoint<string>()
    .domain(series.map((point) => point.period))
    .range([frame.left, frame.right]);
  const yScale = scaleLinear().domain([0, 1]).range([frame.bottom, frame.top]);
  const x = (period: string) => xScale(period) ?? frame.left;
  const path = (value: (point: (typeof series)[number]) => number) =>
    line<(typeof series)[number]>()
      .x((point) => x(point.period))
      .y((point) => yScale(value(point)))(series) ?? "";
  return {
    frame,
    planned: path((point) => point.planned),
    actual: path((point) => point.actual),
    x,
    y: (progress) => yScale(progress),
    xTicks: monthTicks(
      series.map((point) => point.period),
      4,
    ),
    yTicks: [0, 0.5, 1],
  };
}

// ---- spread: one stacked bar per practice ----------------------------------------------

export interface BarSegment {
  stage: Stage;
  count: number;
  /** Where the segment starts and how wide it is, as shares 0-1 of the bar. */
  start: number;
  width: number;
}

/** The stages of one practice as consecutive segments of a bar (empty stages left out). */
export function spreadSegments(counts: readonly StageCount[]): BarSegment[] {
  const byStage = countsByStage(counts);
  const total = STAGES.reduce((sum, stage) => sum + byStage[stage], 0);
  if (total === 0) return [];
  let start = 0;
  const segments: BarSegment[] = [];
  for (const stage of STAGES) {
    const count = byStage[stage];
    if (count === 0) continue;
    segments.push({ stage, count, start, width: count / total });
    start += count / total;
  }
  return segments;
}
