import { HStack, Tag } from "@navikt/ds-react";
import { t, type MessageKey } from "../i18n";

type OfficeStatus = "ACTIVE" | "PLANNED" | "MERGED" | "CLOSED";

const STATUS_COLOR = {
  ACTIVE: "success",
  PLANNED: "info",
  MERGED: "neutral",
  CLOSED: "warning",
} as const;

export function statusLabel(status: OfficeStatus): string {
  return t(`status.${status}` as MessageKey);
}

export function StatusTag({ status, size = "small" }: { status: OfficeStatus; size?: "small" | "medium" }) {
  return (
    <Tag variant="moderate" size={size} data-color={STATUS_COLOR[status]}>
      {statusLabel(status)}
    </Tag>
  );
}

/** "Spydspiss" and/or "Pilot"; nothing for an ordinary office. */
export function PilotTags({
  isPilot,
  isSpearhead,
  size = "small",
}: {
  isPilot: boolean;
  isSpearhead: boolean;
  size?: "small" | "medium";
}) {
  if (!isPilot && !isSpearhead) return null;
  return (
    <HStack gap="space-8" wrap>
      {isSpearhead && (
        <Tag variant="strong" size={size} data-color="brand-magenta">
          {t("office.spearhead")}
        </Tag>
      )}
      {isPilot && (
        <Tag variant="moderate" size={size} data-color="brand-blue">
          {t("office.pilot")}
        </Tag>
      )}
    </HStack>
  );
}
