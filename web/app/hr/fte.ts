// FTE as HR types it (a percentage, "80" or "80 %" or "50,5") and as the API takes it
// (a fraction 0.01-1.00 with at most two decimals).

/** A whole percentage 1-100 as an FTE fraction (80 → 0.8); null for anything else. */
export function parseFtePercent(text: string): number | null {
  const cleaned = text.replace("%", "").replace(",", ".").trim();
  if (!/^\d{1,3}$/.test(cleaned)) return null;
  const percent = Number(cleaned);
  if (percent < 1 || percent > 100) return null;
  return percent / 100;
}

/** Adds FTE fractions exactly to two decimals (0.8 + 0.2 must be 1.0, not 1.0000000000000002). */
export function addFte(...values: number[]): number {
  return values.reduce((sum, value) => sum + Math.round(value * 100), 0) / 100;
}
