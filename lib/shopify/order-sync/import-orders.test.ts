import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startShopifySimulator, type RunningSimulator } from "@facturo/shopify-simulator";
import type { DbHandle } from "@/db";
import { getShopifyConnection, saveConnectionSettings } from "@/db/queries/shopify-connections";
import { getImportRun, latestImportRun, startImportRun } from "@/db/queries/shopify-imports";
import { documents } from "@/db/schema";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { testJobContext } from "@/lib/jobs/testing/test-worker";
import { tenant } from "@/db/tenant";
import type { JobContext } from "@/lib/jobs/job-handler";
import { startQueue, type Queue } from "@/lib/jobs/queue";
import { SHOPIFY_FIXTURES } from "@/test/fixtures";
import { TEST_SHOPIFY_ENV } from "../testing/shopify-test-env";
import { installOnSimulator } from "../testing/simulated-merchant";
import { importShopifyOrdersHandler } from "@/lib/shopify/jobs/import-orders.handler";
import { reconcileShopifyHandler } from "@/lib/shopify/jobs/reconcile.handler";

let handle: DbHandle;
let simulator: RunningSimulator;
let ctx: JobContext;
let boss: Queue;

beforeAll(async () => {
  handle = await openTestDb();
  simulator = await startShopifySimulator({
    port: 0,
    clientId: TEST_SHOPIFY_ENV.SHOPIFY_CLIENT_ID,
    clientSecret: TEST_SHOPIFY_ENV.SHOPIFY_CLIENT_SECRET,
    fixturesDir: SHOPIFY_FIXTURES,
  });
  boss = await startQueue(handle);
  ctx = {
    ...testJobContext(handle, { ...TEST_SHOPIFY_ENV, SHOPIFY_API_ORIGIN: simulator.origin }),
    log: pino({ level: "silent" }),
    queue: boss,
  };
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await simulator?.close();
  await handle?.close();
});

async function placeOrder(shop: string, fixture: string) {
  const response = await fetch(`${simulator.origin}/control/shops/${shop}/orders`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ fixture }),
  });
  expect(response.status).toBe(201);
}

describe("import of existing orders", () => {
  it("creates each order's document through the GraphQL API, with Shopify's totals, and only once", async () => {
    const t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    const shop = `import-${uniqueSuffix()}.myshopify.com`;
    const connectionId = await installOnSimulator({ ...ctx, queue: boss }, t, shop);
    await saveConnectionSettings(handle.db, t, connectionId, {
      documentType: "invoice",
      trigger: "order_paid",
      autoSend: false,
    });
    await placeOrder(shop, "eu-be-b2c-21-paid-fr.json");
    await placeOrder(shop, "eu-be-fixed-discount-rounding.json");
    await placeOrder(shop, "eu-be-mixed-6-21-unpaid-nl.json"); // pending: waits for payment
    await placeOrder(shop, "eu-be-b2b-vat-number-en.json");

    const since = new Date(Date.now() - 30 * 24 * 3600_000);
    const runId = await startImportRun(handle.db, t, { connectionId, kind: "import", since });
    await importShopifyOrdersHandler.run({ organisationId: t.organisationId, runId }, ctx);
    expect(await getImportRun(handle.db, t, runId)).toMatchObject({
      status: "done",
      seen: 4,
      created: 3,
      existing: 0,
      skipped: 1,
      failed: 0,
    });
    const made = await handle.db
      .select({
        total: documents.totalCents,
        vat: documents.totalVatCents,
        name: documents.sourceName,
      })
      .from(documents)
      .where(eq(documents.organisationId, t.organisationId));
    // The same cents as the webhook payloads' expectations (GraphQL amounts come as "82.4").
    expect(made.map((d) => [d.total, d.vat]).sort()).toEqual(
      [
        [8935, 1551],
        [5293, 706],
        [27495, 4772],
      ].sort(),
    );

    const again = await startImportRun(handle.db, t, { connectionId, kind: "import", since });
    await importShopifyOrdersHandler.run({ organisationId: t.organisationId, runId: again }, ctx);
    expect(await getImportRun(handle.db, t, again)).toMatchObject({
      status: "done",
      created: 0,
      existing: 3,
      skipped: 1,
    });
  });

  it("the hourly reconciliation starts a run for each connected shop and creates what webhooks missed", async () => {
    const t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    const shop = `missed-${uniqueSuffix()}.myshopify.com`;
    const connectionId = await installOnSimulator({ ...ctx, queue: boss }, t, shop);
    // No webhook subscriptions: the order's webhooks are lost.
    await placeOrder(shop, "eu-be-b2c-21-paid-fr.json");
    await reconcileShopifyHandler.run({}, ctx);
    const run = await latestImportRun(handle.db, t, "reconcile");
    expect(run).toMatchObject({ connectionId, status: "running", kind: "reconcile" });
    await importShopifyOrdersHandler.run(
      { organisationId: t.organisationId, runId: run?.id ?? "" },
      ctx,
    );
    expect(await getImportRun(handle.db, t, run?.id ?? "")).toMatchObject({
      status: "done",
      created: 1,
    });
  });

  it("stops, saying why, when the shop is gone, and marks it disconnected", async () => {
    const t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    const shop = `gone-${uniqueSuffix()}.myshopify.com`;
    const connectionId = await installOnSimulator({ ...ctx, queue: boss }, t, shop);
    await fetch(`${simulator.origin}/control/shops/${shop}/uninstall`, {
      method: "POST",
      body: "{}",
    });
    const runId = await startImportRun(handle.db, t, {
      connectionId,
      kind: "import",
      since: new Date(0),
    });
    await expect(
      importShopifyOrdersHandler.run({ organisationId: t.organisationId, runId }, ctx),
    ).rejects.toThrow(/access token/);
    const run = await getImportRun(handle.db, t, runId);
    expect(run?.status).toBe("failed");
    expect(run?.error).toMatch(/access token/i);
    expect(await getShopifyConnection(handle.db, t)).toMatchObject({
      status: "disconnected",
      disconnectReason: "uninstalled",
      sealedTokens: null,
    });
  });
});
