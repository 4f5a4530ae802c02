// Building blocks of the admin catalogue screens: who may use them, the admin sub-navigation
// and the page a non-admin gets.
import { BodyLong, Heading, Link, VStack } from "@navikt/ds-react";
import { Link as RemixLink } from "@remix-run/react";
import { SubNav, type SubNavPage } from "../../components/SubNav";
import { signIn } from "../../auth";
import { t } from "../../i18n";

export function mayAdministerCatalogue(roles: readonly string[]): boolean {
  return roles.includes("admin");
}

/** The admin routes' clientLoader: whether the signed-in user may use them. */
export async function catalogueAccessLoader() {
  const session = await signIn();
  return { allowed: mayAdministerCatalogue(session.user.roles) };
}

export function CatalogueNoAccess() {
  return (
    <VStack gap="space-16" align="start" data-testid="no-access">
      <Heading level="1" size="large">
        {t("catalogue.noAccess.title")}
      </Heading>
      <BodyLong>{t("catalogue.noAccess.body")}</BodyLong>
      <Link as={RemixLink} to="/">
        {t("catalogue.noAccess.home")}
      </Link>
    </VStack>
  );
}

const ADMIN_PAGES: SubNavPage[] = [
  { to: "/admin/praksiser", key: "catalogue.nav.practices" },
  { to: "/admin/kpier", key: "catalogue.nav.kpis" },
  { to: "/admin/helsesjekker", key: "catalogue.nav.healthChecks" },
];

/** Links between the admin screens (the current one is marked with aria-current). */
export function AdminSubNav() {
  return <SubNav labelKey="catalogue.nav.label" pages={ADMIN_PAGES} />;
}
