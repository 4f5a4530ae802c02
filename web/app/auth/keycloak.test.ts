import type { KeycloakConfig, KeycloakInitOptions } from "keycloak-js";
import { describe, expect, it, vi } from "vitest";
import { IdpUnreachableError, SignInFailedError } from "./errors";
import { startSignIn, type KeycloakClient, type SignInOptions } from "./keycloak";

class FakeKeycloak implements KeycloakClient {
  token: string | undefined = undefined;
  tokenParsed: KeycloakClient["tokenParsed"] = undefined;
  onTokenExpired: (() => void) | undefined = undefined;
  initOptions: KeycloakInitOptions | undefined;
  expired = false;
  init = vi.fn(async (options: KeycloakInitOptions = {}) => {
    this.initOptions = options;
    this.token = "token-1";
    this.tokenParsed = { sub: "u1", preferred_username: "planner", name: "Pia", realm_access: { roles: ["planner"] } };
    return true;
  });
  updateToken = vi.fn(async (_minValidity?: number) => {
    this.token = "token-2";
    return true;
  });
  login = vi.fn(async () => undefined);
  logout = vi.fn(async () => undefined);
  isTokenExpired = vi.fn((_minValidity?: number) => this.expired);
  constructor(readonly config: KeycloakConfig) {}
}

function setup(overrides: Partial<SignInOptions> = {}) {
  const instances: FakeKeycloak[] = [];
  const fetchCalls: Array<[string, RequestInit | undefined]> = [];
  const options: SignInOptions = {
    oidcUrl: "http://idp.test",
    realm: "samla",
    clientId: "samla-web",
    postLogoutRedirectUri: "http://app.test/",
    createKeycloak: (config) => {
      const instance = new FakeKeycloak(config);
      instances.push(instance);
      return instance;
    },
    fetch: async (input, init) => {
      fetchCalls.push([String(input), init]);
      return new Response(null, { status: 200 });
    },
    ...overrides,
  };
  return { options, instances, fetchCalls };
}

describe("startSignIn", () => {
  it("fails with IdpUnreachableError, before keycloak-js redirects, when the IdP does not answer", async () => {
    const { options, instances } = setup({
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    await expect(startSignIn(options)).rejects.toBeInstanceOf(IdpUnreachableError);
    expect(instances).toHaveLength(0);
  });

  it("asks the realm's discovery URL, then inits keycloak-js with login-required, PKCE S256 and no login iframe", async () => {
    const { options, instances, fetchCalls } = setup();
    const session = await startSignIn(options);

    expect(fetchCalls[0]?.[0]).toBe("http://idp.test/realms/samla/.well-known/openid-configuration");
    expect(instances[0]?.config).toEqual({ url: "http://idp.test", realm: "samla", clientId: "samla-web" });
    expect(instances[0]?.initOptions).toEqual({ onLoad: "login-required", pkceMethod: "S256", checkLoginIframe: false });
    expect(session.user).toMatchObject({ username: "planner", name: "Pia", roles: ["planner"] });
  });

  it("refreshes the token when it has less than 30 seconds left, before handing it out", async () => {
    const { options, instances } = setup();
    const session = await startSignIn(options);
    await expect(session.getToken()).resolves.toBe("token-2");
    expect(instances[0]?.updateToken).toHaveBeenCalledWith(30);
  });

  it("refreshes when keycloak-js reports the token expired", async () => {
    const { options, instances } = setup();
    await startSignIn(options);
    instances[0]?.onTokenExpired?.();
    await vi.waitFor(() => expect(instances[0]?.updateToken).toHaveBeenCalledWith(30));
  });

  it("sends the user to sign in again when the refresh fails and the token has expired", async () => {
    const { options, instances } = setup();
    const session = await startSignIn(options);
    const keycloak = instances[0]!;
    keycloak.updateToken.mockRejectedValueOnce(new Error("refresh token expired"));
    keycloak.expired = true;
    await session.getToken();
    expect(keycloak.login).toHaveBeenCalledTimes(1);
  });

  it("keeps using a still-valid token when the refresh fails for a moment", async () => {
    const { options, instances } = setup();
    const session = await startSignIn(options);
    const keycloak = instances[0]!;
    keycloak.updateToken.mockRejectedValueOnce(new Error("network"));
    await expect(session.getToken()).resolves.toBe("token-1");
    expect(keycloak.login).not.toHaveBeenCalled();
  });

  it("signs out at the IdP and comes back to the app", async () => {
    const { options, instances } = setup();
    const session = await startSignIn(options);
    await session.signOut();
    expect(instances[0]?.logout).toHaveBeenCalledWith({ redirectUri: "http://app.test/" });
  });

  it("reports SignInFailedError when keycloak-js cannot finish sign-in", async () => {
    const { options } = setup({
      createKeycloak: (config) => {
        const keycloak = new FakeKeycloak(config);
        keycloak.init.mockRejectedValueOnce({ error: "invalid_grant" });
        return keycloak;
      },
    });
    await expect(startSignIn(options)).rejects.toThrow(SignInFailedError);
    await expect(startSignIn(options)).rejects.toThrow(/invalid_grant/);
  });

  it("sends no fragment to the IdP and puts it back once signed in", async () => {
    const storage = new Map<string, string>();
    const browser = {
      location: new URL("http://app.test/sammenlign?kontorer=a#nokkeltall"),
      history: {
        state: null,
        replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => {
          browser.location = new URL(String(url), browser.location);
        },
      },
      sessionStorage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => void storage.set(key, value),
        removeItem: (key: string) => void storage.delete(key),
      },
    };
    let hrefAtInit = "";
    const restored: string[] = [];
    const { options } = setup({
      browser,
      onFragmentRestored: (fragment) => restored.push(fragment),
      createKeycloak: (config) => {
        const keycloak = new FakeKeycloak(config);
        const init = keycloak.init.getMockImplementation()!;
        keycloak.init.mockImplementation(async (initOptions) => {
          // keycloak-js builds redirect_uri from location.href here.
          hrefAtInit = browser.location.href;
          return init(initOptions);
        });
        return keycloak;
      },
    });
    await startSignIn(options);
    expect(hrefAtInit).toBe("http://app.test/sammenlign?kontorer=a");
    expect(browser.location.href).toBe("http://app.test/sammenlign?kontorer=a#nokkeltall");
    expect(restored).toEqual(["nokkeltall"]);
  });
});
