// Links between the screens of one area (admin, innføring): the current one is marked with
// aria-current by NavLink and shown in bold.
import { HStack } from "@navikt/ds-react";
import { NavLink } from "@remix-run/react";
import { t, type MessageKey } from "../i18n";

export interface SubNavPage {
  to: string;
  key: MessageKey;
  /** Only the exact path marks the link as current (for an area's first page). */
  end?: boolean;
}

export function SubNav({ labelKey, pages }: { labelKey: MessageKey; pages: readonly SubNavPage[] }) {
  return (
    <nav aria-label={t(labelKey)}>
      <HStack as="ul" gap="space-24" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {pages.map((page) => (
          <li key={page.to}>
            <NavLink
              to={page.to}
              end={page.end}
              className="aksel-link"
              data-color="accent"
              style={({ isActive }) => (isActive ? { fontWeight: 600, textDecoration: "none" } : undefined)}
            >
              {t(page.key)}
            </NavLink>
          </li>
        ))}
      </HStack>
    </nav>
  );
}
