import fontCss from "@fontsource-variable/source-sans-3/index.css?url";
import fontItalicCss from "@fontsource-variable/source-sans-3/wght-italic.css?url";
import akselCss from "@navikt/ds-css?url";
import { BodyLong, Box, Button, Heading, Page, Provider, VStack } from "@navikt/ds-react";
import { en as akselEn, nb as akselNb } from "@navikt/ds-react/locales";
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { AuthProvider, isIdpUnreachableError, isSignInFailedError, signIn } from "./auth";
import { AppShell } from "./components/AppShell";
import { LoadingMessage } from "./components/States";
import { t, translate, useLocale, type Locale } from "./i18n";
import { useClientLoaderData } from "./routing";
import samlaCss from "./styles.css?url";

// Aksel's font is served from our own bundle (fontsource), not from Nav's CDN, so the
// app needs no host but its own; styles.css points Aksel's font token at it.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: fontCss },
  { rel: "stylesheet", href: fontItalicCss },
  { rel: "stylesheet", href: akselCss },
  { rel: "stylesheet", href: samlaCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: t("app.name") }];

// Aksel's own texts (e.g. a search field's clear button) follow the chosen language.
const AKSEL_LOCALES = { nb: akselNb, en: akselEn } satisfies Record<Locale, unknown>;

export function Layout({ children }: { children: ReactNode }) {
  // Re-renders on a language switch, so <html lang> and the <title> from meta() follow it.
  const locale = useLocale();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

// Every screen needs a signed-in user: sign in before any route renders. keycloak-js
// redirects to the IdP here when there is no session yet.
export async function clientLoader() {
  const session = await signIn();
  return { session };
}

export default function App() {
  const { session } = useClientLoaderData<typeof clientLoader>();
  const locale = useLocale();
  // Every text is read through t() while rendering, so a new language needs the screens
  // rendered again: keying the shell on the language re-mounts it (loaded data stays in
  // the router, so nothing is fetched again).
  return (
    <Provider locale={AKSEL_LOCALES[locale]}>
      <AuthProvider session={session}>
        <AppShell key={locale}>
          <Outlet />
        </AppShell>
      </AuthProvider>
    </Provider>
  );
}

/** Shown (pre-rendered into index.html) until sign-in has finished. */
export function HydrateFallback() {
  // useLocale() is bokmål while hydrating (like the pre-rendered HTML), then the stored choice.
  const locale = useLocale();
  return (
    <Page>
      <Page.Block as="main" width="text" gutters>
        <Box paddingBlock="space-64">
          <LoadingMessage text={translate(locale, "auth.signingIn")} />
        </Box>
      </Page.Block>
    </Page>
  );
}

/** Sign-in failures and anything no route handled: a page, never a blank screen. */
export function ErrorBoundary() {
  const error = useRouteError();
  // The technical reason (English) is for developers; the page says it in Norwegian.
  useEffect(() => console.error(error), [error]);

  let title = t("error.unexpected.title");
  let body = t("error.api.generic");
  if (isIdpUnreachableError(error)) {
    title = t("auth.idpUnreachable.title");
    body = t("auth.idpUnreachable.body");
  } else if (isSignInFailedError(error)) {
    title = t("auth.failed.title");
    body = t("auth.failed.body");
  } else if (isRouteErrorResponse(error) && error.status === 404) {
    title = t("notFound.title");
    body = t("notFound.body");
  }

  return (
    <Page>
      <Page.Block as="main" width="text" gutters>
        <Box paddingBlock="space-64">
          <VStack gap="space-16" align="start">
            <Heading level="1" size="large">
              {title}
            </Heading>
            <BodyLong>{body}</BodyLong>
            <Button type="button" onClick={() => window.location.reload()}>
              {t("auth.retry")}
            </Button>
          </VStack>
        </Box>
      </Page.Block>
    </Page>
  );
}
