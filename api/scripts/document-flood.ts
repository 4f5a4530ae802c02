// By hand, localhost only: floods an in-process API with distinct large documents and prints
// its heap before and after (issue 13: distinct 8 MB documents stayed in yoga's parse cache until
// the heap ran out). Not part of `npm test`; the fuzz suite covers this for CI.
//
//   node --expose-gc --import tsx api/scripts/document-flood.ts [count] [kB] [--unbounded]
//
// Defaults: 300 POSTs of a 900 kB document (under the 1 MB body limit, so each is parsed),
// each `{ health }` behind a distinct comment. --unbounded uses yoga's own parse cache
// (1,024 documents of any size) to show what the bound saves.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createDb } from "@samla/schema";
import { createSamlaServer } from "../src/server";

const [count = 300, kilobytes = 900] = process.argv.slice(2).filter((a) => !a.startsWith("--")).map(Number);
const unbounded = process.argv.includes("--unbounded");
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
function heap() {
  gc!();
  gc!();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

const db = createDb("pglite:memory");
const yoga = createSamlaServer({
  db,
  verifyToken: () => Promise.reject(new Error("no tokens in this script")),
  logging: false,
  // Rate limits off: this measures memory, not the limiter.
  edge: {
    rateLimits: { perIp: { points: 0, windowSeconds: 1 }, perUser: { points: 0, windowSeconds: 1 }, trustedProxies: 0 },
    // --unbounded: like yoga's default, 1,024 documents whatever their size.
    ...(unbounded ? { parseCache: { maxDocuments: 1_024, maxDocumentBytes: Number.MAX_SAFE_INTEGER, maxTotalBytes: Number.MAX_SAFE_INTEGER } } : {}),
  },
});

const server = createServer(yoga);
await new Promise<void>((resolve) => server.listen(16_090, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

const padding = "x".repeat(kilobytes * 1024 - 40);
const before = heap();
const statuses = new Map<number, number>();
const started = performance.now();
for (let i = 0; i < count; i++) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query: `#${i} ${padding}\n{ health }` }),
  });
  await response.arrayBuffer();
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
}
const seconds = (performance.now() - started) / 1000;
const after = heap();
console.log(`${count} POSTs of ${kilobytes} kB distinct documents in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
console.log(`heap used: ${megabytes(before.heapUsed)} before, ${megabytes(after.heapUsed)} after (rss ${megabytes(before.rss)} → ${megabytes(after.rss)})`);
server.close();
await db.$disconnect();
