import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { openPostgres, type DbHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { createDatabase } from "./postgres-cluster";
import {
  assertBuildExists,
  startWeb,
  startWorker,
  stop,
  waitForHttp,
  waitForOutput,
  type AppProcess,
} from "./processes";

/**
 * One case's running app: a fresh database on the suite's cluster, `next start` on
 * FAULTS_APP_PORT and N separate workers, wired like a production deployment with
 * RUN_WORKER_IN_WEB=false. Ports are the suite's own so it can run beside the
 * journeys and a developer's server.
 */
export const FAULTS_APP_PORT = Number(process.env.FACTURO_FAULTS_APP_PORT ?? 3300);
export const APP_URL = `http://localhost:${FAULTS_APP_PORT}`;
export const SIMULATOR_URL = `http://localhost:${process.env.FACTURO_FAULTS_SIMULATOR_PORT ?? 4399}`;

export const FAULTS_SHOPIFY = {
  clientId: "facturo-faults",
  secret: "facturo-faults-shopify-secret",
} as const;

// Test-only secrets, fixed so a failed run can be inspected. Never use them elsewhere.
export const FAULTS_ENCRYPTION_KEY = Buffer.alloc(32, 42).toString("base64");

export function appEnv(databaseUrl: string): Record<string, string> {
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(FAULTS_APP_PORT),
    APP_URL,
    AUTH_URL: APP_URL,
    AUTH_SECRET: "facturo-faults-auth-secret-not-for-production-0123456789",
    ENCRYPTION_KEY: FAULTS_ENCRYPTION_KEY,
    EMAIL_TRANSPORT: "outbox",
    OUTBOX_PUBLIC: "true",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    SHOPIFY_CLIENT_ID: FAULTS_SHOPIFY.clientId,
    SHOPIFY_CLIENT_SECRET: FAULTS_SHOPIFY.secret,
    SHOPIFY_API_ORIGIN: SIMULATOR_URL,
    DATABASE_URL: databaseUrl,
    RUN_WORKER_IN_WEB: "false",
    // No case pays online: a payment check must never leave this machine. A closed
    // loopback port (discard) refuses at once.
    MOLLIE_API_URL: "http://127.0.0.1:9/v2/",
    BANCONTACT_API_URL: "http://127.0.0.1:9",
  };
}

export interface Stack {
  databaseUrl: string;
  env: Record<string, string>;
  /** The suite's own connection, for seeding and for checking what the app wrote. */
  handle: DbHandle;
  web: AppProcess;
  workers: AppProcess[];
  restartWeb(): Promise<void>;
  addWorker(): AppProcess;
  stopAll(): Promise<void>;
}

/** A server already on the suite's port would answer the health check for ours. */
async function assertPortFree(): Promise<void> {
  const answered = await fetch(`${APP_URL}/api/health`, {
    signal: AbortSignal.timeout(2_000),
  }).then(
    () => true,
    () => false,
  );
  if (answered)
    throw new Error(
      `Something already answers on ${APP_URL}: stop it, or set FACTURO_FAULTS_APP_PORT`,
    );
}

/**
 * The suite's own connection. Unlike the app's, its pool ignores the errors of idle
 * connections cut by a PostgreSQL restart: the suite must outlive the outages it causes.
 */
function suiteConnection(databaseUrl: string): DbHandle {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  pool.on("error", () => {});
  return {
    db: drizzle(pool, { schema }),
    kind: "postgres",
    executeSql: async (text, values) => pool.query(text, values as unknown[]),
    close: () => pool.end(),
  };
}

/** Starts web + workers on a new database named after the case; waits for /api/health. */
export async function startStack(
  name: string,
  options: { workers?: number; env?: Record<string, string> } = {},
) {
  assertBuildExists();
  await assertPortFree();
  const databaseUrl = await createDatabase(`faults_${name.replace(/\W/g, "_")}`);
  // Migrated here, once, so the processes do not race each other on the first migration.
  await (await openPostgres(databaseUrl)).close();
  const handle = suiteConnection(databaseUrl);
  const env = { ...appEnv(databaseUrl), ...options.env };
  let workerCount = 0;
  const stack: Stack = {
    databaseUrl,
    env,
    handle,
    web: startWeb(env, `${name}-web`),
    workers: [],
    async restartWeb() {
      await stop(stack.web);
      stack.web = startWeb(env, `${name}-web`);
      await waitForHttp(`${APP_URL}/api/health`, 60_000, stack.web);
    },
    addWorker() {
      const worker = startWorker(env, `${name}-worker-${++workerCount}`);
      stack.workers.push(worker);
      return worker;
    },
    async stopAll() {
      await Promise.all([stack.web, ...stack.workers].map((p) => stop(p)));
      await handle.close();
    },
  };
  try {
    for (let i = 0; i < (options.workers ?? 1); i++) stack.addWorker();
    await Promise.all([
      waitForHttp(`${APP_URL}/api/health`, 90_000, stack.web),
      ...stack.workers.map((worker) => waitForOutput(worker, /Worker started/, 90_000)),
    ]);
  } catch (error) {
    // The case gets no stack to stop: a web process left on the port would fail every
    // case after this one.
    await stack.stopAll();
    throw error;
  }
  return stack;
}
