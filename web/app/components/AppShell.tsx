import { LeaveIcon } from "@navikt/aksel-icons";
import { InternalHeader, Page, Spacer } from "@navikt/ds-react";
import { Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useAuth } from "../auth";
import { roleName, t } from "../i18n";

export const MAIN_CONTENT_ID = "hovedinnhold";

/** Header with the signed-in user, main navigation and the main landmark. */
export function AppShell({ children }: { children: ReactNode }) {
  const { user, signOut } = useAuth();
  const roles = user.roles.length > 0 ? user.roles.map(roleName).join(", ") : t("app.noRoles");

  return (
    <Page>
      <a className="aksel-sr-only focusable samla-skip-link" href={`#${MAIN_CONTENT_ID}`}>
        {t("app.skipToContent")}
      </a>
      <InternalHeader>
        <InternalHeader.Title as={Link} to="/">
          {t("app.name")}
        </InternalHeader.Title>
        <Spacer />
        <InternalHeader.User name={user.name} description={roles} data-testid="signed-in-user" />
        <InternalHeader.Button type="button" onClick={() => void signOut()}>
          <LeaveIcon aria-hidden fontSize="1.5rem" />
          {t("app.signOut")}
        </InternalHeader.Button>
      </InternalHeader>
      <nav aria-label={t("app.mainNav")} className="samla-main-nav">
        <Page.Block width="xl" gutters>
          <ul>
            <li>
              <NavLink to="/kontorer">{t("nav.offices")}</NavLink>
            </li>
          </ul>
        </Page.Block>
      </nav>
      <Page.Block as="main" id={MAIN_CONTENT_ID} tabIndex={-1} width="xl" gutters style={{ paddingBlock: "var(--ax-space-32)" }}>
        {children}
      </Page.Block>
    </Page>
  );
}
