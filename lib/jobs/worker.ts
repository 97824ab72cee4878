import { PermanentJobError, type JobContext, type JobDefinition } from "./define-job";
import type { JobWithMetadata } from "pg-boss";
import { isDatabaseUnavailable } from "@/db/errors";
import { ensureJobQueue, type Queue } from "./queue";

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
  job: JobDefinition,
  received: JobWithMetadata<unknown>,
  boss: Queue,
  ctx: JobContext,
): Promise<JobOutcome> {
  const log = ctx.log.child({ job: job.name, jobId: received.id });
  const parsed = job.schema.safeParse(received.data);
  if (!parsed.success) {
    log.error({ issues: parsed.error.issues }, "Job payload is invalid; not retried");
    return { failed: false, output: { permanentError: "invalid_payload" } };
  }
  try {
    const isLastAttempt = received.retryCount >= received.retryLimit;
    await job.handler(parsed.data, { queue: boss, ...ctx, log, isLastAttempt });
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
  jobs: readonly JobDefinition[],
  ctx: JobContext,
  options: { pollingIntervalSeconds?: number; batchSize?: number } = {},
): Promise<void> {
  for (const job of jobs) {
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
            const outcome = await runJob(job, received, boss, ctx);
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
