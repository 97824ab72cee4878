import { getDbHandle } from "@/db";
import { getConfig } from "@/lib/config/env";
import { jobRegistry } from "@/lib/jobs/registry";
import { startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/log/logger";
import { getQueue } from "./queue";

const holder = globalThis as unknown as { facturoWorker?: boolean };

/** Runs every job in this process (the web process in embedded mode), on the process's queue. */
export async function runWorkerInThisProcess(): Promise<void> {
  if (holder.facturoWorker) return;
  holder.facturoWorker = true;
  const [boss, handle] = await Promise.all([getQueue(), getDbHandle()]);
  await startWorker(boss, jobRegistry, { db: handle.db, config: getConfig(), log: logger });
  logger.info(
    { jobs: jobRegistry.map((j) => j.job.name), database: handle.kind },
    "Worker started",
  );
}
