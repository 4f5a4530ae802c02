// Signing key and cookie keys of the dev IdP: generated at start, optionally kept in a file
// so tokens stay valid across restarts (`tsx watch` restarts the API often).
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";

export interface DevIdpKeys {
  /** Private signing keys (JWK) for oidc-provider's `jwks` */
  signingKeys: JWK[];
  /** Secrets that sign oidc-provider's cookies */
  cookieKeys: string[];
}

async function generateKeys(): Promise<DevIdpKeys> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    signingKeys: [{ ...jwk, kid, alg: "RS256", use: "sig" }],
    cookieKeys: [randomBytes(32).toString("base64url")],
  };
}

function readKeys(file: string): DevIdpKeys | undefined {
  try {
    const keys = JSON.parse(readFileSync(file, "utf8")) as Partial<DevIdpKeys>;
    if (Array.isArray(keys.signingKeys) && keys.signingKeys.length > 0 && Array.isArray(keys.cookieKeys)) {
      return { signingKeys: keys.signingKeys, cookieKeys: keys.cookieKeys };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return undefined;
}

export async function loadOrCreateKeys(keystorePath?: string): Promise<DevIdpKeys> {
  if (!keystorePath) return generateKeys();
  const existing = readKeys(keystorePath);
  if (existing) return existing;
  const keys = await generateKeys();
  mkdirSync(path.dirname(keystorePath), { recursive: true });
  writeFileSync(keystorePath, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}
