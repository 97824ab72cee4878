import type { Db } from "@/db/client";
import { countWorkersSeenSince, readyJobs } from "@/db/queries/worker-heartbeats";

export interface QueueHealth {
  /** Jobs ready to run (created or waiting for a retry whose time has come). */
  waiting: number;
  /** Age of the oldest of those, in seconds (0 when none). */
  oldestWaitingSeconds: number;
  /** Worker processes seen in the last 2 minutes. */
  workersSeen: number;
  /** Jobs wait for over 5 minutes, or wait and no worker was seen: the pipeline is stuck. */
  stalled: boolean;
}

export const STALLED_AFTER_SECONDS = 300;

/** The queue as a monitor wants it: how long the oldest ready job has waited, and who works. */
export async function queueHealth(db: Db, now: Date = new Date()): Promise<QueueHealth> {
  const { waiting, oldest } = await readyJobs(db);
  const oldestWaitingSeconds = oldest
    ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000))
    : 0;
  const workersSeen = await countWorkersSeenSince(db, new Date(now.getTime() - 120_000));
  return {
    waiting,
    oldestWaitingSeconds,
    workersSeen,
    stalled: oldestWaitingSeconds > STALLED_AFTER_SECONDS || (waiting > 0 && workersSeen === 0),
  };
}
