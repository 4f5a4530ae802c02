// The maths of the comparison's visuals: heatmap colours, one colour and marker per
// office, and the scales and paths of the KPI charts (d3-scale, d3-shape). Pure, so the
// choices (contrast, domains, gaps in a series) are unit-tested.
import { scaleLinear, scalePoint } from "d3-scale";
import { line, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, type SymbolType } from "d3-shape";

// ---- colour contrast (WCAG 2.1) --------------------------------------------------------

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => channel(parseInt(part, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two #rrggbb colours (1-21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

// ---- maturity heatmap ------------------------------------------------------------------

export const MATURITY_LEVELS = [0, 1, 2, 3, 4] as const;

/**
 * One step of a sequential blue scale per level (darker = further), each with the text
 * colour that keeps the level readable (4.5:1). The level is always printed in the cell,
 * so the colour is never the only carrier of the meaning.
 */
const LEVEL_COLOURS: ReadonlyArray<{ background: string; text: string }> = [
  { background: "#f2f3f5", text: "#202733" },
  { background: "#d6e6f7", text: "#0b2a4a" },
  { background: "#9cc3ec", text: "#0b2a4a" },
  { background: "#2f6fb8", text: "#ffffff" },
  { background: "#0b3a6e", text: "#ffffff" },
];

/** The colours of a heatmap cell; null (never assessed) is white with dark text. */
export function maturityColours(level: number | null): { background: string; text: string } {
  if (level === null) return { background: "#ffffff", text: "#202733" };
  const clamped = Math.min(Math.max(Math.round(level), 0), LEVEL_COLOURS.length - 1);
  return LEVEL_COLOURS[clamped]!;
}

/** How the level moved since the period began: positive up, negative down, null when unknown. */
export function levelChange(level: number | null, previousLevel: number | null): number | null {
  return level === null || previousLevel === null ? null : level - previousLevel;
}

// ---- offices: colour and marker --------------------------------------------------------

/**
 * Up to six offices, each with a colour (3:1 against white, WCAG 1.4.11) and its own
 * marker shape, so lines can be told apart without seeing colour.
 */
const OFFICE_STYLES: ReadonlyArray<{ colour: string; symbol: SymbolType }> = [
  { colour: "#0056b4", symbol: symbolCircle },
  { colour: "#b83d00", symbol: symbolSquare },
  { colour: "#06743c", symbol: symbolTriangle },
  { colour: "#7c3aa8", symbol: symbolDiamond },
  { colour: "#a3174f", symbol: symbolCross },
  { colour: "#4d5a66", symbol: symbolStar },
];

export function officeStyle(index: number): { colour: string; symbol: SymbolType } {
  return OFFICE_STYLES[((index % OFFICE_STYLES.length) + OFFICE_STYLES.length) % OFFICE_STYLES.length]!;
}

export function officeColours(): string[] {
  return OFFICE_STYLES.map((style) => style.colour);
}

/** The SVG path of office `index`'s marker, centred on 0,0. */
export function markerPath(index: number, size = 36): string {
  return symbol(officeStyle(index).symbol, size)() ?? "";
}

// ---- KPI charts ------------------------------------------------------------------------

export interface ChartSize {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const KPI_CHART_SIZE: ChartSize = { width: 360, height: 200, margin: { top: 12, right: 16, bottom: 28, left: 44 } };

export interface ChartPoint {
  period: string;
  value: number;
}

/**
 * The y domain of a KPI chart: every value and the target, padded by a tenth of the
 * range so lines do not run along the frame, never below 0 when nothing is negative.
 * A flat series gets a band around its value; no data gives 0-1.
 */
export function valueDomain(values: readonly number[], target: number | null): [number, number] {
  const all = target === null ? [...values] : [...values, target];
  if (all.length === 0) return [0, 1];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min;
  const pad = span === 0 ? Math.max(Math.abs(max) * 0.1, 1) : span * 0.1;
  const low = min - pad;
  return [min >= 0 && low < 0 ? 0 : low, max + pad];
}

export interface KpiChartScales {
  x: (period: string) => number;
  y: (value: number) => number;
  yTicks: number[];
  /** The months to label on the x axis (at most about six). */
  xTicks: string[];
  inner: { left: number; right: number; top: number; bottom: number };
}

/** Scales of one chart: months as evenly spaced points, values linear and "nice". */
export function kpiChartScales(months: readonly string[], values: readonly number[], target: number | null, size: ChartSize = KPI_CHART_SIZE): KpiChartScales {
  const inner = {
    left: size.margin.left,
    right: size.width - size.margin.right,
    top: size.margin.top,
    bottom: size.height - size.margin.bottom,
  };
  const x = scalePoint<string>().domain(months).range([inner.left, inner.right]).padding(0.3);
  const y = scaleLinear().domain(valueDomain(values, target)).range([inner.bottom, inner.top]).nice(4);
  const step = Math.max(1, Math.ceil(months.length / 6));
  // Label from the newest month backwards, so the latest month is always named.
  const xTicks = months.filter((_, index) => (months.length - 1 - index) % step === 0);
  return {
    x: (period) => x(period) ?? inner.left,
    y: (value) => y(value),
    yTicks: y.ticks(4),
    xTicks,
    inner,
  };
}

/**
 * The line through one office's monthly values. A month without a value breaks the line
 * (no invented values between two measurements); points outside `months` are ignored.
 */
export function seriesPath(months: readonly string[], points: readonly ChartPoint[], scales: Pick<KpiChartScales, "x" | "y">): string {
  const byMonth = new Map(points.map((point) => [point.period, point.value]));
  const path = line<string>()
    .defined((month) => byMonth.has(month))
    .x((month) => scales.x(month))
    .y((month) => scales.y(byMonth.get(month) ?? 0));
  return path(months) ?? "";
}
