// The directorate's step on a submitted report: "Kvitter ut" (with an optional comment) or
// "Be om endringer" (the comment says what to change, so it is required).
import { BodyShort, Box, Button, Heading, HStack, Textarea, VStack } from "@navikt/ds-react";
import { useState } from "react";
import { describeError } from "../../components/States";
import { request } from "../../graphql";
import { errorsFromResult, FormErrorSummary, useFocusOnErrors, type FormErrors } from "../../hr/components";
import { t } from "../../i18n";
import { AcknowledgeProgressReportMutation, RequestProgressReportChangesMutation } from "./documents";
import type { Report } from "./types";

const COMMENT_ID = "report-review-comment";

export function ReviewBox({ report, onDone }: { report: Report; onDone: (report: Report, message: string) => void }) {
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState<"acknowledge" | "changes" | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useFocusOnErrors(errors, attempt);
  const labels = { [COMMENT_ID]: t("reports.review.comment") };
  const fieldForPath = { comment: COMMENT_ID };

  const run = async (action: "acknowledge" | "changes") => {
    const text = comment.trim();
    if (action === "changes" && !text) {
      setErrors({ [COMMENT_ID]: t("reports.review.commentRequired") });
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(action);
    setErrors({});
    try {
      const input = { id: report.id, version: report.version, comment: text || null };
      const result =
        action === "acknowledge"
          ? (await request(AcknowledgeProgressReportMutation, { input })).acknowledgeProgressReport
          : (await request(RequestProgressReportChangesMutation, { input: { ...input, comment: text } }))
              .requestProgressReportChanges;
      if ("progressReport" in result && result.progressReport) {
        setComment("");
        onDone(
          result.progressReport,
          t(action === "acknowledge" ? "reports.review.acknowledged" : "reports.review.changesRequested"),
        );
        return;
      }
      setErrors(errorsFromResult(result, fieldForPath));
    } catch (error) {
      setErrors({ general: describeError(error) });
    } finally {
      setBusy(null);
    }
    setAttempt((n) => n + 1);
  };

  return (
    <Box as="section" aria-labelledby="report-review-heading" padding="space-24" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" style={{ maxWidth: "48rem" }}>
      <VStack gap="space-16">
        <Heading id="report-review-heading" level="2" size="medium">
          {t("reports.review.title")}
        </Heading>
        <BodyShort>{t("reports.review.intro")}</BodyShort>
        <FormErrorSummary ref={summaryRef} errors={errors} fieldLabels={labels} />
        <Textarea
          id={COMMENT_ID}
          label={t("reports.review.comment")}
          description={t("reports.review.commentHint")}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          maxLength={4000}
          minRows={3}
          error={errors[COMMENT_ID]}
        />
        <HStack gap="space-16">
          <Button type="button" loading={busy === "acknowledge"} disabled={busy !== null} onClick={() => void run("acknowledge")}>
            {t("reports.review.acknowledge")}
          </Button>
          <Button
            type="button"
            variant="secondary"
            loading={busy === "changes"}
            disabled={busy !== null}
            onClick={() => void run("changes")}
          >
            {t("reports.review.requestChanges")}
          </Button>
        </HStack>
      </VStack>
    </Box>
  );
}
