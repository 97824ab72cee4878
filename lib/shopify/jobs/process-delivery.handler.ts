import { z } from "zod";
import {
  finishDelivery,
  getDelivery,
  recordDeliveryAttemptError,
} from "@/db/queries/shopify-deliveries";
import { tenant } from "@/db/tenant";
import { systemClock } from "@/lib/calendar/clock";
import { ShopifyConnectionClosedError } from "@/lib/shopify/platform/admin-session";
import { ShopifyPayloadError } from "@/lib/shopify/order-mapping";
import { topicHandlers } from "@/lib/shopify/intake/topic-handlers";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { processShopifyDeliveryJob } from "./process-delivery.job";

/** The work of `processShopifyDeliveryJob` (see its definition, ./process-delivery.job.ts). */
export const processShopifyDeliveryHandler = defineJobHandler(
  processShopifyDeliveryJob,
  async ({ organisationId, deliveryId }, ctx) => {
    const t = tenant(organisationId);
    const delivery = await getDelivery(ctx.db, t, deliveryId);
    if (!delivery || delivery.status !== "received") return;
    const handler = topicHandlers[delivery.topic];
    if (!handler) {
      await finishDelivery(ctx.db, t, deliveryId, { status: "ignored", outcome: "topic_not_used" });
      return;
    }
    try {
      const payload: unknown = JSON.parse(delivery.rawBody ?? "null");
      const result = await handler(payload, { ...ctx, t, delivery, clock: systemClock });
      await finishDelivery(ctx.db, t, deliveryId, result);
      if (result.status === "failed")
        ctx.log.warn({ deliveryId, ...result }, "Shopify delivery needs attention");
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Retrying cannot change a payload we cannot read or a connection that is gone.
      const permanent =
        error instanceof z.ZodError ||
        error instanceof SyntaxError ||
        error instanceof ShopifyPayloadError ||
        error instanceof ShopifyConnectionClosedError;
      if (permanent || ctx.isLastAttempt) {
        await finishDelivery(ctx.db, t, deliveryId, {
          status: "failed",
          outcome: permanent ? "unexpected_payload" : "processing_error",
          error: message.slice(0, 2000),
        });
        return;
      }
      await recordDeliveryAttemptError(ctx.db, t, deliveryId, message.slice(0, 2000));
      throw error;
    }
  },
);
