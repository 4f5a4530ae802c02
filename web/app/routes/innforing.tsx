// /innforing: the adoption dashboard — every office's stage per practice now and over
// time, the waves against plan, who is behind and why, the spread of each practice, the
// impact analysis, and report events live. The filter is in the URL (shareable).
import { BodyLong, Heading, Link, VStack } from "@navikt/ds-react";
import { Link as RemixLink, type MetaFunction } from "@remix-run/react";
import { signIn, useAuth } from "../auth";
import { AdoptionDashboard } from "../adoption/dashboard/Dashboard";
import { AdoptionSubNav } from "../adoption/navigation";
import { todayInNorway } from "../lib/dates";
import { t } from "../i18n";
import { useClientLoaderData } from "../routing";

export const meta: MetaFunction = () => [{ title: `${t("adoption.dashboard.title")} – ${t("app.name")}` }];

const DASHBOARD_ROLES = ["planner", "viewer", "admin", "office-leader"] as const;
const SUMMARY_ROLES = ["planner", "viewer", "admin"] as const;

export async function clientLoader() {
  const session = await signIn();
  const roles: readonly string[] = session.user.roles;
  return {
    allowed: DASHBOARD_ROLES.some((role) => roles.includes(role)),
    mayReadSummary: SUMMARY_ROLES.some((role) => roles.includes(role)),
    today: todayInNorway(),
  };
}

export default function AdoptionDashboardRoute() {
  const { allowed, mayReadSummary, today } = useClientLoaderData<typeof clientLoader>();
  const { user } = useAuth();
  if (!allowed) {
    return (
      <VStack gap="space-16" align="start" data-testid="no-access">
        <Heading level="1" size="large">
          {t("adoption.dashboard.noAccess.title")}
        </Heading>
        <BodyLong>{t("adoption.dashboard.noAccess.body")}</BodyLong>
        <Link as={RemixLink} to="/">
          {t("adoption.dashboard.noAccess.home")}
        </Link>
      </VStack>
    );
  }
  return (
    <VStack gap="space-24">
      <AdoptionSubNav roles={user.roles} />
      <VStack gap="space-12">
        <Heading level="1" size="xlarge">
          {t("adoption.dashboard.title")}
        </Heading>
        <BodyLong>{t("adoption.dashboard.intro")}</BodyLong>
      </VStack>
      <AdoptionDashboard today={today} mayReadSummary={mayReadSummary} />
    </VStack>
  );
}
