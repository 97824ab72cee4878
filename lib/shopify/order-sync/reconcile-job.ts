import { z } from "zod";
import { listConnectedShopsForReconciliation, startImportRun } from "@/db/queries/shopify-imports";
import { tenant } from "@/db/tenant";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueue } from "@/lib/jobs/queue";
import { importShopifyOrdersJob } from "./import-orders-job";

/** Webhooks can be late or lost; every hour, the last few hours are compared with Shopify. */
export const RECONCILE_CRON = "17 * * * *";
export const RECONCILE_WINDOW_HOURS = 3;

/**
 * The hourly sweep: one reconciliation run per connected shop, over the orders
 * updated in the last hours (the window overlaps the previous run, so a shop
 * missed once is caught the next hour). Each run is recorded and visible.
 */
export const reconcileShopifyJob = defineJob({
  name: "shopify-reconcile",
  retryLimit: 2,
  retryDelaySeconds: 60,
  cron: RECONCILE_CRON,
  schema: z.object({}).passthrough(),
  handler: async (_data, ctx) => {
    if (!ctx.queue) throw new Error("The reconciliation needs the job queue");
    const since = new Date(Date.now() - RECONCILE_WINDOW_HOURS * 3600_000);
    for (const shop of await listConnectedShopsForReconciliation(ctx.db)) {
      const t = tenant(shop.organisationId);
      const runId = await startImportRun(ctx.db, t, {
        connectionId: shop.connectionId,
        kind: "reconcile",
        since,
      });
      await enqueue(ctx.queue, importShopifyOrdersJob, {
        organisationId: shop.organisationId,
        runId,
      });
    }
  },
});
