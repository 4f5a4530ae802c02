import { Tag } from "@navikt/ds-react";
import { t } from "../i18n";

export const MERGER_STATUSES = ["PROPOSED", "APPROVED", "IN_PROGRESS", "COMPLETED", "CANCELLED"] as const;
export type MergerStatus = (typeof MERGER_STATUSES)[number];

const STATUS_COLOR = {
  PROPOSED: "info",
  APPROVED: "brand-blue",
  IN_PROGRESS: "warning",
  COMPLETED: "success",
  CANCELLED: "neutral",
} as const;

export function mergerStatusLabel(status: MergerStatus): string {
  return t(`mergerStatus.${status}`);
}

export function MergerStatusTag({ status, size = "small" }: { status: MergerStatus; size?: "small" | "medium" }) {
  return (
    <Tag variant="moderate" size={size} data-color={STATUS_COLOR[status]}>
      {mergerStatusLabel(status)}
    </Tag>
  );
}
