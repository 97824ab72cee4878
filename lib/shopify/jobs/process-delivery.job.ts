import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

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
});
