// Test harness: a fresh database per test file (PGlite in memory, or a new database on the
// PostgreSQL server in DATABASE_URL), a token issuer that signs Keycloak-shaped tokens,
// and a client that talks to the API over yoga's fetch, as a browser would.
import { randomBytes } from "node:crypto";
import { applyMigrations, createDb, openPGlite, type Db } from "@samla/schema";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK, type CryptoKey } from "jose";
import pg from "pg";
import { createTokenVerifier } from "../src/auth/verify-token";
import type { SamlaRole } from "../src/auth/viewer";
import { createSamlaServer, type SamlaServer, type SamlaServerOptions } from "../src/server";

export const ISSUER = "http://localhost:8180/realms/samla";
export const AUDIENCE = "samla-api";
export const CLIENT_ID = "samla-web";

// ---------------------------------------------------------------------------------------
// Database

export interface TestDatabase {
  db: Db;
  kind: "pglite" | "postgres";
  /** The test database's connection URL on PostgreSQL (null on PGlite). */
  url: string | null;
  close(): Promise<void>;
}

function postgresUrl(): string | null {
  const url = process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}

/** A fresh, migrated, empty database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = postgresUrl();
  if (!serverUrl) {
    const pglite = openPGlite("pglite:memory");
    await applyMigrations((sql) => pglite.exec(sql));
    const db = createDb("pglite:memory", { pglite });
    return {
      db,
      kind: "pglite",
      url: null,
      close: async () => {
        await db.$disconnect();
        await pglite.close();
      },
    };
  }

  const name = `samla_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const migrator = new pg.Client({ connectionString: url.toString() });
  await migrator.connect();
  await applyMigrations((sql) => migrator.query(sql));
  await migrator.end();
  const db = createDb(url.toString());
  return {
    db,
    kind: "postgres",
    url: url.toString(),
    close: async () => {
      await db.$disconnect();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

// ---------------------------------------------------------------------------------------
// Tokens

export interface TestUser {
  sub: string;
  username: string;
  name: string;
  email?: string;
  roles: string[];
}

export const USERS = {
  planner: { sub: "sub-planner", username: "planlegger", name: "Pia Planlegger", email: "pia@nav.test", roles: ["planner"] },
  hr: { sub: "sub-hr", username: "hr", name: "Hans HR", email: "hans@nav.test", roles: ["hr"] },
  admin: { sub: "sub-admin", username: "admin", name: "Ada Admin", roles: ["admin"] },
  viewer: { sub: "sub-viewer", username: "leser", name: "Lise Leser", roles: ["viewer"] },
  officeLeader: { sub: "sub-leader", username: "leder", name: "Leif Leder", roles: ["office-leader"] },
  /** Signed in at Keycloak, but with no Samla role. */
  noRole: { sub: "sub-norole", username: "uten-rolle", name: "Una Uten", roles: ["offline_access"] },
} satisfies Record<string, TestUser>;

export type UserName = keyof typeof USERS;

export interface TokenOptions {
  /** Seconds from now; negative for an expired token. Default 300. */
  expiresIn?: number;
  audience?: string | string[];
  issuer?: string;
  azp?: string;
  /** Sign with a key the API does not know. */
  foreignKey?: boolean;
}

export interface TokenIssuer {
  verifyToken: (token: string) => Promise<import("../src/auth/viewer").Viewer>;
  token(user: TestUser | UserName, options?: TokenOptions): Promise<string>;
}

interface KeyPair {
  privateKey: CryptoKey;
  publicJwk: JWK;
  kid: string;
}

async function keyPair(kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" }, kid };
}

/** Signs tokens of Keycloak's shape and verifies them with the auth module's real verifier. */
export async function createTokenIssuer(): Promise<TokenIssuer> {
  const own = await keyPair("test-key");
  const foreign = await keyPair("foreign-key");
  const jwks = createLocalJWKSet({ keys: [own.publicJwk] });
  const verifyToken = createTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, clientId: CLIENT_ID, jwks });

  return {
    verifyToken,
    async token(userOrName, options = {}) {
      const user: TestUser = typeof userOrName === "string" ? USERS[userOrName] : userOrName;
      const key = options.foreignKey ? foreign : own;
      const now = Math.floor(Date.now() / 1000);
      const expiresIn = options.expiresIn ?? 300;
      return new SignJWT({
        typ: "Bearer",
        azp: options.azp ?? CLIENT_ID,
        realm_access: { roles: user.roles },
        preferred_username: user.username,
        name: user.name,
        ...(user.email ? { email: user.email } : {}),
      })
        .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
        .setIssuer(options.issuer ?? ISSUER)
        .setSubject(user.sub)
        .setAudience(options.audience ?? [AUDIENCE])
        .setIssuedAt(now - 60 + Math.min(expiresIn, 0))
        .setExpirationTime(now + expiresIn)
        .sign(key.privateKey);
    },
  };
}

// ---------------------------------------------------------------------------------------
// Client

/**
 * Tests read GraphQL results by shape and assert on them; typing each document here would
 * duplicate the SDL, which has its own test.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

export interface RequestOptions {
  /** A user to sign a token for, a raw token, or null for no Authorization header. */
  as?: UserName | TestUser | { token: string } | null;
  headers?: Record<string, string>;
}

export interface TestApi {
  db: Db;
  kind: TestDatabase["kind"];
  /** See TestDatabase.url. */
  url: TestDatabase["url"];
  server: SamlaServer;
  tokens: TokenIssuer;
  /** POST /graphql as the given user (default: admin). */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  /** Raw HTTP against the server (path like "/healthz"). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function createTestApi(options: Partial<Omit<SamlaServerOptions, "db" | "verifyToken">> = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const tokens = await createTokenIssuer();
  const server = createSamlaServer({ db: database.db, verifyToken: tokens.verifyToken, logging: false, ...options });

  const fetchPath = (path: string, init?: RequestInit) =>
    Promise.resolve(server.fetch(new Request(`http://localhost${path}`, init)));

  return {
    db: database.db,
    kind: database.kind,
    url: database.url,
    server,
    tokens,
    fetch: fetchPath,
    async graphql<T>(query: string, variables?: Record<string, unknown>, requestOptions: RequestOptions = {}) {
      const as = requestOptions.as === undefined ? "admin" : requestOptions.as;
      // What current GraphQL clients send: the GraphQL-over-HTTP media type first, so request
      // errors (parse, validation, limits) come back as 400 rather than legacy 200.
      const headers: Record<string, string> = {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...requestOptions.headers,
      };
      if (as !== null) {
        const token = typeof as === "object" && "token" in as ? as.token : await tokens.token(as);
        headers.authorization = `Bearer ${token}`;
      }
      const response = await fetchPath("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, "status">;
      return { status: response.status, ...body };
    },
    close: () => database.close(),
  };
}

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** extensions.code of the first error. */
export function errorCode(response: GraphQLResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.code;
}

export type { SamlaRole };
