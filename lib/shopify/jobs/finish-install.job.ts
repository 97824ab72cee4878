import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * After the merchant approved the app: read the shop's name and subscribe to the
 * webhooks. A job, not part of the OAuth callback, so a slow or briefly
 * unreachable Shopify is retried instead of failing the install.
 */
export const finishShopifyInstallJob = defineJob({
  name: "shopify-finish-install",
  retryLimit: 6,
  retryDelaySeconds: 10,
  // Subscribing the shop's webhooks: a handful of calls.
  expireInSeconds: 300,
  schema: z.object({ organisationId: z.string().uuid(), connectionId: z.string().uuid() }),
});
