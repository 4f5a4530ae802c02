// Counts the SQL statements a server sends to PostgreSQL, by sitting between it and the
// database: a TCP proxy on 127.0.0.1 that passes every byte through and reads the
// frontend messages of PostgreSQL's wire protocol on the way.
//
// Why a proxy: pg_stat_statements needs shared_preload_libraries (a server restart), the
// server log (log_statement) may be elsewhere or unreadable, and pg_stat_database counts
// transactions, not statements. The proxy works on any server and sees exactly what the
// API sends. Only a dedicated Samla instance is started behind it, for the counting; the
// instances under load talk to PostgreSQL directly.
//
// What counts as a statement: each simple-protocol Query ('Q') and each extended-protocol
// Execute ('E', with the text of its Parse), except transaction and session control
// (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, SET, LISTEN …): Prisma wraps some reads
// in BEGIN/COMMIT, and those are round trips but not queries.
import net from "node:net";

const CONTROL = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|SET|RESET|SHOW|DEALLOCATE|DISCARD|LISTEN|UNLISTEN)\b/i;

export interface StatementCounter {
  /** 127.0.0.1 URL to give the server instead of the database's own. */
  url: string;
  /** Query statements so far, and their texts (whitespace collapsed). */
  snapshot(): { statements: number; control: number; texts: string[] };
  close(): Promise<void>;
}

/** Where to reach the real server: a Unix socket (host=/dir) or host:port. */
function upstreamOf(databaseUrl: string): net.NetConnectOpts {
  const url = new URL(databaseUrl);
  const port = Number(url.port || 5432);
  const socketDir = url.searchParams.get("host") ?? (url.hostname.startsWith("%2F") ? decodeURIComponent(url.hostname) : null);
  if (socketDir?.startsWith("/")) return { path: `${socketDir}/.s.PGSQL.${port}` };
  return { host: url.hostname || "localhost", port };
}

/** The proxied URL: same user, password and database, through 127.0.0.1:`port`, no SSL. */
function proxiedUrl(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  const proxied = new URL(`postgresql://127.0.0.1:${port}${url.pathname}`);
  proxied.username = url.username;
  proxied.password = url.password;
  proxied.searchParams.set("sslmode", "disable");
  return proxied.toString();
}

export async function startStatementCounter(databaseUrl: string, port: number): Promise<StatementCounter> {
  let statements = 0;
  let control = 0;
  const texts: string[] = [];
  const record = (text: string) => {
    if (CONTROL.test(text)) {
      control += 1;
      return;
    }
    statements += 1;
    texts.push(text.replace(/\s+/g, " ").trim());
  };

  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(upstreamOf(databaseUrl));
    sockets.add(client);
    sockets.add(upstream);
    const parser = new FrontendParser(record);
    client.on("data", (chunk: Buffer) => {
      parser.push(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", close);
    upstream.on("close", close);
    client.on("error", close);
    upstream.on("error", close);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url: proxiedUrl(databaseUrl, port),
    snapshot: () => ({ statements, control, texts: [...texts] }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Reads frontend (client → server) messages from a byte stream split anywhere. */
class FrontendParser {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  /** Prepared statement name → text (Parse), portal name → text (Bind). */
  private statements = new Map<string, string>();
  private portals = new Map<string, string>();

  constructor(private readonly record: (text: string) => void) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (!this.started) {
        // StartupMessage, SSLRequest or CancelRequest: int32 length, no type byte.
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        // 80877103 SSLRequest, 80877104 GSSENCRequest: another untyped message follows.
        if (code !== 80877103 && code !== 80877104) this.started = true;
        this.buffer = this.buffer.subarray(length);
        continue;
      }
      if (this.buffer.length < 5) return;
      const type = String.fromCharCode(this.buffer[0]!);
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      const body = this.buffer.subarray(5, 1 + length);
      this.buffer = this.buffer.subarray(1 + length);
      this.message(type, body);
    }
  }

  private message(type: string, body: Buffer): void {
    if (type === "Q") {
      this.record(cstring(body, 0).value);
    } else if (type === "P") {
      const name = cstring(body, 0);
      const text = cstring(body, name.next);
      this.statements.set(name.value, text.value);
    } else if (type === "B") {
      const portal = cstring(body, 0);
      const statement = cstring(body, portal.next);
      this.portals.set(portal.value, this.statements.get(statement.value) ?? "");
    } else if (type === "E") {
      const portal = cstring(body, 0);
      this.record(this.portals.get(portal.value) ?? "");
    }
  }
}

function cstring(buffer: Buffer, start: number): { value: string; next: number } {
  const end = buffer.indexOf(0, start);
  const stop = end === -1 ? buffer.length : end;
  return { value: buffer.toString("utf8", start, stop), next: stop + 1 };
}
