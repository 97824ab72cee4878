import { z } from "zod";
import {
  finishDelivery,
  getDelivery,
  recordDeliveryAttemptError,
} from "@/db/queries/shopify-deliveries";
import { tenant } from "@/db/tenant";
import { defineJob } from "@/lib/jobs/define-job";
import { ShopifyConnectionClosedError } from "../admin-session";
import { ShopifyPayloadError } from "../orders";
import { topicHandlers } from "./topic-handlers";

/**
 * Processes one stored webhook delivery: parse, run the topic's handler, record
 * the outcome for the sync inbox. A failure is retried by the queue; after the
 * last attempt the delivery is shown as failed with its reason (and a Retry).
 */
export const processShopifyDeliveryJob = defineJob({
  name: "shopify-process-delivery",
  retryLimit: 5,
  retryDelaySeconds: 15,
  // A delivery takes well under a second; one held by a dead worker comes back soon.
  expireInSeconds: 120,
  schema: z.object({ organisationId: z.string().uuid(), deliveryId: z.string().uuid() }),
  handler: async ({ organisationId, deliveryId }, ctx) => {
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
      const result = await handler(payload, { ...ctx, t, delivery });
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
});
