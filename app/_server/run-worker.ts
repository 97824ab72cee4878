import { getDbHandle } from "@/db";
import { getConfig } from "@/lib/config/env";
import { startHeartbeat } from "@/lib/jobs/heartbeat";
import { jobRegistry } from "@/lib/jobs/registry";
import { startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/log/logger";
import { getQueue } from "./queue";

const holder = globalThis as unknown as { facturoWorker?: boolean };

/** How long a stopping web process lets its worker's running jobs finish. */
const STOP_TIMEOUT_MS = 20_000;

/** Runs every job in this process (the web process in embedded mode), on the process's queue. */
export async function runWorkerInThisProcess(): Promise<void> {
  if (holder.facturoWorker) return;
  holder.facturoWorker = true;
  const [boss, handle] = await Promise.all([getQueue(), getDbHandle()]);
  await startWorker(boss, jobRegistry, { db: handle.db, config: getConfig(), log: logger });
  const heartbeat = await startHeartbeat(handle.db, "web", logger);
  logger.info(
    { jobs: jobRegistry.map((j) => j.job.name), database: handle.kind },
    "Worker started",
  );
  stopWorkerBeforeExit(async () => {
    await heartbeat.stop();
    // No new jobs; running ones get STOP_TIMEOUT_MS, then pg-boss fails them (failWip)
    // so another process retries them at once instead of after their expiry. The
    // queue's connection stays open: requests still in flight may enqueue.
    await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS, close: false });
  });
}

/**
 * On SIGTERM/SIGINT, Next.js closes the server and exits at once. Its listeners are
 * taken over: the worker stops first (while the server still answers), then Next.js's
 * own shutdown runs as before.
 */
function stopWorkerBeforeExit(stopWorker: () => Promise<void>): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const next = process.listeners(signal);
    process.removeAllListeners(signal);
    let stopping = false;
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "Stopping the worker before the server");
      void stopWorker()
        .catch((err: unknown) => logger.error({ err }, "Worker did not stop cleanly"))
        .finally(() => {
          if (next.length === 0) process.exit(signal === "SIGTERM" ? 143 : 130);
          for (const listener of next) listener(signal);
        });
    });
  }
}
