// Remembers the SSO users the API has seen (SsoUser), so HR can link a Person to one by
// username or e-mail. Written at most once per subject per few minutes from this process,
// and never allowed to fail or slow down the request much: errors are swallowed.
import type { Db } from "@samla/schema";
import type { Viewer } from "../auth/viewer";

/** How long a subject's SsoUser row is trusted as fresh before it is written again. */
export const SSO_USER_REFRESH_MS = 5 * 60_000;

const lastWritten = new Map<string, number>();

/** Upserts the caller's SsoUser row unless this process wrote it within the refresh window. */
export async function rememberSsoUser(db: Db, viewer: Viewer, now: number = Date.now()): Promise<void> {
  const key = `${viewer.subject}\u0000${viewer.username}\u0000${viewer.email ?? ""}\u0000${viewer.name}`;
  const last = lastWritten.get(key);
  if (last !== undefined && now - last < SSO_USER_REFRESH_MS) return;
  lastWritten.set(key, now);
  // Keeps the map bounded in a long-running process.
  if (lastWritten.size > 10_000) lastWritten.clear();
  const data = { username: viewer.username, email: viewer.email ?? null, name: viewer.name, lastSeenAt: new Date(now) };
  const upsert = () =>
    db.ssoUser.upsert({ where: { subject: viewer.subject }, create: { subject: viewer.subject, ...data }, update: data });
  try {
    await upsert();
  } catch {
    try {
      // Most likely another subject still holds this username: a Keycloak user deleted and
      // re-created under the same name. The newest subject wins the username.
      await db.ssoUser.deleteMany({ where: { username: viewer.username, NOT: { subject: viewer.subject } } });
      await upsert();
    } catch {
      // Never fail the request; a later request retries.
      lastWritten.delete(key);
    }
  }
}
