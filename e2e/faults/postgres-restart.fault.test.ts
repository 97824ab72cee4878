import { afterAll, beforeAll, expect, it } from "vitest";
import { compareOrders, documentsPerOrder, eventually, settle } from "./support/checks";
import {
  clusterDir,
  ensureClusterRunning,
  startCluster,
  stopCluster,
} from "./support/postgres-cluster";
import { isRunning } from "./support/processes";
import { seedMerchant, type Merchant } from "./support/seed";
import { APP_URL, startStack, type Stack } from "./support/stack";
import { recordFaults } from "./support/tally";
import {
  deliverUntilAcknowledged,
  delivery,
  inParallel,
  makeOrder,
  newStats,
  serverErrorsIn,
} from "./support/webhooks";

/**
 * PostgreSQL stops (fast shutdown: every connection cut) in the middle of a burst
 * and comes back 5 s later. While it is away a delivery cannot be stored, so it
 * must be refused (never a 2xx for something not kept) and Shopify retries it.
 * After recovery every order has one complete document, and the same web and
 * worker processes carry on: no restart needed.
 */
const ORDERS = 120;
const OUTAGE_MS = 5_000;
// 503 is the honest answer while the database is away; a 500 would say "bug".
const OUTAGE_STATUSES = [503];

let stack: Stack;
let merchant: Merchant;

beforeAll(async () => {
  stack = await startStack("postgres_restart", { workers: 1 });
  merchant = await seedMerchant(stack.handle.db, { settings: { trigger: "order_created" } });
});

afterAll(async () => {
  // Failing mid-outage must not leave the cluster down for the cases after this one.
  await ensureClusterRunning(clusterDir());
  await stack?.stopAll();
});

it("a PostgreSQL restart during a burst: refused while down, all processed after, no restart", async () => {
  const orders = Array.from({ length: ORDERS }, (_, i) => makeOrder(2000 + i));
  const stats = newStats();
  const outageStats = newStats();
  let outage = false;
  const webPid = stack.web.child.pid;
  const workerPid = stack.workers[0]?.child.pid;

  const restart = (async () => {
    await eventually("a third of the burst acknowledged", async () => stats.acknowledged > 40);
    await stopCluster(clusterDir());
    // Answers to requests the database took before it stopped may still be on their way.
    await new Promise((resolve) => setTimeout(resolve, 500));
    outage = true;
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    outage = false;
    await startCluster(clusterDir());
  })();
  await inParallel(orders, 4, async (order) => {
    const d = delivery("orders/create", merchant.shop, order);
    await deliverUntilAcknowledged(d, stats, 120_000, (status) => {
      if (outage) outageStats.statuses.set(status, (outageStats.statuses.get(status) ?? 0) + 1);
    });
  });
  await restart;

  const settled = await settle(stack.handle, merchant.organisationId, 180_000);
  const { lost, duplicated } = compareOrders(
    orders.map((o) => String(o.id)),
    await documentsPerOrder(stack.handle, merchant.organisationId),
  );
  // Half-written: a document without its lines, or without its totals.
  const half = await stack.handle.executeSql(
    `select count(*)::int as n from document d where organisation_id = $1
     and (total_cents = 0 or not exists (select 1 from document_line l where l.document_id = d.id))`,
    [merchant.organisationId],
  );
  const halfWritten = (half.rows[0] as { n: number }).n;
  const health = await fetch(`${APP_URL}/api/health`);
  const serverErrors = serverErrorsIn(stats, OUTAGE_STATUSES);
  recordFaults("PostgreSQL restart", {
    tried: ORDERS,
    lost: lost + halfWritten,
    duplicated,
    serverErrors,
  });
  console.log("answers (all attempts):", Object.fromEntries(stats.statuses));
  console.log("answers seen during the outage:", Object.fromEntries(outageStats.statuses));
  console.log(`settled in ${Math.round(settled.ms / 1000)} s:`, settled.settled, settled.jobs);
  expect(stats.acknowledged).toBe(ORDERS);
  expect({ waiting: settled.waiting, jobs: settled.jobs }).toEqual({ waiting: 0, jobs: [] });
  expect({ lost, duplicated, halfWritten }).toEqual({ lost: 0, duplicated: 0, halfWritten: 0 });
  expect(serverErrors).toBe(0);
  // Refusals happened (the outage was real), and while it lasted nothing was acknowledged.
  expect(stats.attempts).toBeGreaterThan(ORDERS);
  expect([...outageStats.statuses.keys()].filter((s) => s >= 200 && s < 300)).toEqual([]);
  expect(health.status).toBe(200);
  expect([stack.web.child.pid, isRunning(stack.web)]).toEqual([webPid, true]);
  const worker = stack.workers[0];
  expect(worker && [worker.child.pid, isRunning(worker)]).toEqual([workerPid, true]);
});
