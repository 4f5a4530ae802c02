// HTML pages of the dev IdP, in Norwegian bokmål. The login page copies what Keycloak 26's
// login form (keycloak.v2 theme, locale "no") has: title "Logg inn på Samla", the ids
// username, password, kc-login and input-error-username, the label texts and the error
// message, so e2e tests can use the same selectors against both.

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const STYLE = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
    font-family: "Source Sans 3", "Source Sans Pro", Arial, sans-serif; font-size: 1.125rem; line-height: 1.5;
    color: #23262a; background: #f1f1f1; }
  main { width: 100%; max-width: 26rem; margin: 1rem; padding: 2rem; background: #fff; border-radius: 12px;
    box-shadow: 0 1px 3px rgba(0,0,0,.15), 0 4px 16px rgba(0,0,0,.06); }
  .brand { margin: 0 0 .25rem; font-size: .875rem; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: #0067c5; }
  h1 { margin: 0 0 1.5rem; font-size: 1.75rem; line-height: 1.2; }
  label { display: block; margin: 0 0 .25rem; font-weight: 600; }
  input[type=text], input[type=password] { display: block; width: 100%; margin: 0 0 1.25rem; padding: .5rem .75rem;
    font: inherit; color: inherit; border: 1px solid #6a6a6a; border-radius: 4px; }
  input:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid #00347d; outline-offset: 2px; }
  input[aria-invalid=true] { border-color: #c30000; box-shadow: inset 0 0 0 1px #c30000; }
  button { display: block; width: 100%; padding: .75rem 1rem; font: inherit; font-weight: 600; color: #fff;
    background: #0067c5; border: 0; border-radius: 4px; cursor: pointer; }
  button:hover { background: #0056b4; }
  .error { margin: 0 0 1.25rem; padding: .75rem 1rem; color: #5c0000; background: #ffe6e6; border-left: 4px solid #c30000; border-radius: 4px; }
  .note { margin: 1.5rem 0 0; font-size: 1rem; color: #595959; }
  details { margin-top: 1.5rem; font-size: 1rem; }
  summary { cursor: pointer; color: #0067c5; }
  table { width: 100%; margin-top: .5rem; border-collapse: collapse; }
  th, td { padding: .25rem .5rem .25rem 0; text-align: left; border-bottom: 1px solid #e0e0e0; }
  code { font-family: "Source Code Pro", monospace; font-size: .9375rem; }
  a { color: #0067c5; }
`;

function page(title: string, body: string, { script }: { script?: string } = {}): string {
  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">Samla</p>
${body}
</main>${script ? `\n<script>${script}</script>` : ""}
</body>
</html>`;
}

export interface LoginPageOptions {
  action: string;
  username?: string;
  error?: string;
  demoUsers: { username: string; password: string; roles: string[] }[];
}

export function loginPage({ action, username = "", error, demoUsers }: LoginPageOptions): string {
  const invalid = error ? ' aria-invalid="true" aria-describedby="input-error-username"' : "";
  const demoRows = demoUsers
    .map(
      (user) =>
        `<tr><td><code>${escapeHtml(user.username)}</code></td><td><code>${escapeHtml(user.password)}</code></td><td>${escapeHtml(user.roles.join(", "))}</td></tr>`,
    )
    .join("");
  return page(
    "Logg inn på Samla",
    `<h1>Logg inn</h1>
${error ? `<div class="error kc-feedback-text" id="input-error-username" role="alert">${escapeHtml(error)}</div>` : ""}
<form id="kc-form-login" method="post" action="${escapeHtml(action)}" novalidate>
  <label for="username">Brukernavn eller e-postadresse</label>
  <input type="text" id="username" name="username" value="${escapeHtml(username)}" autocomplete="username" autocapitalize="none" spellcheck="false" required${error ? "" : " autofocus"}${invalid}>
  <label for="password">Passord</label>
  <input type="password" id="password" name="password" autocomplete="current-password" required${error ? " autofocus" : ""}${invalid}>
  <button type="submit" id="kc-login" name="login">Logg inn</button>
</form>
<p class="note">Dette er utviklingsinnloggingen til Samla. I drift logger du inn med Keycloak.</p>
${demoRows ? `<details><summary>Demobrukere</summary><table><thead><tr><th>Brukernavn</th><th>Passord</th><th>Roller</th></tr></thead><tbody>${demoRows}</tbody></table></details>` : ""}`,
  );
}

/**
 * RP-initiated logout. With a valid id_token_hint Keycloak logs out without asking, so the
 * page submits itself; without one it asks first, like Keycloak's confirmation page.
 */
export function logoutPage(form: string, { confirmed }: { confirmed: boolean }): string {
  const logoutInput = '<input type="hidden" name="logout" value="yes" form="op.logoutForm">';
  if (confirmed) {
    return page(
      "Logger ut – Samla",
      `<h1>Logger ut …</h1>${form}${logoutInput}<noscript><button type="submit" form="op.logoutForm">Logg ut</button></noscript>`,
      { script: 'document.getElementById("op.logoutForm").submit();' },
    );
  }
  return page(
    "Logg ut – Samla",
    `<h1>Vil du logge ut?</h1>${form}${logoutInput}<button type="submit" id="kc-logout" form="op.logoutForm">Logg ut</button>`,
  );
}

export function loggedOutPage(backUrl?: string): string {
  return page(
    "Logget ut – Samla",
    `<h1>Du er logget ut</h1>${backUrl ? `<p><a href="${escapeHtml(backUrl)}">Gå til Samla</a></p>` : ""}`,
  );
}

export function errorPage(message: string, backUrl?: string, technicalDetail?: string): string {
  return page(
    "Noe gikk galt – Samla",
    `<h1>Noe gikk galt</h1><p class="error" role="alert">${escapeHtml(message)}</p>${
      backUrl ? `<p><a href="${escapeHtml(backUrl)}">Gå tilbake til Samla og prøv igjen</a></p>` : ""
    }${technicalDetail ? `<p><small>Teknisk årsak (for brukerstøtte): ${escapeHtml(technicalDetail)}</small></p>` : ""}`,
  );
}

/** oidc-provider's error codes, said in Norwegian; its own descriptions are English. */
const SIGN_IN_ERRORS: Record<string, string> = {
  invalid_redirect_uri: "Innloggingen kan ikke sende deg tilbake til adressen du kom fra, fordi den ikke er registrert for Samla.",
  invalid_client: "Samla er ikke registrert hos innloggingstjenesten.",
  invalid_request: "Innloggingsforespørselen var ugyldig.",
  access_denied: "Innloggingen ble avbrutt.",
};

export function signInErrorMessage(error: string): string {
  return SIGN_IN_ERRORS[error] ?? "Innloggingen kunne ikke fullføres.";
}

/** keycloak-js (checkLoginIframe) asks this iframe whether the session changed. We cannot
 * tell from here, so it always answers "unchanged"; token refresh still notices a logout. */
export const LOGIN_STATUS_IFRAME = `<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>Innloggingsstatus</title></head><body>
<script>
window.addEventListener("message", function (event) {
  if (typeof event.data !== "string" || !event.source) return;
  event.source.postMessage("unchanged", event.origin);
});
</script>
</body></html>`;

/** keycloak-js probes third-party cookie support through this page. The app and this IdP
 * run on the same site (localhost), so cookies work in its iframes. */
export const THIRD_PARTY_COOKIES_PAGE = `<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>Informasjonskapsler</title></head><body>
<script>window.parent.postMessage("supported", "*");</script>
</body></html>`;
