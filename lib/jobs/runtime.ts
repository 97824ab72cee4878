import { getDbHandle } from "@/db";
import { getConfig } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";
import { allJobs } from "./catalog";
import { startQueue, type Queue } from "./queue";
import { startWorker } from "./worker";

const holder = globalThis as unknown as { facturoQueue?: Promise<Queue>; facturoWorker?: boolean };

/** The process's queue client (sending only), started on first use. */
export function getQueue(): Promise<Queue> {
  holder.facturoQueue ??= getDbHandle()
    .then(startQueue)
    .catch((err: unknown) => {
      holder.facturoQueue = undefined;
      throw err;
    });
  return holder.facturoQueue;
}

/** Runs every job in this process (the web process in embedded mode, or `facturo worker`). */
export async function runWorkerInThisProcess(): Promise<void> {
  if (holder.facturoWorker) return;
  holder.facturoWorker = true;
  const [boss, handle] = await Promise.all([getQueue(), getDbHandle()]);
  await startWorker(boss, allJobs, { db: handle.db, config: getConfig(), log: logger });
  logger.info({ jobs: allJobs.map((j) => j.name), database: handle.kind }, "Worker started");
}
