import type { z } from "zod";

/**
 * A job as data: its queue name, payload schema and queue settings. This is all that
 * code which enqueues needs (with `enqueue` from ./queue); the work itself is the job's
 * handler (./job-handler), which only the worker loads. So enqueueing never imports the
 * handler's dependencies, and a handler may enqueue any job without an import cycle.
 */
export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  schema: Schema;
  /** Attempts after the first; the queue retries a failed job with backoff. */
  retryLimit: number;
  retryDelaySeconds: number;
  /**
   * How long a worker may hold the job. A worker that dies holding it (kill -9, OOM, a
   * lost machine) gives it back only after this, plus the maintenance interval (30 s),
   * so every job states one suited to its work (pg-boss's default, 15 minutes, is
   * never used): a dead process's job is retried within minutes.
   */
  expireInSeconds: number;
  /** Run on this schedule (cron, UTC) as well as when enqueued. */
  cron?: string;
}

export function defineJob<Schema extends z.ZodType>(
  job: JobDefinition<Schema>,
): JobDefinition<Schema> {
  return job;
}
