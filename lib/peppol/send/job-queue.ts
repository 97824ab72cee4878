import type { JobContext } from "@/lib/jobs/define-job";
import type { Queue } from "@/lib/jobs/queue";

/** The queue a job queues follow-up work on: the worker's, else the process's. */
export async function queueOf(ctx: JobContext): Promise<Queue> {
  return ctx.queue ?? (await (await import("@/lib/jobs/runtime")).getQueue());
}
