import { afterAll, beforeAll, expect, it } from "vitest";
import { compareOrders, documentsPerOrder, eventually, settle } from "./support/checks";
import { killHard, startWeb, stop, waitForHttp } from "./support/processes";
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
 * The web process goes away during a burst, once politely (SIGTERM, as a deploy
 * does) and once with kill -9. The load generator behaves like Shopify: whatever
 * was not answered with a 2xx is sent again. Every order ends with one document.
 */
const ORDERS = 200;
// Paced (about 8 orders/s, 25 s in all) so that both restarts land inside the burst.
const PAUSE_MS = 500;

let stack: Stack;
let merchant: Merchant;

beforeAll(async () => {
  stack = await startStack("web_restart", { workers: 1 });
  merchant = await seedMerchant(stack.handle.db, { settings: { trigger: "order_created" } });
});

afterAll(async () => {
  await stack?.stopAll();
});

async function restartWeb(how: "graceful" | "kill") {
  if (how === "kill") await killHard(stack.web);
  else await stop(stack.web);
  stack.web = startWeb(stack.env, `web_restart-web-${how}`);
  await waitForHttp(`${APP_URL}/api/health`, 90_000, stack.web);
}

it("restarting the web process twice during a burst loses and duplicates nothing", async () => {
  const orders = Array.from({ length: ORDERS }, (_, i) => makeOrder(4000 + i));
  const stats = newStats();
  const restarts = (async () => {
    await eventually("a fifth of the burst acknowledged", async () => stats.acknowledged > 40);
    await restartWeb("graceful");
    await eventually("two thirds of the burst acknowledged", async () => stats.acknowledged > 130);
    await restartWeb("kill");
  })();
  await inParallel(orders, 4, async (order) => {
    await deliverUntilAcknowledged(delivery("orders/create", merchant.shop, order), stats);
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  });
  await restarts;
  const settled = await settle(stack.handle, merchant.organisationId, 180_000);
  const { lost, duplicated } = compareOrders(
    orders.map((o) => String(o.id)),
    await documentsPerOrder(stack.handle, merchant.organisationId),
  );
  const serverErrors = serverErrorsIn(stats);
  recordFaults("web restart", { tried: ORDERS, lost, duplicated, serverErrors });
  console.log("answers (all attempts):", Object.fromEntries(stats.statuses));
  console.log(`settled in ${Math.round(settled.ms / 1000)} s:`, settled.settled, settled.jobs);
  expect(stats.acknowledged).toBe(ORDERS);
  expect({ waiting: settled.waiting, jobs: settled.jobs }).toEqual({ waiting: 0, jobs: [] });
  expect({ lost, duplicated, serverErrors }).toEqual({ lost: 0, duplicated: 0, serverErrors: 0 });
  // The kill -9 happened inside the burst: some deliveries were refused and sent again.
  expect(stats.attempts).toBeGreaterThan(ORDERS);
});
