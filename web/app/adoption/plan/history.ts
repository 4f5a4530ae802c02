// An office's rollout history in words: when it joined the plan and every move between
// waves with its reason ("Bølge 3 → Bølge 2, 1. mars 2026: …"). A move ends the old row
// and starts a new one, so the history is the office's rows, oldest first.
import { formatDate, t } from "../../i18n";

export interface HistoryRow {
  id: string;
  joinedAt: string;
  leftAt?: string | null;
  leftReason?: string | null;
  wave: { name: string };
}

export interface HistoryEntry {
  key: string;
  text: string;
}

export function historyEntries(rows: readonly HistoryRow[]): HistoryEntry[] {
  const sorted = [...rows].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  const entries: HistoryEntry[] = [];
  sorted.forEach((row, index) => {
    if (index === 0) {
      entries.push({ key: `${row.id}-joined`, text: t("adoption.plan.history.joined", { wave: row.wave.name, date: formatDate(row.joinedAt) }) });
    }
    if (!row.leftAt) return;
    const next = sorted[index + 1];
    const reason = row.leftReason?.trim() ?? "";
    const text = next
      ? t("adoption.plan.history.moved", { from: row.wave.name, to: next.wave.name, date: formatDate(row.leftAt) })
      : t("adoption.plan.history.left", { wave: row.wave.name, date: formatDate(row.leftAt) });
    entries.push({ key: `${row.id}-left`, text: reason ? `${text}: ${reason}` : text });
  });
  return entries;
}
