/**
 * `npm run bench`: measures Facturo at the limits the issue names (webhook intake,
 * order → document, auto-send, PDF, document list, backfill, memory) against a
 * production build, on a fresh PostgreSQL database and on embedded PGlite, prints
 * one table and writes bench/results/<stamp>.json and latest.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { cleanUpOnInterrupt } from "./cleanup";
import { parseOptions } from "./options";
import { runPglitePhase } from "./pglite-phase";
import { runPostgresPhase } from "./postgres-phase";
import { formatTable, verdict, writeResults, type Figure } from "./report";
import { newSecrets, type StackContext } from "./stack";

const options = parseOptions(process.argv.slice(2));
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const log = (line: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

function ensureBuild(appDir: string): void {
  if (existsSync(path.join(appDir, ".next", "BUILD_ID"))) return;
  if (!options.build) throw new Error(`No production build in ${appDir} and --no-build was given`);
  log("no production build: running next build");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: appDir,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("next build failed");
}

cleanUpOnInterrupt(log);
ensureBuild(options.appDir);
const logDir = path.join("/tmp", `facturo-bench-${stamp}`);
mkdirSync(logDir, { recursive: true });
const ctx: StackContext = {
  appDir: options.appDir,
  sourceDir: process.cwd(),
  logDir,
  secrets: newSecrets(),
};
log(`process logs in ${logDir}${options.quick ? " (quick: short loads, not comparable)" : ""}`);

const startedAt = new Date();
const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: options.appDir })
  .stdout?.toString()
  .trim();
const loadBefore = loadavg();
const figures: Figure[] = [];
const postgres = await runPostgresPhase(options, ctx, stamp, log);
figures.push(...postgres.figures);
if (options.pglite) figures.push(...(await runPglitePhase(options, ctx, log, postgres.bare)));

const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(" ");
console.log(`\n${formatTable(figures)}\n`);
console.log(
  `load average (1/5/15 min) before: ${load(loadBefore)}, after: ${load(loadavg())} on ${cpus().length} cores`,
);
const file = writeResults(path.join(process.cwd(), "bench", "results"), stamp, {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  quick: options.quick,
  buildOf: commit || null,
  workers: options.workers,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    node: process.version,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadavg(),
  },
  sizes: options.sizes,
  figures: figures.map((f) => ({ ...f, verdict: verdict(f) || null })),
});
const missed = figures.filter((f) => verdict(f) === "MISS").length;
log(`${missed} target(s) missed; results in ${path.relative(process.cwd(), file)}`);
// pg-boss or a keep-alive socket may linger; the results are written.
process.exit(0);
