// Keeps a URL's #fragment across the sign-in round trip. keycloak-js sends the current
// location as redirect_uri, and an OAuth redirect_uri must not have a fragment (RFC 6749
// 3.1.2; Keycloak and oidc-provider refuse it), while keycloak-js itself receives the IdP's
// answer in the fragment. So the fragment is set aside in sessionStorage (one tab, one
// redirect), taken out of the URL before the redirect, and put back after sign-in.

export const RETURN_FRAGMENT_KEY = "samla.signIn.returnFragment";
/** A set-aside fragment older than this is from an abandoned sign-in. */
const MAX_AGE_MS = 60 * 60 * 1000;

export interface BrowserLocation {
  location: Pick<Location, "pathname" | "search" | "hash">;
  history: Pick<History, "replaceState" | "state">;
  sessionStorage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
}

interface SetAsideFragment {
  /** Path and query the fragment belongs to. */
  url: string;
  hash: string;
  savedAt: number;
}

/** True when the fragment is the IdP's answer for keycloak-js, not one of the app's own. */
export function isSignInCallback(hash: string): boolean {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return params.has("state") && (params.has("code") || params.has("error"));
}

/**
 * Before keycloak-js may redirect to the IdP: moves the app's fragment from the URL to
 * sessionStorage, so the redirect_uri keycloak-js takes from the location has none.
 */
export function setAsideFragment(browser: BrowserLocation, now = Date.now()): void {
  const { pathname, search, hash } = browser.location;
  if (hash.length <= 1 || isSignInCallback(hash)) return;
  const url = pathname + search;
  const entry: SetAsideFragment = { url, hash, savedAt: now };
  try {
    browser.sessionStorage.setItem(RETURN_FRAGMENT_KEY, JSON.stringify(entry));
  } catch {
    // Storage blocked: the fragment is lost, but sign-in still works.
  }
  browser.history.replaceState(browser.history.state, "", url);
}

/**
 * After sign-in: puts the set-aside fragment back into the URL when the browser came back
 * to the same path and query. Returns the fragment (without "#"), or undefined.
 */
export function restoreFragment(browser: BrowserLocation, now = Date.now()): string | undefined {
  let entry: SetAsideFragment | undefined;
  try {
    const stored = browser.sessionStorage.getItem(RETURN_FRAGMENT_KEY);
    browser.sessionStorage.removeItem(RETURN_FRAGMENT_KEY);
    entry = stored ? (JSON.parse(stored) as SetAsideFragment) : undefined;
  } catch {
    return undefined;
  }
  const { pathname, search, hash } = browser.location;
  if (!entry || typeof entry.hash !== "string" || now - entry.savedAt > MAX_AGE_MS) return undefined;
  // A fragment the URL already has (e.g. typed after the redirect) wins.
  if (entry.url !== pathname + search || hash.length > 1) return undefined;
  browser.history.replaceState(browser.history.state, "", entry.url + entry.hash);
  return entry.hash.slice(1);
}

function elementForFragment(fragment: string): HTMLElement | null {
  let id = fragment;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    // Not percent-encoded: use it as it is.
  }
  return document.getElementById(id);
}

/**
 * Scrolls the fragment's section into view once the screen has rendered it (its data may
 * still be loading). A browser does this itself on a normal load; after the sign-in
 * redirect the fragment is put back by script, so it is done here. Keeps the section in
 * view while content above it settles, until the user scrolls or types themselves.
 */
export function revealFragment(fragment: string, { timeoutMs = 20_000, settleMs = 1_500 } = {}): void {
  const started = performance.now();
  let foundAt: number | undefined;
  let userMoved = false;
  const stop = () => {
    userMoved = true;
  };
  const userEvents = ["wheel", "touchstart", "keydown", "pointerdown"] as const;
  for (const type of userEvents) window.addEventListener(type, stop, { once: true, passive: true });
  const cleanUp = () => {
    for (const type of userEvents) window.removeEventListener(type, stop);
  };

  const check = () => {
    const now = performance.now();
    if (userMoved || window.location.hash.slice(1) !== fragment) return cleanUp();
    const element = elementForFragment(fragment);
    if (element) {
      foundAt ??= now;
      const box = element.getBoundingClientRect();
      if (box.top < 0 || box.top > window.innerHeight / 2) element.scrollIntoView({ block: "start" });
      if (now - foundAt > settleMs) return cleanUp();
    } else if (now - started > timeoutMs) {
      return cleanUp();
    }
    window.setTimeout(check, 100);
  };
  window.setTimeout(check, 0);
}
