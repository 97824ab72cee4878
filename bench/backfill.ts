import type { Db } from "@/db";
import { getShopifyConnection } from "@/db/queries/shopify-connections";
import { getImportRun, startImportRun } from "@/db/queries/shopify-imports";
import { control, installApp } from "@facturo/shopify-simulator";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { importShopifyOrdersJob } from "@/lib/shopify/jobs/import-orders.job";
import { WORKLOAD_FIXTURES } from "./orders";
import type { Figure } from "./report";
import { seedMerchant } from "./seed";
import { BENCH_SHOPIFY } from "./stack";
import { round, waitUntil } from "./stats";

/**
 * "Import existing orders": the simulator holds `orders` orders (placed in bulk,
 * no webhooks), the merchant's import job pages through them with the Admin
 * GraphQL API and makes a concept of each. Total time = the run's own
 * started_at → finished_at.
 */
export async function measureBackfill(
  engine: Figure["engine"],
  deps: { db: Db; queue: Queue; encryptionKey: string; simulatorOrigin: string },
  settings: { orders: number; timeoutS: number },
): Promise<Figure[]> {
  const shop = "backfill-bench.myshopify.com";
  const { accessToken } = await installApp({
    origin: deps.simulatorOrigin,
    shop,
    clientId: BENCH_SHOPIFY.clientId,
    clientSecret: BENCH_SHOPIFY.clientSecret,
    expiring: false,
  });
  const merchant = await seedMerchant(deps.db, {
    name: "backfill",
    encryptionKey: deps.encryptionKey,
    shop: {
      domain: shop,
      settings: { documentType: "invoice", trigger: "order_created", autoSend: false },
      accessToken,
    },
  });
  const placed = await control(deps.simulatorOrigin, `/shops/${shop}/orders/bulk`, {
    fixtures: WORKLOAD_FIXTURES,
    count: settings.orders,
  });
  if (placed.status !== 201) throw new Error(`Bulk orders answered ${placed.status}`);

  const connection = await getShopifyConnection(deps.db, merchant.t);
  if (!connection) throw new Error("Backfill shop not connected");
  const runId = await startImportRun(deps.db, merchant.t, {
    connectionId: connection.id,
    kind: "import",
    since: new Date(Date.now() - 24 * 3600_000),
  });
  await enqueue(deps.queue, importShopifyOrdersJob, {
    organisationId: merchant.t.organisationId,
    runId,
  });
  await waitUntil(
    async () => (await getImportRun(deps.db, merchant.t, runId))?.status !== "running",
    settings.timeoutS * 1000,
    1000,
  );
  const run = await getImportRun(deps.db, merchant.t, runId);
  const seconds =
    run?.finishedAt && run.status === "done"
      ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000
      : null;
  return [
    {
      engine,
      measure: "backfill",
      name: `import ${settings.orders} orders, total`,
      value: seconds === null ? null : round(seconds),
      unit: "s",
      target: { op: "<", value: 300 },
      note: `status ${run?.status}: ${run?.created} created, ${run?.existing} existing, ${run?.failed} failed of ${run?.seen} seen`,
    },
  ];
}
