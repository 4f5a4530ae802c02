// The live list of report events ("Siste innsendinger"): what each event says in words,
// and how a new event joins the list.
import { t } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";

export type ReportEventKind = "SUBMITTED" | "ACKNOWLEDGED" | "CHANGES_REQUESTED";

export interface ReportEvent {
  kind: ReportEventKind;
  reportId: string;
  officeId: string;
  officeName: string;
  /** yyyy-mm-dd, the first day of the report's month. */
  period: string;
  actorName: string;
  /** ISO timestamp. */
  at: string;
}

/** "Nav Lillestrøm sendte statusrapporten for november 2026" and the like. */
export function eventText(event: Pick<ReportEvent, "kind" | "officeName" | "period">): string {
  const values = { office: event.officeName, month: formatMonth(event.period, "long") };
  switch (event.kind) {
    case "SUBMITTED":
      return t("adoption.dashboard.live.submitted", values);
    case "ACKNOWLEDGED":
      return t("adoption.dashboard.live.acknowledged", values);
    case "CHANGES_REQUESTED":
      return t("adoption.dashboard.live.changesRequested", values);
  }
}

/** How many events the list keeps (newest first). */
export const LIVE_LIST_LENGTH = 20;

/** The list with `event` added first; the same event heard twice (a reconnect) is kept once. */
export function addEvent(list: readonly ReportEvent[], event: ReportEvent): ReportEvent[] {
  const isSame = (other: ReportEvent) => other.reportId === event.reportId && other.kind === event.kind && other.at === event.at;
  if (list.some(isSame)) return [...list];
  return [event, ...list].slice(0, LIVE_LIST_LENGTH);
}
