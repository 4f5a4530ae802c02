// Why sign-in could not finish. The root error boundary shows a page for each.

/** The identity provider did not answer at all (down, wrong URL, network). */
export class IdpUnreachableError extends Error {
  override name = "IdpUnreachableError";
}

/** The identity provider answered, but keycloak-js could not complete sign-in. */
export class SignInFailedError extends Error {
  override name = "SignInFailedError";
}

export function isIdpUnreachableError(error: unknown): error is IdpUnreachableError {
  return error instanceof Error && error.name === "IdpUnreachableError";
}

export function isSignInFailedError(error: unknown): error is SignInFailedError {
  return error instanceof Error && error.name === "SignInFailedError";
}
