/**
 * Logs how long a silent step has been running, every `everyMs`, until the returned function
 * is called (which returns the seconds it took). The web build prints nothing for a minute or
 * more, which reads as a hang.
 */
export function logElapsed(log: (message: string) => void, what: string, everyMs = 10_000): () => number {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const timer = setInterval(() => log(`  ${what}… ${seconds()} s`), everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    return seconds();
  };
}
