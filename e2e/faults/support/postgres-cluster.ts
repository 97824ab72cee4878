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

/** Creates and starts a cluster in a new temporary directory; returns that directory. */
export function createCluster(): string {
  ensureOwner();
  const root = mkdtempSync(path.join(tmpdir(), "facturo-faults-pg-"));
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

/** A fresh, empty database on the suite's cluster; the app migrates it on open. */
export async function createDatabase(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return serverUrl(name);
}

/** The cluster directory global setup created for this run. */
export function clusterDir(): string {
  const dir = process.env[CLUSTER_DIR_ENV];
  if (!dir)
    throw new Error(`${CLUSTER_DIR_ENV} is not set: run the suite with npm run test:faults`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
