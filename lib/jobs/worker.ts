import { PermanentJobError, type JobContext, type JobDefinition } from "./define-job";
import { ensureJobQueue, type Queue } from "./queue";

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
  options: { pollingIntervalSeconds?: number } = {},
): Promise<void> {
  for (const job of jobs) {
    await ensureJobQueue(boss, job);
    // pg-boss keeps one schedule per name, whichever worker sets it: idempotent.
    if (job.cron) await boss.schedule(job.name, job.cron, {});
    await boss.work(
      job.name,
      {
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
        batchSize: 1,
        includeMetadata: true,
      },
      async ([received]) => {
        if (!received) return;
        const log = ctx.log.child({ job: job.name, jobId: received.id });
        const parsed = job.schema.safeParse(received.data);
        if (!parsed.success) {
          log.error({ issues: parsed.error.issues }, "Job payload is invalid; not retried");
          return { permanentError: "invalid_payload" };
        }
        try {
          const isLastAttempt = received.retryCount >= received.retryLimit;
          await job.handler(parsed.data, { queue: boss, ...ctx, log, isLastAttempt });
          log.debug("Job done");
        } catch (err) {
          if (err instanceof PermanentJobError) {
            log.error({ err }, "Job failed permanently; not retried");
            return { permanentError: err.code, message: err.message };
          }
          log.warn({ err }, "Job failed; the queue will retry it if attempts remain");
          throw err;
        }
      },
    );
  }
}
