import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { onlinePaymentProviderKeys } from "@/lib/payments/online/online-payment-provider";

/**
 * Queued by the Mollie webhook and the Bancontact callback routes, which only
 * answer: the provider is asked for the payment here, with retries when it is
 * unreachable.
 */
export const syncOnlinePaymentJob = defineJob({
  name: "sync-online-payment",
  retryLimit: 6,
  retryDelaySeconds: 10,
  // One call to the provider and one write.
  expireInSeconds: 60,
  schema: z.object({
    provider: z.enum(onlinePaymentProviderKeys),
    providerPaymentId: z.string().min(1).max(64),
  }),
});
