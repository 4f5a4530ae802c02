import { describe, expect, it } from "vitest";
import { isSignInCallback, restoreFragment, RETURN_FRAGMENT_KEY, setAsideFragment, type BrowserLocation } from "./return-fragment";

/** A page's URL, history and sessionStorage, enough for the functions under test. */
function fakeBrowser(url: string) {
  const storage = new Map<string, string>();
  const state = { key: "router-key" };
  const browser = {
    location: new URL(url),
    history: {
      state,
      replacedWith: [] as Array<{ state: unknown; url: string }>,
      replaceState(newState: unknown, _unused: string, next?: string | URL | null) {
        this.replacedWith.push({ state: newState, url: String(next) });
        browser.location = new URL(String(next), browser.location);
      },
    },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
      removeItem: (key: string) => void storage.delete(key),
    },
  };
  return { browser: browser as typeof browser & BrowserLocation, storage };
}

describe("the sign-in round trip keeps the URL's fragment", () => {
  it("takes the fragment out of the URL before the redirect and puts it back after", () => {
    const { browser, storage } = fakeBrowser("http://app.test/sammenlign?kontorer=a,b#nokkeltall");
    setAsideFragment(browser, 1_000);
    // keycloak-js now takes location.href, without the fragment, as redirect_uri.
    expect(browser.location.href).toBe("http://app.test/sammenlign?kontorer=a,b");
    expect(browser.history.replacedWith[0]?.state).toEqual({ key: "router-key" });
    expect(storage.has(RETURN_FRAGMENT_KEY)).toBe(true);

    // Back from the IdP: keycloak-js has removed its own callback fragment.
    expect(restoreFragment(browser, 2_000)).toBe("nokkeltall");
    expect(browser.location.href).toBe("http://app.test/sammenlign?kontorer=a,b#nokkeltall");
    expect(storage.has(RETURN_FRAGMENT_KEY)).toBe(false);
  });

  it("leaves the IdP's answer (state and code in the fragment) to keycloak-js", () => {
    const { browser, storage } = fakeBrowser("http://app.test/sammenlign#state=s1&session_state=x&code=c1");
    setAsideFragment(browser);
    expect(browser.location.hash).toBe("#state=s1&session_state=x&code=c1");
    expect(storage.size).toBe(0);
    expect(isSignInCallback("#error=access_denied&state=s1")).toBe(true);
    expect(isSignInCallback("#nokkeltall")).toBe(false);
  });

  it("does not put a fragment back on another page, after an hour, or over a fragment the URL has", () => {
    const other = fakeBrowser("http://app.test/sammenlign#kultur");
    setAsideFragment(other.browser, 0);
    other.browser.location = new URL("http://app.test/kontorer");
    expect(restoreFragment(other.browser, 1)).toBeUndefined();
    expect(other.browser.location.href).toBe("http://app.test/kontorer");

    const stale = fakeBrowser("http://app.test/sammenlign#kultur");
    setAsideFragment(stale.browser, 0);
    expect(restoreFragment(stale.browser, 61 * 60 * 1000)).toBeUndefined();

    const own = fakeBrowser("http://app.test/sammenlign#kultur");
    setAsideFragment(own.browser, 0);
    own.browser.location = new URL("http://app.test/sammenlign#saksflyt");
    expect(restoreFragment(own.browser, 1)).toBeUndefined();
    expect(own.browser.location.hash).toBe("#saksflyt");
  });

  it("changes nothing for a URL without a fragment", () => {
    const { browser, storage } = fakeBrowser("http://app.test/kontorer?q=oslo");
    setAsideFragment(browser);
    expect(browser.history.replacedWith).toHaveLength(0);
    expect(storage.size).toBe(0);
    expect(restoreFragment(browser)).toBeUndefined();
  });
});
