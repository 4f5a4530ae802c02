// Export of the comparison: the API builds the XLSX workbook (one sheet per part); the
// PNG is a picture of the comparison as it is on screen (html-to-image, in the browser).
import { BodyShort, Button, HStack, VStack } from "@navikt/ds-react";
import { useState, type RefObject } from "react";
import { ErrorState } from "../../components/States";
import { expectTypename, request } from "../../graphql";
import { downloadBase64File } from "../../lib/download";
import { t } from "../../i18n";
import { MethodComparisonExportQuery } from "./documents";
import type { ComparisonVariables } from "./url-state";

type Format = "XLSX" | "PNG";

/**
 * The picture is a clone styled with every element's computed style. Copied heights
 * would freeze the layout, and the clone's slightly different text metrics then make
 * tables spill over what follows: heights are left to the content (marks of a fixed size
 * use min-height in compare.css).
 */
const STYLES_BUT_HEIGHT = () =>
  Array.from(getComputedStyle(document.documentElement)).filter((name) => name !== "height" && name !== "block-size");

/** Set on the pictured element while the PNG is taken (compare.css: no scroll windows). */
const EXPORTING_CLASS = "samla-compare-exporting";

/** Elements marked with this attribute (buttons, toggles) are left out of the picture. */
export const EXPORT_EXCLUDE = "data-export-exclude";

export function ExportActions({
  variables,
  serviceId,
  period,
  target,
}: {
  variables: ComparisonVariables;
  serviceId: string | null;
  /** yyyy-mm-dd of the compared period, for the picture's file name. */
  period: { from: string; to: string };
  target: RefObject<HTMLElement | null>;
}) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Format | null>(null);

  const run = async (format: Format) => {
    setBusy(format);
    setError(null);
    setDone(null);
    try {
      if (format === "XLSX") {
        const data = await request(MethodComparisonExportQuery, { ...variables, serviceId });
        downloadBase64File(expectTypename(data.methodComparisonExport, "ExportFile"));
      } else {
        const element = target.current;
        if (!element) throw new Error("Nothing to picture");
        // Loaded on demand: only needed when someone asks for a picture.
        const { toPng } = await import("html-to-image");
        element.classList.add(EXPORTING_CLASS);
        let dataUrl: string;
        try {
          dataUrl = await toPng(element, {
            backgroundColor: "#ffffff",
            pixelRatio: 2,
            includeStyleProperties: STYLES_BUT_HEIGHT(),
            filter: (node) => !(node instanceof HTMLElement && node.hasAttribute(EXPORT_EXCLUDE)),
          });
        } finally {
          element.classList.remove(EXPORTING_CLASS);
        }
        downloadBase64File({
          fileName: `sammenligning-${period.from}-${period.to}.png`,
          contentType: "image/png",
          contentBase64: dataUrl.slice(dataUrl.indexOf(",") + 1),
        });
      }
      setDone(format);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <VStack gap="space-8" {...{ [EXPORT_EXCLUDE]: "" }}>
      <HStack gap="space-16" align="center" wrap>
        <BodyShort weight="semibold">{t("compare.export.label")}</BodyShort>
        <Button type="button" variant="secondary" size="small" loading={busy === "XLSX"} disabled={busy !== null} onClick={() => void run("XLSX")}>
          {t("compare.export.xlsx")}
        </Button>
        <Button type="button" variant="secondary" size="small" loading={busy === "PNG"} disabled={busy !== null} onClick={() => void run("PNG")}>
          {t("compare.export.png")}
        </Button>
      </HStack>
      <BodyShort size="small" role="status">
        {done ? t(done === "XLSX" ? "compare.export.xlsxDone" : "compare.export.pngDone") : ""}
      </BodyShort>
      {error !== null && <ErrorState title={t("compare.export.failed")} error={error} />}
    </VStack>
  );
}
