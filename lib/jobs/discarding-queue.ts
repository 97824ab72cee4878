import type { Queue } from "./queue";

/** A job a discarding queue was given. */
export interface DiscardedJob {
  readonly name: string;
  readonly data: unknown;
}

/**
 * A queue for previews that run the merchant's own path (send: number, snapshots,
 * payments) in a throw-away database: every job it is given is kept in `jobs` and never
 * runs, so nothing is emailed or transmitted. Any other use of the queue throws.
 */
export function discardingQueue(): { queue: Queue; jobs: DiscardedJob[] } {
  const jobs: DiscardedJob[] = [];
  const known = new Set<string>();
  const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {
    getQueue: async (name) => (known.has(String(name)) ? { name } : null),
    createQueue: async (name) => void known.add(String(name)),
    updateQueue: async () => undefined,
    send: async (name, data) => {
      jobs.push({ name: String(name), data });
      return `discarded-${jobs.length}`;
    },
  };
  const queue = new Proxy({} as Queue, {
    get(_target, property) {
      // Not a thenable: `await` on it (or Promise.resolve) must not throw.
      if (property === "then") return undefined;
      const method = typeof property === "string" ? methods[property] : undefined;
      if (!method) throw new Error(`a discarding queue has no ${String(property)}`);
      return method;
    },
  });
  return { queue, jobs };
}
