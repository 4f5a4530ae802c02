import { GlobeIcon, LeaveIcon } from "@navikt/aksel-icons";
import { InternalHeader, Page, Spacer } from "@navikt/ds-react";
import { Link, NavLink } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useAuth } from "../auth";
import { getLocale, roleName, setLocale, t } from "../i18n";
import { navItemsFor } from "./navigation";

export const MAIN_CONTENT_ID = "hovedinnhold";

// Switching language re-mounts the shell (see root.tsx); this brings keyboard focus back
// to the switch afterwards instead of dropping it on <body>.
let focusLanguageSwitchOnMount = false;

function switchLanguage() {
  focusLanguageSwitchOnMount = true;
  setLocale(getLocale() === "nb" ? "en" : "nb");
}

/** Header with the signed-in user, the language switch, main navigation and the main landmark. */
export function AppShell({ children }: { children: ReactNode }) {
  const { user, signOut } = useAuth();
  const roles = user.roles.length > 0 ? user.roles.map(roleName).join(", ") : t("app.noRoles");
  const navItems = navItemsFor(user.roles);
  const languageSwitch = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!focusLanguageSwitchOnMount) return;
    focusLanguageSwitchOnMount = false;
    languageSwitch.current?.focus();
  }, []);

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
        {/* Named in the language it switches to, as language pickers usually are. */}
        <InternalHeader.Button
          ref={languageSwitch}
          type="button"
          lang={t("app.language.switchLang")}
          onClick={switchLanguage}
          data-testid="language-switch"
        >
          <GlobeIcon aria-hidden fontSize="1.5rem" />
          {t("app.language.switch")}
        </InternalHeader.Button>
        <InternalHeader.User name={user.name} description={roles} data-testid="signed-in-user" />
        <InternalHeader.Button type="button" onClick={() => void signOut()}>
          <LeaveIcon aria-hidden fontSize="1.5rem" />
          {t("app.signOut")}
        </InternalHeader.Button>
      </InternalHeader>
      {navItems.length > 0 && (
        <nav aria-label={t("app.mainNav")} className="samla-main-nav">
          <Page.Block width="xl" gutters>
            <ul>
              {navItems.map((item) => (
                <li key={item.to}>
                  {/* NavLink sets aria-current="page" on the current screen's item. */}
                  <NavLink to={item.to} end={item.end}>
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </Page.Block>
        </nav>
      )}
      <Page.Block as="main" id={MAIN_CONTENT_ID} tabIndex={-1} width="xl" gutters style={{ paddingBlock: "var(--ax-space-32)" }}>
        {children}
      </Page.Block>
    </Page>
  );
}
