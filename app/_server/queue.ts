import "server-only";
import { getDbHandle } from "@/db";
import { startQueue, type Queue } from "@/lib/jobs/queue";

// The one process-level holder of the queue. It lives in the app's entry layer, and code
// in lib/ receives the queue as an argument (or in its JobContext), never from here.
// On globalThis, not in a module variable: instrumentation and the route bundles are
// separate module instances in one Next.js process, and all of them must share one pg-boss.
const holder = globalThis as unknown as { facturoQueue?: Promise<Queue> };

/** The process's queue client, started on first use; pass it to the lib code that enqueues. */
export function getQueue(): Promise<Queue> {
  holder.facturoQueue ??= getDbHandle()
    .then(startQueue)
    .catch((err: unknown) => {
      holder.facturoQueue = undefined;
      throw err;
    });
  return holder.facturoQueue;
}
