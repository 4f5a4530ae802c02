// Orderly shutdown for npm start's processes (the supervisor and the API child): what was
// opened is closed in reverse order, once, on SIGINT or SIGTERM, then the process exits.
export function orderlyShutdown() {
  const closers: (() => Promise<void>)[] = [];
  let stopping = false;
  async function shutdown(code = 0) {
    if (stopping) return;
    stopping = true;
    for (const close of closers.reverse()) await close().catch(() => undefined);
    process.exit(code);
  }
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  return { closers, shutdown, isStopping: () => stopping };
}
