import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * "Import existing orders since…" and the reconciliation: pages through the
 * shop's orders with the GraphQL Admin API and applies each as if its webhook had
 * arrived (documents are unique per order, so what exists is only counted). The
 * counters are written after every page: the Shopify page shows them live.
 */
export const importShopifyOrdersJob = defineJob({
  name: "shopify-import-orders",
  retryLimit: 3,
  retryDelaySeconds: 30,
  // Every page of 60 days of orders; a retry starts over and finds what exists.
  expireInSeconds: 600,
  schema: z.object({ organisationId: z.string().uuid(), runId: z.string().uuid() }),
});
