import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z, ZodError } from "zod";
import type { DbHandle } from "@/db/client";
import { openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { parseConfig } from "@/lib/config/env";
import { defineJob } from "./define-job";
import { defineJobHandler } from "./job-handler";
import { PermanentJobError } from "./permanent-job-error";
import { enqueue, startQueue, type Queue } from "./queue";
import { loadedJob, startWorker } from "./worker";

// Queue names are unique per run: on PostgreSQL the pg-boss schema is shared by the run.
const suffix = uniqueSuffix();
const payload = z.object({ invoiceId: z.string().uuid(), attempt: z.number().int().optional() });

const onceCalls: unknown[] = [];
const onceJob = defineJob({
  name: `test-once-${suffix}`,
  schema: payload,
  retryLimit: 3,
  retryDelaySeconds: 1,
  expireInSeconds: 60,
});
const onceHandler = defineJobHandler(onceJob, async (data) => {
  onceCalls.push(data);
});

let flakyAttempts = 0;
const flakyJob = defineJob({
  name: `test-flaky-${suffix}`,
  schema: payload,
  retryLimit: 2,
  // With retryBackoff (set by ensureJobQueue) the first retry waits 1-2 s.
  retryDelaySeconds: 1,
  expireInSeconds: 60,
});
const flakyHandler = defineJobHandler(flakyJob, async () => {
  flakyAttempts += 1;
  if (flakyAttempts === 1) throw new Error("provider down on the first attempt");
});

// Never run: its payload is refused before anything is queued.
const neverSentJob = defineJob({
  name: `test-never-sent-${suffix}`,
  schema: payload,
  retryLimit: 0,
  retryDelaySeconds: 1,
  expireInSeconds: 60,
});

let permanentAttempts = 0;
const permanentJob = defineJob({
  name: `test-permanent-${suffix}`,
  schema: payload,
  retryLimit: 3,
  retryDelaySeconds: 1,
  expireInSeconds: 60,
});
const permanentHandler = defineJobHandler(permanentJob, async () => {
  permanentAttempts += 1;
  throw new PermanentJobError("the provider refused the address", "test_refused");
});

let invalidPayloadCalls = 0;
const invalidPayloadJob = defineJob({
  name: `test-invalid-payload-${suffix}`,
  schema: payload,
  retryLimit: 3,
  retryDelaySeconds: 1,
  expireInSeconds: 60,
});
const invalidPayloadHandler = defineJobHandler(invalidPayloadJob, async () => {
  invalidPayloadCalls += 1;
});

const config = parseConfig({
  NODE_ENV: "test",
  AUTH_SECRET: "x".repeat(32),
  ENCRYPTION_KEY: Buffer.alloc(32).toString("base64"),
  EMAIL_TRANSPORT: "outbox",
});

let handle: DbHandle;
let boss: Queue;

beforeAll(async () => {
  handle = await openTestDb();
  boss = await startQueue(handle);
  await startWorker(
    boss,
    [onceHandler, flakyHandler, permanentHandler, invalidPayloadHandler].map(loadedJob),
    {
      db: handle.db,
      config,
      log: pino({ level: "silent" }),
    },
  );
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await handle?.close();
});

async function jobState(name: string, id: string) {
  return boss.getJobById(name, id);
}

describe("job queue", () => {
  it("runs an enqueued job exactly once", async () => {
    const data = { invoiceId: crypto.randomUUID() };
    const id = await enqueue(boss, onceJob, data);
    expect(id).toBeTruthy();

    await vi.waitFor(() => expect(onceCalls).toHaveLength(1), { timeout: 15_000, interval: 100 });
    expect(onceCalls[0]).toEqual(data);
    await vi.waitFor(
      async () => expect((await jobState(onceJob.name, id!))?.state).toBe("completed"),
      {
        timeout: 5_000,
        interval: 100,
      },
    );

    // Several polling rounds (0.5 s) later, still one call.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(onceCalls).toHaveLength(1);
  });

  it("retries a job that failed and lets the retry succeed", async () => {
    const id = await enqueue(boss, flakyJob, { invoiceId: crypto.randomUUID() });

    await vi.waitFor(
      async () => expect((await jobState(flakyJob.name, id!))?.state).toBe("completed"),
      {
        timeout: 20_000,
        interval: 200,
      },
    );
    expect(flakyAttempts).toBe(2);
    const job = await jobState(flakyJob.name, id!);
    expect(job).toMatchObject({ retryCount: 1, retryLimit: 2, retryDelay: 1, retryBackoff: true });
  });

  it("rejects an invalid payload before anything is queued", async () => {
    await expect(enqueue(boss, neverSentJob, { invoiceId: "not-a-uuid" })).rejects.toBeInstanceOf(
      ZodError,
    );
    await expect(
      enqueue(boss, neverSentJob, {} as unknown as z.input<typeof payload>),
    ).rejects.toBeInstanceOf(ZodError);
    // The queue is created only after validation, so its absence proves nothing was sent.
    expect(await boss.getQueue(neverSentJob.name)).toBeNull();
  });

  it("does not retry a job whose handler throws a PermanentJobError", async () => {
    const id = await enqueue(boss, permanentJob, { invoiceId: crypto.randomUUID() });

    await vi.waitFor(
      async () => expect((await jobState(permanentJob.name, id!))?.state).toBe("completed"),
      { timeout: 15_000, interval: 100 },
    );
    // Past the first retry's delay (1-2 s with backoff): still a single attempt.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(permanentAttempts).toBe(1);
    const job = await jobState(permanentJob.name, id!);
    expect(job).toMatchObject({ state: "completed", retryCount: 0, retryLimit: 3 });
    expect(job?.output).toMatchObject({ permanentError: "test_refused" });
  });

  it("does not retry a job whose payload reaches the worker invalid", async () => {
    // Straight through pg-boss, as an older release or a hand-written row could.
    const id = await boss.send(invalidPayloadJob.name, { invoiceId: "not-a-uuid" });
    expect(id).toBeTruthy();

    await vi.waitFor(
      async () => expect((await jobState(invalidPayloadJob.name, id!))?.state).toBe("completed"),
      { timeout: 15_000, interval: 100 },
    );
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const job = await jobState(invalidPayloadJob.name, id!);
    expect(job).toMatchObject({ state: "completed", retryCount: 0 });
    expect(job?.output).toEqual({ permanentError: "invalid_payload" });
    expect(invalidPayloadCalls).toBe(0);
  });
});
