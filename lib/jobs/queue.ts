import PgBoss from "pg-boss";
import type { z } from "zod";
import type { DbHandle } from "@/db";
import type { JobDefinition } from "./define-job";

/**
 * pg-boss on the app's own database connection: the same code on PGlite and on
 * PostgreSQL (pg-boss accepts any `executeSql`; see db/client.ts for PGlite's
 * multi-statement quirk). Jobs survive restarts because they are rows.
 */
export type Queue = PgBoss;

export async function startQueue(
  handle: DbHandle,
  options: { schema?: string } = {},
): Promise<Queue> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => handle.executeSql(text, values) },
    schema: options.schema ?? "pgboss",
    // Embedded mode has one process; maintenance is cheap and keeps the tables small.
    supervise: true,
    // Cron jobs (the hourly Shopify reconciliation): pg-boss elects one process to fire them.
    schedule: true,
    // Expired jobs (held by a worker that died) are found by this maintenance (default 120 s).
    maintenanceIntervalSeconds: 30,
  });
  boss.on("error", (err) => {
    // pg-boss reports maintenance errors here; they must not crash the process.
    console.error("[queue] background error", err);
  });
  await boss.start();
  return boss;
}

// Queues this process has already created or updated (once per process is enough).
const ensuredQueues = new WeakMap<Queue, Set<string>>();

// Two processes creating the same queue at once can deadlock or collide in pg-boss's
// own tables; the second attempt finds the queue made by the first.
const RACE_CODES = new Set(["40P01", "23505", "42P07"]);

/** Creates the queue (idempotent) with the job's retry policy. */
export async function ensureJobQueue(boss: Queue, job: JobDefinition): Promise<void> {
  const ensured = ensuredQueues.get(boss) ?? new Set<string>();
  ensuredQueues.set(boss, ensured);
  if (ensured.has(job.name)) return;
  const policy = {
    retryLimit: job.retryLimit,
    retryDelay: job.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: job.expireInSeconds,
  };
  for (let attempt = 1; ; attempt++) {
    try {
      const existing = await boss.getQueue(job.name);
      if (existing) await boss.updateQueue(job.name, { name: job.name, ...policy });
      else await boss.createQueue(job.name, { name: job.name, ...policy });
      break;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 5 || typeof code !== "string" || !RACE_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt + Math.random() * 50));
    }
  }
  ensured.add(job.name);
}

export interface EnqueueOptions {
  startAfterSeconds?: number;
  /**
   * At most one job per `seconds` for this key, across every process (pg-boss's
   * singleton slots, a unique index in its table): a job sent while the current slot
   * has one goes into the next slot instead, once, and further ones are dropped. So
   * nothing is lost, only gathered: a burst becomes two jobs at most.
   */
  debounce?: { key: string; seconds: number };
}

export async function enqueue<Schema extends z.ZodType>(
  boss: Queue,
  job: JobDefinition<Schema>,
  data: z.input<Schema>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const payload = job.schema.parse(data) as object;
  await ensureJobQueue(boss, job);
  if (options.debounce) {
    return boss.sendDebounced(
      job.name,
      payload,
      {},
      options.debounce.seconds,
      options.debounce.key,
    );
  }
  return boss.send(job.name, payload, {
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
  });
}
