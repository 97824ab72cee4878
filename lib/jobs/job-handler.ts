import type { z } from "zod";
import type { Db } from "@/db";
import type { AppConfig } from "@/lib/config/env";
import type { Logger } from "@/lib/log/logger";
import type { JobDefinition } from "./define-job";
import type { Queue } from "./queue";

/** What every job handler gets: explicit dependencies, no globals. */
export interface JobContext {
  db: Db;
  config: AppConfig;
  log: Logger;
  /** True when a failure now will not be retried: the handler may record it for the merchant. */
  isLastAttempt?: boolean;
  /** The queue the worker runs on, for jobs that queue follow-up work. */
  queue: Queue;
}

/**
 * The work of one job. It throws to fail, and the queue retries it up to the
 * definition's `retryLimit` times; a PermanentJobError ends it without retries.
 * A handler module is imported only by the worker's registry (./registry.ts) and by
 * tests, never by code that enqueues.
 */
export interface JobHandler<Schema extends z.ZodType = z.ZodType> {
  /** The definition this handler runs: the worker checks it against its registry entry. */
  job: JobDefinition<Schema>;
  run(data: z.output<Schema>, ctx: JobContext): Promise<void>;
}

export function defineJobHandler<Schema extends z.ZodType>(
  job: JobDefinition<Schema>,
  run: (data: z.output<Schema>, ctx: JobContext) => Promise<void>,
): JobHandler<Schema> {
  return { job, run };
}
