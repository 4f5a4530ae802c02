// Seeds the database at DATABASE_URL (default: the embedded PGlite under .data/pglite).
//   npm run seed -w @samla/seed -- [--scale pilot|national] [--today YYYY-MM-DD]
// Migrations must already be applied. Progress goes to stderr, the summary to stdout.
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { createDb, databaseKind, openPGlite } from "@samla/schema";
import { DEFAULT_TODAY, PHASE_LABELS, seedDatabase, type Scale, type SeedProgress, type SeedRows } from "./index";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "pilot" },
    today: { type: "string", default: DEFAULT_TODAY },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log("Bruk: npm run seed -w @samla/seed -- [--scale pilot|national] [--today ÅÅÅÅ-MM-DD]");
  process.exit(0);
}
if (values.scale !== "pilot" && values.scale !== "national") {
  console.error(`Ukjent --scale "${values.scale}": bruk pilot eller national.`);
  process.exit(2);
}
if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
  console.error(`Ugyldig --today "${values.today}": bruk ÅÅÅÅ-MM-DD.`);
  process.exit(2);
}
const scale: Scale = values.scale;
const url = process.env.DATABASE_URL ?? ".data/pglite";

/** A bar per phase on a terminal; one line per finished phase otherwise (logs, CI). */
function progressReporter() {
  const label = (phase: string) => PHASE_LABELS[phase as keyof SeedRows] ?? phase;
  if (!process.stderr.isTTY) {
    return {
      update: (p: SeedProgress) => {
        if (p.done === p.total) console.error(`${label(p.phase)}: ${p.total}`);
      },
      stop: () => {},
    };
  }
  const bars = new cliProgress.MultiBar(
    { stream: process.stderr, format: "{label} {bar} {value}/{total}", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const byPhase = new Map<string, cliProgress.SingleBar>();
  return {
    update: (p: SeedProgress) => {
      let bar = byPhase.get(p.phase);
      if (!bar) {
        bar = bars.create(Math.max(p.total, 1), 0, { label: label(p.phase).padEnd(20) });
        byPhase.set(p.phase, bar);
      }
      bar.update(p.total === 0 ? 1 : p.done);
    },
    stop: () => bars.stop(),
  };
}

// Own the PGlite handle so it can be closed: $disconnect() alone leaves it open, and the
// process then lingers for minutes after seeding.
const pglite = databaseKind(url) === "pglite" ? openPGlite(url) : undefined;
const db = createDb(url, { pglite });
const progress = progressReporter();
const started = performance.now();
try {
  console.error(`Seeder ${scale} (i dag = ${values.today}) i ${url.replace(/\/\/[^@/]*@/, "//…@")}`);
  const summary = await seedDatabase(db, { scale, today: values.today, onProgress: progress.update });
  progress.stop();
  console.error(`Ferdig på ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify(summary, null, 2));
} catch (error) {
  progress.stop();
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await pglite?.close();
}
