import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

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
  // Queues one import per connected shop.
  expireInSeconds: 300,
  cron: RECONCILE_CRON,
  schema: z.object({}).passthrough(),
});
