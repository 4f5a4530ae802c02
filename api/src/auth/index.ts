// Sign-in: token verification for the API and the embedded dev IdP.
export * from "./viewer";
export { createTokenVerifier, extractBearerToken, TokenError, type TokenErrorCode, type TokenVerifierOptions } from "./verify-token";
export { startDevIdp, DEFAULT_REALM_FILE, type DevIdp, type DevIdpOptions } from "./dev-idp";
