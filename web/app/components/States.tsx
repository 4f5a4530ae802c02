// Loading, empty and error states shared by the screens.
import { Alert, BodyShort, Heading, HStack, Loader, Skeleton, VStack } from "@navikt/ds-react";
import { useAsyncError } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { isApiError } from "../graphql/client";
import { t } from "../i18n";

/** A spinner with visible text that screen readers also announce. */
export function LoadingMessage({ text }: { text: string }) {
  return (
    <HStack gap="space-12" align="center" role="status">
      <Loader size="medium" title={text} aria-hidden />
      <BodyShort>{text}</BodyShort>
    </HStack>
  );
}

/**
 * Placeholder rows shaped like a table while its data loads. With a label it tells
 * screen readers what is loading; without one it is decoration only.
 */
export function TableSkeleton({ label, rows = 6 }: { label?: string; rows?: number }) {
  return (
    <VStack gap="space-8" {...(label ? { role: "status", "aria-label": label } : { "aria-hidden": true })}>
      {label && <BodyShort className="aksel-sr-only">{label}</BodyShort>}
      <Skeleton variant="rectangle" height="2.5rem" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} variant="rectangle" height="2rem" />
      ))}
    </VStack>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Alert variant="info" role="status">
      <Heading level="2" size="small" spacing={Boolean(children)}>
        {title}
      </Heading>
      {children}
    </Alert>
  );
}

/** A Norwegian explanation of why an API call failed. */
export function describeError(error: unknown): string {
  if (isApiError(error)) {
    switch (error.kind) {
      case "unreachable":
        return t("error.api.unreachable");
      case "unauthorized":
        return t("error.api.unauthorized");
      case "forbidden":
        return t("error.api.forbidden");
      case "result":
        return error.details.typename === "NotFoundError" ? t("error.api.notFound") : t("error.api.generic");
      default:
        return t("error.api.generic");
    }
  }
  return t("error.api.generic");
}

export function ErrorState({ title, error, headingLevel = "2" }: { title: string; error: unknown; headingLevel?: "1" | "2" }) {
  useEffect(() => console.error(error), [error]);
  // Typed error results carry a Norwegian message meant for the user; other errors'
  // messages are technical (and English), so they only go to the console. A result made
  // from the API's GraphQL errors (a malformed id) keeps their technical message.
  const detail = isApiError(error) && error.kind === "result" && error.errors.length === 0 ? error.message : undefined;
  return (
    <Alert variant="error" role="alert">
      <Heading level={headingLevel} size="small" spacing>
        {title}
      </Heading>
      <BodyShort spacing>{describeError(error)}</BodyShort>
      {detail && <BodyShort size="small">{detail}</BodyShort>}
    </Alert>
  );
}

/** errorElement for <Await>: shows why the deferred data failed. */
export function AwaitError({ title }: { title: string }) {
  const error = useAsyncError();
  return <ErrorState title={title} error={error} />;
}
