import { randomBytes } from "node:crypto";
import pino from "pino";
import type { DbHandle } from "@/db/client";
import { parseConfig } from "@/lib/config/env";
import type { JobDefinition } from "../define-job";
import type { JobContext } from "../job-handler";
import { startQueue, type Queue } from "../queue";
import { refusingQueue } from "../refusing-queue";
import { registrationsOf } from "../registry";
import { startWorker } from "../worker";

/**
 * What a job handler gets in tests: the test database, the outbox, a silent log, and a
 * queue that refuses (a test whose handler queues follow-up work passes its own).
 */
export function testJobContext(
  handle: DbHandle,
  env: Record<string, string | undefined> = {},
): JobContext {
  const config = parseConfig({
    NODE_ENV: "test",
    AUTH_SECRET: "x".repeat(40),
    ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    EMAIL_TRANSPORT: "outbox",
    ...env,
  });
  return {
    db: handle.db,
    config,
    log: pino({ level: "silent" }),
    queue: refusingQueue("This test gave its job context no queue"),
  };
}

/**
 * A queue on the test database with a worker running these jobs (their handlers from the
 * registry); stop it in afterAll.
 */
export async function startTestWorker(
  handle: DbHandle,
  jobs: readonly JobDefinition[],
  ctx: JobContext = testJobContext(handle),
): Promise<Queue> {
  // On PostgreSQL every test file shares one database: a queue schema of its own keeps
  // another file's worker (with another configuration) from taking this file's jobs.
  const boss = await startQueue(handle, {
    schema: `pgboss_test_${randomBytes(5).toString("hex")}`,
  });
  await startWorker(boss, registrationsOf(jobs), ctx, { pollingIntervalSeconds: 0.5 });
  return boss;
}
