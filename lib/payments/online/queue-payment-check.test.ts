import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { openTestDb } from "@/db/testing/test-db";
import { startQueue, type Queue } from "@/lib/jobs/queue";
import { queuePaymentCheck } from "./queue-payment-check";

let handle: DbHandle;
let boss: Queue;
const schema = `pgboss_test_${randomBytes(5).toString("hex")}`;

beforeAll(async () => {
  handle = await openTestDb();
  boss = await startQueue(handle, { schema });
});

afterAll(async () => {
  await boss?.stop({ graceful: false });
  await handle?.close();
});

describe("payment checks", () => {
  it("gathers 200 notifications of one payment into one check per 10 s slot (and one next)", async () => {
    const id = `tr_${randomBytes(6).toString("hex")}`;
    const started = Date.now();
    const ids = await Promise.all(
      Array.from({ length: 200 }, () => queuePaymentCheck(boss, "mollie", id)),
    );
    const slots = Math.floor(Date.now() / 10_000) - Math.floor(started / 10_000) + 1;
    const queued = new Set(ids.filter(Boolean));
    expect(queued.size).toBeGreaterThanOrEqual(1);
    // One per slot the burst touched, plus the one put in the slot after it.
    expect(queued.size).toBeLessThanOrEqual(slots + 1);
    // Another payment has its own slot.
    expect(await queuePaymentCheck(boss, "mollie", `${id}x`)).not.toBeNull();
  });
});
