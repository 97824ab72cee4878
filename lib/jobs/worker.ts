import type { JobWithMetadata } from "pg-boss";
import type { z } from "zod";
import { isDatabaseUnavailable } from "@/db/errors";
import type { JobDefinition } from "./define-job";
import type { JobContext, JobHandler } from "./job-handler";
import { PermanentJobError } from "./permanent-job-error";
import { ensureJobQueue, type Queue } from "./queue";

/** A job the worker runs: its definition, and how to get its handler. */
export interface JobRegistration<Schema extends z.ZodType = z.ZodType> {
  job: JobDefinition<Schema>;
  /** Called before each run; a module import is cached by the runtime after the first. */
  load(): Promise<JobHandler<Schema>>;
}

/** A handler loaded on first use (the registry's way: the web process loads none up front). */
export function lazyJob<Schema extends z.ZodType>(
  job: JobDefinition<Schema>,
  load: () => Promise<JobHandler<Schema>>,
): JobRegistration<Schema> {
  return { job, load };
}

/** A handler already in hand (tests, jobs defined inline). */
export function loadedJob<Schema extends z.ZodType>(
  handler: JobHandler<Schema>,
): JobRegistration<Schema> {
  return { job: handler.job, load: async () => handler };
}

/** What the worker gives every handler, besides its own queue and the attempt. */
export type WorkerContext = Omit<JobContext, "queue" | "isLastAttempt">;

type JobOutcome =
  | { failed: false; output?: Record<string, unknown> }
  | { failed: true; error: Record<string, unknown> };

/**
 * Records a job's end, waiting out a database outage (up to a minute): a batch that
 * cannot record its ends would stay "active" until its jobs expire, minutes later.
 */
async function whenDatabaseIsBack(record: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await record();
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

/** One job: parse, run, and say how it ended (a throw becomes a failure to retry). */
async function runJob(
  registration: JobRegistration,
  received: JobWithMetadata<unknown>,
  boss: Queue,
  ctx: WorkerContext,
): Promise<JobOutcome> {
  const { job } = registration;
  const log = ctx.log.child({ job: job.name, jobId: received.id });
  const parsed = job.schema.safeParse(received.data);
  if (!parsed.success) {
    log.error({ issues: parsed.error.issues }, "Job payload is invalid; not retried");
    return { failed: false, output: { permanentError: "invalid_payload" } };
  }
  try {
    const handler = await registration.load();
    if (handler.job !== job) {
      throw new Error(`The handler registered for ${job.name} runs ${handler.job.name}`);
    }
    const isLastAttempt = received.retryCount >= received.retryLimit;
    await handler.run(parsed.data, { ...ctx, queue: boss, log, isLastAttempt });
    log.debug("Job done");
    return { failed: false };
  } catch (err) {
    if (err instanceof PermanentJobError) {
      log.error({ err }, "Job failed permanently; not retried");
      return { failed: false, output: { permanentError: err.code, message: err.message } };
    }
    log.warn({ err }, "Job failed; the queue will retry it if attempts remain");
    const error = err instanceof Error ? err : new Error(String(err));
    return {
      failed: true,
      error: { name: error.name, message: error.message, stack: error.stack },
    };
  }
}

/**
 * Subscribes a worker to every job. A handler's throw marks the job failed and
 * pg-boss schedules the retry. An invalid payload or a PermanentJobError cannot be
 * helped by retrying: the job ends at once with the reason as its output, logged
 * and kept in the queue tables.
 */
export async function startWorker(
  boss: Queue,
  jobs: readonly JobRegistration[],
  ctx: WorkerContext,
  options: { pollingIntervalSeconds?: number; batchSize?: number } = {},
): Promise<void> {
  for (const registration of jobs) {
    const { job } = registration;
    await ensureJobQueue(boss, job);
    // pg-boss keeps one schedule per name, whichever worker sets it: idempotent.
    if (job.cron) await boss.schedule(job.name, job.cron, {});
    await boss.work(
      job.name,
      {
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
        // pg-boss waits out the polling interval after each fetch: one job per fetch
        // caps a queue at 2 jobs/s per process. A batch (JOB_BATCH_SIZE) runs side by
        // side, and each job is completed or failed on its own.
        batchSize: options.batchSize ?? ctx.config.JOB_BATCH_SIZE,
        includeMetadata: true,
      },
      async (batch) => {
        await Promise.all(
          batch.map(async (received) => {
            const outcome = await runJob(registration, received, boss, ctx);
            await whenDatabaseIsBack(() =>
              outcome.failed
                ? boss.fail(job.name, received.id, outcome.error)
                : boss.complete(job.name, received.id, outcome.output),
            );
          }),
        );
      },
    );
  }
}
