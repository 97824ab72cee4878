import type { Queue } from "./queue";

/**
 * A queue for runs that must send nothing (a preview, a job run in place by the CLI,
 * a test calling a handler directly): any use throws `reason`, so a job that would
 * queue follow-up work fails loudly instead of queueing it somewhere unexpected.
 */
export function refusingQueue(reason: string): Queue {
  return new Proxy({} as Queue, {
    get(_target, property) {
      // Not a thenable: `await` on it (or Promise.resolve) must not throw.
      if (property === "then") return undefined;
      throw new Error(reason);
    },
  });
}
