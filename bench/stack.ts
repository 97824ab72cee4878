import { randomBytes } from "node:crypto";
import { freePort, startProcess, waitForHttp, type Started } from "./processes";

/**
 * The processes under test, started the way an operator starts them: the production
 * build with `next start`, workers with `facturo worker`, the Shopify simulator, and
 * the bare server. Each logs to its own file under the run's log folder.
 */
export const BENCH_SHOPIFY = {
  clientId: "facturo-bench",
  clientSecret: "facturo-bench-secret",
} as const;

export interface StackContext {
  /** Where the production build (.next) is; `next start` runs there. */
  appDir: string;
  /** The sources that run with tsx (worker, simulator, bare server): the repo root. */
  sourceDir: string;
  logDir: string;
  secrets: { AUTH_SECRET: string; ENCRYPTION_KEY: string };
}

export function newSecrets(): StackContext["secrets"] {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
}

/** Either DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded). */
export type Database = { DATABASE_URL: string } | { PGLITE_DIR: string };

function appEnv(ctx: StackContext, database: Database, port: number, simulatorOrigin?: string) {
  return {
    ...ctx.secrets,
    ...database,
    NODE_ENV: "production",
    APP_URL: `http://localhost:${port}`,
    EMAIL_TRANSPORT: "outbox",
    OUTBOX_PUBLIC: "true",
    LOG_LEVEL: "info",
    // The batch the figures in the README were measured with; the app's default is 1.
    JOB_BATCH_SIZE: process.env.JOB_BATCH_SIZE ?? "16",
    SHOPIFY_CLIENT_ID: BENCH_SHOPIFY.clientId,
    SHOPIFY_CLIENT_SECRET: BENCH_SHOPIFY.clientSecret,
    ...(simulatorOrigin ? { SHOPIFY_API_ORIGIN: simulatorOrigin } : {}),
  };
}

export interface WebServer {
  process: Started;
  origin: string;
}

/** `next start`; with PostgreSQL the jobs run in separate workers unless `withWorker`. */
export async function startWeb(
  ctx: StackContext,
  database: Database,
  options: { withWorker: boolean; simulatorOrigin?: string; name?: string },
): Promise<WebServer> {
  const port = await freePort();
  const started = startProcess({
    name: options.name ?? "web",
    command: process.execPath,
    args: ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    cwd: ctx.appDir,
    env: {
      ...appEnv(ctx, database, port, options.simulatorOrigin),
      RUN_WORKER_IN_WEB: options.withWorker ? "true" : "false",
    },
    logDir: ctx.logDir,
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(started, `${origin}/api/health`);
  return { process: started, origin };
}

export function startWorker(
  ctx: StackContext,
  database: Database,
  name: string,
  simulatorOrigin?: string,
): Started {
  return startProcess({
    name,
    command: process.execPath,
    args: ["--import", "tsx", "lib/cli/facturo.ts", "worker"],
    cwd: ctx.sourceDir,
    env: appEnv(ctx, database, 0, simulatorOrigin),
    logDir: ctx.logDir,
  });
}

export async function startSimulator(ctx: StackContext): Promise<WebServer> {
  const port = await freePort();
  const started = startProcess({
    name: "shopify-simulator",
    command: process.execPath,
    // The backfill places orders from the repository's fixtures (relative to cwd).
    args: [
      "--import",
      "tsx",
      "packages/shopify-simulator/src/main.ts",
      "--fixtures-dir",
      "test/fixtures/shopify",
    ],
    cwd: ctx.sourceDir,
    env: {
      SHOPIFY_SIMULATOR_PORT: String(port),
      SHOPIFY_SIMULATOR_HOST: "127.0.0.1",
      SHOPIFY_CLIENT_ID: BENCH_SHOPIFY.clientId,
      SHOPIFY_CLIENT_SECRET: BENCH_SHOPIFY.clientSecret,
    },
    logDir: ctx.logDir,
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(started, `${origin}/control/health`);
  return { process: started, origin };
}

export async function startBareServer(ctx: StackContext, databaseUrl: string): Promise<WebServer> {
  const port = await freePort();
  const started = startProcess({
    name: "bare-server",
    command: process.execPath,
    args: ["--import", "tsx", "bench/bare-server.ts"],
    cwd: ctx.sourceDir,
    env: {
      BARE_PORT: String(port),
      BARE_SECRET: BENCH_SHOPIFY.clientSecret,
      DATABASE_URL: databaseUrl,
    },
    logDir: ctx.logDir,
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(started, `${origin}/`);
  return { process: started, origin };
}
