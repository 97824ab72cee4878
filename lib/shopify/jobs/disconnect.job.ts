import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * After the merchant clicked Disconnect: remove our webhook subscriptions from the
 * shop, then forget the token. If Shopify keeps refusing, the token is forgotten
 * anyway after the last attempt; deliveries that still arrive are recorded and
 * ignored (the shop is disconnected).
 */
export const disconnectShopifyJob = defineJob({
  name: "shopify-disconnect",
  retryLimit: 4,
  retryDelaySeconds: 10,
  // A few calls to Shopify.
  expireInSeconds: 120,
  schema: z.object({ organisationId: z.string().uuid(), connectionId: z.string().uuid() }),
});
