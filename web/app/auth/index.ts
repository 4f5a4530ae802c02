export { signIn, getAccessToken, startSignIn, type AuthSession } from "./keycloak";
export { AuthProvider, useAuth, type AuthContextValue } from "./AuthProvider";
export { IdpUnreachableError, SignInFailedError, isIdpUnreachableError, isSignInFailedError } from "./errors";
export { SAMLA_ROLES, type SamlaRole } from "./roles";
export type { SignedInUser } from "./user";
