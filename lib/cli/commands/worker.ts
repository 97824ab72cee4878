import type { DbHandle } from "@/db/client";
import type { AppConfig } from "@/lib/config/env";
import { startHeartbeat } from "@/lib/jobs/heartbeat";
import { startQueue } from "@/lib/jobs/queue";
import { jobRegistry } from "@/lib/jobs/registry";
import { startWorker, type JobRegistration } from "@/lib/jobs/worker";
import type { Logger } from "@/lib/log/logger";
import { CliError, type CliOutput } from "../output";

export const workerUsage = "facturo worker";

/** How long a stopping worker lets running jobs finish before failing them (they are retried). */
export const workerStopTimeoutMs = 30_000;

/**
 * A separate worker needs a database several processes can share. The embedded
 * database admits one process, and the web server already runs the worker in it.
 */
export function assertSeparateWorkerPossible(config: Pick<AppConfig, "DATABASE_URL">): void {
  if (config.DATABASE_URL) return;
  throw new CliError(
    "the worker needs PostgreSQL: DATABASE_URL is not set.\n" +
      "Without it Facturo uses its embedded database, which only one process may open, " +
      "and the web server (npm run dev / npm start) already runs the job worker in-process: " +
      "there is nothing to start.\n" +
      "To run workers as separate processes, set DATABASE_URL to a PostgreSQL server " +
      "(for the web server too), optionally with RUN_WORKER_IN_WEB=false.",
  );
}

/**
 * Runs every job until `shutdown` resolves (SIGINT/SIGTERM in the CLI), then stops
 * pg-boss gracefully: no new jobs are fetched, running ones get `workerStopTimeoutMs`
 * to finish. The caller owns `handle` and closes it afterwards.
 */
export async function runWorker(deps: {
  handle: DbHandle;
  config: AppConfig;
  log: Logger;
  out: CliOutput;
  shutdown: Promise<string>;
  jobs?: readonly JobRegistration[];
  stopTimeoutMs?: number;
}): Promise<void> {
  const jobs = deps.jobs ?? jobRegistry;
  const boss = await startQueue(deps.handle);
  let heartbeat: { stop(): Promise<void> } | undefined;
  try {
    await startWorker(boss, jobs, { db: deps.handle.db, config: deps.config, log: deps.log });
    heartbeat = await startHeartbeat(deps.handle.db, "worker", deps.log);
    deps.out.err(
      `Worker started on ${deps.handle.kind} with jobs: ${jobs.map((j) => j.job.name).join(", ")}. ` +
        "Stop it with Ctrl+C (SIGINT) or SIGTERM.",
    );
    const signal = await deps.shutdown;
    deps.out.err(`Received ${signal}: letting running jobs finish, then stopping…`);
  } finally {
    await heartbeat?.stop();
    // No new jobs; running ones get the timeout to finish, then pg-boss fails them
    // (failWip) so they are retried at once instead of waiting for their expiry.
    await boss.stop({
      graceful: true,
      wait: true,
      timeout: deps.stopTimeoutMs ?? workerStopTimeoutMs,
    });
  }
  deps.out.err("Worker stopped.");
}
