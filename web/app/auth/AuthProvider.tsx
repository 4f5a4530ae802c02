import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { AuthSession } from "./keycloak";
import type { SignedInUser } from "./user";

export interface AuthContextValue {
  user: SignedInUser;
  getToken: () => Promise<string>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ session, children }: { session: AuthSession; children: ReactNode }) {
  const value = useMemo(
    () => ({ user: session.user, getToken: session.getToken, signOut: session.signOut }),
    [session],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The signed-in user and a way to get a fresh access token. Only below <AuthProvider>. */
export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth() must be used inside <AuthProvider>");
  return value;
}
