// "Siste innsendinger": report events as they happen, in a polite live region (screen
// readers announce each new item), and whether the stream is live.
import { BodyLong, BodyShort, Detail, Heading, HStack, Link, VStack } from "@navikt/ds-react";
import { Link as RemixLink } from "@remix-run/react";
import { formatTime, t } from "../../i18n";
import type { LiveStatus } from "../../graphql/subscribe";
import { reportPath } from "./BehindPlan";
import { eventText, type ReportEvent } from "./live";

const STATUS_KEYS = {
  connecting: "adoption.dashboard.live.status.connecting",
  live: "adoption.dashboard.live.status.live",
  reconnecting: "adoption.dashboard.live.status.reconnecting",
  failed: "adoption.dashboard.live.status.failed",
} as const;

export function LiveSubmissions({ id, events, status }: { id: string; events: ReportEvent[]; status: LiveStatus }) {
  return (
    <section aria-labelledby={id} className="samla-adoption-live">
      <VStack gap="space-12">
        <HStack gap="space-12" align="center" wrap>
          <Heading level="2" size="large" id={id} tabIndex={-1}>
            {t("adoption.dashboard.live.heading")}
          </Heading>
          <span className={`samla-adoption-live-status samla-adoption-live-${status}`} data-testid="live-status" data-status={status} role="status">
            <span className="samla-adoption-live-dot" aria-hidden />
            {t(STATUS_KEYS[status])}
          </span>
        </HStack>
        <BodyLong>{t("adoption.dashboard.live.intro")}</BodyLong>
        {/* Always in the page, so that screen readers hear what is added to it. */}
        <ul aria-live="polite" aria-relevant="additions" className="samla-adoption-live-list" data-testid="live-events">
          {events.map((event) => (
            <li key={`${event.reportId}|${event.kind}|${event.at}`}>
              <BodyShort weight="semibold">{eventText(event)}</BodyShort>
              <HStack gap="space-12" align="center">
                <Detail textColor="subtle">{t("adoption.dashboard.live.by", { name: event.actorName, time: formatTime(event.at) })}</Detail>
                <Link as={RemixLink} to={reportPath(event.reportId)}>
                  <Detail as="span">{t("adoption.dashboard.live.open")}</Detail>
                  <span className="aksel-sr-only">{` – ${event.officeName}`}</span>
                </Link>
              </HStack>
            </li>
          ))}
        </ul>
        {events.length === 0 && <BodyShort textColor="subtle">{t("adoption.dashboard.live.none")}</BodyShort>}
      </VStack>
    </section>
  );
}
