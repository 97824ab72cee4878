import type { z } from "zod";
import type { Db } from "@/db";
import type { AppConfig } from "@/lib/config/env";
import type { Logger } from "@/lib/log/logger";
import type { Queue } from "./queue";

/** What every job handler gets: explicit dependencies, no globals. */
export interface JobContext {
  db: Db;
  config: AppConfig;
  log: Logger;
  /** True when a failure now will not be retried: the handler may record it for the merchant. */
  isLastAttempt?: boolean;
  /** The queue the worker runs on, for jobs that queue follow-up work. */
  queue?: Queue;
}

/**
 * A job is data (a queue name and a payload schema) plus a handler. The handler
 * throws to fail; the queue retries it up to `retryLimit` times with backoff.
 */
export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  schema: Schema;
  retryLimit: number;
  retryDelaySeconds: number;
  /**
   * How long a worker may hold the job (pg-boss's default: 15 minutes). A worker that
   * dies holding it (kill -9, OOM, a lost machine) gives it back only after this, plus
   * the maintenance interval, so short jobs say so.
   */
  expireInSeconds?: number;
  /** Run on this schedule (cron, UTC) as well as when enqueued. */
  cron?: string;
  handler(data: z.output<Schema>, ctx: JobContext): Promise<void>;
}

export function defineJob<Schema extends z.ZodType>(
  job: JobDefinition<Schema>,
): JobDefinition<Schema> {
  return job;
}

/**
 * Thrown by a handler when retrying cannot help (a refused address, a malformed
 * payload). The worker records it on the job instead of scheduling retries.
 */
export class PermanentJobError extends Error {
  constructor(
    message: string,
    public readonly code: string,
  ) {
    super(message);
    this.name = "PermanentJobError";
  }
}
