// Which colour stands for which stage (shared by the matrix, the area chart and the bars).
import { BodyShort, HStack } from "@navikt/ds-react";
import { t } from "../../i18n";
import { STAGES, stageColours, stageName } from "./stages";

/** `withBehindMark`: also explain the behind-plan mark (the status matrix has it). */
export function StageLegend({ withBehindMark = false }: { withBehindMark?: boolean }) {
  return (
    <HStack as="ul" gap="space-16" align="center" wrap className="samla-adoption-legend" aria-label={t("adoption.dashboard.stageLegend")}>
      {STAGES.map((stage) => (
        <HStack as="li" key={stage} gap="space-4" align="center" wrap={false}>
          <span className="samla-adoption-swatch" style={{ background: stageColours(stage).background }} aria-hidden />
          <BodyShort size="small">{stageName(stage)}</BodyShort>
        </HStack>
      ))}
      {withBehindMark && (
        <HStack as="li" gap="space-4" align="center" wrap={false}>
          <span className="samla-adoption-behind-mark" aria-hidden>
            !
          </span>
          <BodyShort size="small">{t("adoption.dashboard.status.behindMark")}</BodyShort>
        </HStack>
      )}
    </HStack>
  );
}
