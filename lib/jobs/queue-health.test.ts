import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DbHandle } from "@/db";
import { openTestDb } from "@/db/testing/test-db";
import { testJobContext } from "./testing/test-worker";
import { defineJob } from "./define-job";
import { startHeartbeat } from "./heartbeat";
import { enqueue, startQueue, type Queue } from "./queue";
import { queueHealth } from "./queue-health";

let handle: DbHandle;
let boss: Queue;

beforeAll(async () => {
  handle = await openTestDb();
  // The health check reads pg-boss's own schema, as the app uses it.
  boss = await startQueue(handle);
});

afterAll(async () => {
  await boss?.stop({ graceful: false, close: false });
  await handle?.close();
});

const waitingJob = defineJob({
  name: "health-test-waiting",
  retryLimit: 0,
  retryDelaySeconds: 1,
  expireInSeconds: 60,
  schema: z.object({ n: z.number() }),
});

describe("queue health", () => {
  it("reports ready jobs, the oldest one's age and the workers seen recently", async () => {
    await enqueue(boss, waitingJob, { n: 1 });
    const before = await queueHealth(handle.db, new Date(Date.now() + 10 * 60_000));
    expect(before.waiting).toBeGreaterThanOrEqual(1);
    expect(before.oldestWaitingSeconds).toBeGreaterThanOrEqual(600);
    expect(before.stalled).toBe(true);
    const heartbeat = await startHeartbeat(handle.db, "worker", testJobContext(handle).log);
    expect((await queueHealth(handle.db)).workersSeen).toBeGreaterThanOrEqual(1);
    await heartbeat.stop();
  });
});
