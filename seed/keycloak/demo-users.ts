// Demo users of the Keycloak realm export. The realm file is the single source of truth:
// Keycloak imports it, the embedded dev IdP reads it, and the seed links Person.ssoSubject
// to these ids.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Absolute path of the realm export `samla-realm.json`. */
export const SAMLA_REALM_FILE = fileURLToPath(new URL("./samla-realm.json", import.meta.url));

export interface DemoUser {
  /** Keycloak user id: the token's `sub` and `Person.ssoSubject`. */
  id: string;
  username: string;
  /** "firstName lastName" */
  name: string;
  email: string;
  /** Plain-text demo password (demo realm only). */
  password: string;
  /** Realm roles, e.g. ["planner"]. Keycloak's own default roles are left out. */
  roles: string[];
}

interface RealmUserRepresentation {
  id?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  credentials?: { type?: string; value?: string }[];
  realmRoles?: string[];
}

export function loadDemoUsers(realmFile: string = SAMLA_REALM_FILE): DemoUser[] {
  const realm = JSON.parse(readFileSync(realmFile, "utf8")) as { users?: RealmUserRepresentation[] };
  return (realm.users ?? []).map((user) => {
    const password = user.credentials?.find((credential) => credential.type === "password")?.value;
    if (!user.id || !user.username || !user.email || !password) {
      throw new Error(`Realm user ${user.username ?? "(no username)"} needs id, username, email and a password`);
    }
    return {
      id: user.id,
      username: user.username,
      name: [user.firstName, user.lastName].filter(Boolean).join(" ") || user.username,
      email: user.email,
      password,
      roles: (user.realmRoles ?? []).filter((role) => !role.startsWith("default-roles-")),
    };
  });
}
