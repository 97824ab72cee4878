import { listConnectedShopsForReconciliation, startImportRun } from "@/db/queries/shopify-imports";
import { tenant } from "@/db/tenant";
import { enqueue } from "@/lib/jobs/queue";
import { applyWaitingRefunds } from "../order-sync/waiting-refunds";
import { importShopifyOrdersJob } from "./import-orders.job";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { reconcileShopifyJob, RECONCILE_WINDOW_HOURS } from "./reconcile.job";

/** The work of `reconcileShopifyJob` (see its definition, ./reconcile.job.ts). */
export const reconcileShopifyHandler = defineJobHandler(reconcileShopifyJob, async (_data, ctx) => {
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
    // Refunds that waited for an invoice issued while the queue could not take them.
    await applyWaitingRefunds({ db: ctx.db, queue: ctx.queue }, t);
  }
});
