import { BodyLong, Heading, Link, VStack } from "@navikt/ds-react";
import { Link as RemixLink } from "@remix-run/react";
import type { MetaFunction } from "@remix-run/node";
import { t } from "../i18n";

export const meta: MetaFunction = () => [{ title: `${t("notFound.title")} – ${t("app.name")}` }];

export default function NotFound() {
  return (
    <VStack gap="space-16" align="start">
      <Heading level="1" size="xlarge">
        {t("notFound.title")}
      </Heading>
      <BodyLong>{t("notFound.body")}</BodyLong>
      <Link as={RemixLink} to="/">
        {t("notFound.home")}
      </Link>
    </VStack>
  );
}
