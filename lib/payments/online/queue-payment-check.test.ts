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
  it("gathers 200 notifications of one payment into at most two queued checks", async () => {
    const id = `tr_${randomBytes(6).toString("hex")}`;
    const ids = await Promise.all(
      Array.from({ length: 200 }, () => queuePaymentCheck(boss, "mollie", id)),
    );
    const queued = new Set(ids.filter(Boolean));
    expect(queued.size).toBeGreaterThanOrEqual(1);
    expect(queued.size).toBeLessThanOrEqual(2);
    // Another payment has its own slot.
    expect(await queuePaymentCheck(boss, "mollie", `${id}x`)).not.toBeNull();
  });
});
