import { afterAll, beforeAll, expect, it } from "vitest";
import { compareOrders, documentsPerOrder, eventually, settle } from "./support/checks";
import { startWeb, stop, waitForHttp } from "./support/processes";
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
 * A deploy stops the web process with SIGTERM while its in-process worker holds jobs
 * (RUN_WORKER_IN_WEB, as in embedded mode). The worker stops taking jobs and finishes
 * or releases the ones it holds before the process exits: right after the exit no job
 * of the merchant is still marked active (a process that just exits leaves them held
 * until their expiry, 120 s + 30 s of maintenance), and every order ends with one document.
 */
const ORDERS = 40;

let stack: Stack;
let merchant: Merchant;

beforeAll(async () => {
  stack = await startStack("graceful_shutdown", {
    workers: 0,
    env: { RUN_WORKER_IN_WEB: "true" },
  });
  merchant = await seedMerchant(stack.handle.db, {
    settings: { trigger: "order_created", autoSend: true },
  });
});

afterAll(async () => {
  await stack?.stopAll();
});

it("SIGTERM during a burst leaves no job held by the stopped process", async () => {
  const orders = Array.from({ length: ORDERS }, (_, i) => makeOrder(9000 + i));
  const stats = newStats();
  let held = -1;
  let exit = "";
  const restart = (async () => {
    await eventually("a third of the burst acknowledged", async () => stats.acknowledged > 12);
    // The worker gets 20 s to finish its jobs; the server keeps answering meanwhile.
    const stopped = stack.web;
    await stop(stopped, 40_000);
    exit = await stopped.exited;
    const active = await stack.handle.executeSql(
      "select count(*)::int as n from pgboss.job where state = 'active' and data->>'organisationId' = $1",
      [merchant.organisationId],
    );
    held = Number((active.rows[0] as { n: number }).n);
    stack.web = startWeb(stack.env, "graceful_shutdown-web-2");
    await waitForHttp(`${APP_URL}/api/health`, 90_000, stack.web);
  })();
  await inParallel(orders, 4, async (order) => {
    await deliverUntilAcknowledged(delivery("orders/create", merchant.shop, order), stats);
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  await restart;
  const settled = await settle(stack.handle, merchant.organisationId, 240_000);
  const { lost, duplicated } = compareOrders(
    orders.map((o) => String(o.id)),
    await documentsPerOrder(stack.handle, merchant.organisationId),
  );
  const serverErrors = serverErrorsIn(stats);
  recordFaults("graceful shutdown", { tried: ORDERS, lost, duplicated, serverErrors });
  console.log(`web exited with ${exit}, ${held} jobs held; settled in ${settled.ms} ms`);
  expect({ lost, duplicated, serverErrors }).toEqual({ lost: 0, duplicated: 0, serverErrors: 0 });
  expect({ waiting: settled.waiting, jobs: settled.jobs }).toEqual({ waiting: 0, jobs: [] });
  expect(exit).not.toBe("SIGKILL");
  expect(held).toBe(0);
});
