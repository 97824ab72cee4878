import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A throwaway PostgreSQL cluster the suite owns (docs/stack.md G18), so a case can stop
 * and restart it without touching the machine's shared server. initdb refuses to run
 * as root, so the cluster belongs to a system user created for it.
 */
export const FAULTS_PG_PORT = Number(process.env.FACTURO_FAULTS_PG_PORT ?? 55432);
export const CLUSTER_DIR_ENV = "FACTURO_FAULTS_PG_DIR";

const OWNER = "pgtest";

function asOwner(command: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const [bin, argv] = isRoot ? ["runuser", ["-u", OWNER, "--", command, ...args]] : [command, args];
  execFileSync(bin, argv, { stdio: ["ignore", "ignore", "pipe"] });
}

/** The same, without blocking the event loop: requests in flight keep being answered. */
async function asOwnerAsync(command: string, args: string[]): Promise<void> {
  const isRoot = process.getuid?.() === 0;
  const [bin, argv] = isRoot ? ["runuser", ["-u", OWNER, "--", command, ...args]] : [command, args];
  await promisify(execFile)(bin, argv);
}

function ensureOwner(): void {
  if (process.getuid?.() !== 0) return;
  if (spawnSync("id", [OWNER]).status === 0) return;
  execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OWNER]);
}

function dataDir(root: string) {
  return path.join(root, "data");
}

function startArgs(root: string): string[] {
  return [
    "-D",
    dataDir(root),
    "-l",
    path.join(root, "pg.log"),
    "-o",
    `-p ${FAULTS_PG_PORT} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off`,
    "-w",
  ];
}

function hasCluster(root: string): boolean {
  return existsSync(path.join(dataDir(root), "PG_VERSION"));
}

function isClusterRunning(root: string): boolean {
  const isRoot = process.getuid?.() === 0;
  const argv = ["status", "-D", dataDir(root)];
  const [bin, args] = isRoot
    ? ["runuser", ["-u", OWNER, "--", "pg_ctl", ...argv]]
    : ["pg_ctl", argv];
  // pg_ctl status: 0 running, 3 not running.
  return spawnSync(bin, args, { stdio: "ignore" }).status === 0;
}

/**
 * Creates and starts a cluster in `root` (a new temporary directory by default) and
 * returns that directory. A directory that already holds a cluster (one kept from an
 * earlier run, see FACTURO_FAULTS_PG_DIR) is started if it is not running, and reused.
 */
export function createCluster(root?: string): string {
  ensureOwner();
  if (root && hasCluster(root)) {
    if (!isClusterRunning(root)) asOwner("pg_ctl", [...startArgs(root), "start"]);
    return root;
  }
  if (root) mkdirSync(root, { recursive: true });
  else root = mkdtempSync(path.join(tmpdir(), "facturo-faults-pg-"));
  chmodSync(root, 0o777);
  if (process.getuid?.() === 0) execFileSync("chown", [OWNER, root]);
  asOwner("initdb", [
    "-D",
    dataDir(root),
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
  ]);
  asOwner("pg_ctl", [...startArgs(root), "start"]);
  return root;
}

export async function startCluster(root: string): Promise<void> {
  await asOwnerAsync("pg_ctl", [...startArgs(root), "start"]);
}

/**
 * Starts the cluster if a case left it stopped (the PostgreSQL-restart case failing
 * during its outage): the next case must not fail on this one's leftovers.
 */
export async function ensureClusterRunning(root: string): Promise<void> {
  if (isClusterRunning(root)) return;
  try {
    await startCluster(root);
  } catch (error) {
    // Started meanwhile by the case itself (its outage ending): running is all we need.
    if (!isClusterRunning(root)) throw error;
  }
}

const stopArgs = (root: string) => ["-D", dataDir(root), "-m", "fast", "-w", "stop"];

/** Fast shutdown: open connections are cut, as in a crash of the server or a failover. */
export async function stopCluster(root: string): Promise<void> {
  await asOwnerAsync("pg_ctl", stopArgs(root));
}

export function destroyCluster(root: string): void {
  if (existsSync(path.join(dataDir(root), "postmaster.pid"))) {
    try {
      asOwner("pg_ctl", stopArgs(root));
    } catch {
      // already stopped
    }
  }
  rmSync(root, { recursive: true, force: true });
}

export function serverUrl(database = "postgres"): string {
  return `postgres://postgres@127.0.0.1:${FAULTS_PG_PORT}/${database}`;
}

/** Set by global setup: a new id per run, part of every database name of that run. */
export const RUN_ID_ENV = "FACTURO_FAULTS_RUN";

export function newRunId(): string {
  return `r${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3)
    .toString(36)
    .padStart(3, "0")}`;
}

/**
 * A fresh, empty database on the suite's cluster; the app migrates it on open. Its
 * name carries the run's id: two runs on one cluster (FACTURO_FAULTS_PG_DIR) never
 * share a database, so a process or a job left by an earlier run has nothing to
 * reconnect to or be counted in.
 */
export async function createDatabase(name: string): Promise<string> {
  const run = process.env[RUN_ID_ENV];
  if (!run) throw new Error(`${RUN_ID_ENV} is not set: run the suite with npm run test:faults`);
  const database = `${name}_${run}`;
  if (database.length > 63) throw new Error(`database name too long: ${database}`);
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return serverUrl(database);
}

/** The cluster directory global setup created for this run. */
export function clusterDir(): string {
  const dir = process.env[CLUSTER_DIR_ENV];
  if (!dir)
    throw new Error(`${CLUSTER_DIR_ENV} is not set: run the suite with npm run test:faults`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
