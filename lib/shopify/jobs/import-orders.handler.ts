import { systemClock } from "@/lib/calendar/clock";
import { getShopifyConnectionById } from "@/db/queries/shopify-connections";
import { getImportRun, updateImportRun, type ImportCounts } from "@/db/queries/shopify-imports";
import { storeOrderPayload } from "@/db/queries/shopify-orders";
import { tenant } from "@/db/tenant";
import { ShopifyConnectionClosedError } from "@/lib/shopify/platform/admin-session";
import { applyOrder } from "@/lib/shopify/order-sync/apply-order";
import { adminGraphqlForConnection, fetchOrders } from "@/lib/shopify/order-sync/fetch-orders";
import { readOrderSettings } from "@/lib/shopify/order-sync/order-settings";
import { PermanentJobError } from "@/lib/jobs/permanent-job-error";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { importShopifyOrdersJob } from "./import-orders.job";

/** The work of `importShopifyOrdersJob` (see its definition, ./import-orders.job.ts). */
export const importShopifyOrdersHandler = defineJobHandler(
  importShopifyOrdersJob,
  async ({ organisationId, runId }, ctx) => {
    const t = tenant(organisationId);
    const run = await getImportRun(ctx.db, t, runId);
    if (run?.status !== "running") return;
    const connection = await getShopifyConnectionById(ctx.db, t, run.connectionId);
    if (connection?.status !== "connected") {
      await updateImportRun(ctx.db, t, runId, { status: "failed", error: "shop_disconnected" });
      return;
    }
    const settings = readOrderSettings(connection.settings);
    const counts: ImportCounts = { seen: 0, created: 0, existing: 0, skipped: 0, failed: 0 };
    try {
      const graphql = await adminGraphqlForConnection(ctx, t, connection.id);
      const field = run.kind === "import" ? "created_at" : "updated_at";
      const search = `${field}:>='${run.since.toISOString()}'`;
      for await (const page of fetchOrders(graphql, search)) {
        for (const fetched of page) {
          counts.seen++;
          if (!fetched.order) {
            counts.failed++;
            continue;
          }
          await storeOrderPayload(ctx.db, t, {
            shop: connection.shop,
            orderId: fetched.order.id,
            orderName: fetched.order.name,
            updatedAt: fetched.order.updatedAt,
            payload: JSON.stringify(fetched.json),
          });
          // One order that cannot be applied is counted, never the end of the run.
          let result;
          try {
            result = await applyOrder({ db: ctx.db, queue: ctx.queue, clock: systemClock }, t, {
              shop: connection.shop,
              topic: run.kind,
              order: fetched.order,
              settings,
            });
          } catch (error) {
            ctx.log.warn(
              { err: error, orderId: fetched.order.id },
              "Order not applied by the import",
            );
            counts.failed++;
            continue;
          }
          if (result.status === "failed") counts.failed++;
          else if (result.outcome === "document_exists") counts.existing++;
          else if (result.status === "processed") counts.created++;
          else counts.skipped++;
        }
        // A page at a time: the run stops with the shop (uninstall, disconnect).
        const still = await getShopifyConnectionById(ctx.db, t, connection.id);
        await updateImportRun(ctx.db, t, runId, counts);
        if (still?.status !== "connected") {
          await updateImportRun(ctx.db, t, runId, { status: "failed", error: "shop_disconnected" });
          return;
        }
      }
      await updateImportRun(ctx.db, t, runId, { ...counts, status: "done" });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const closed = error instanceof ShopifyConnectionClosedError;
      if (closed || ctx.isLastAttempt) {
        await updateImportRun(ctx.db, t, runId, {
          ...counts,
          status: "failed",
          error: message.slice(0, 500),
        });
        if (closed) throw new PermanentJobError(message, "connection_closed");
        return;
      }
      throw error;
    }
  },
);
