import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { onlinePaymentProviderKeys } from "./online-payment-provider";
import { onlinePaymentProviders } from "./providers";
import { syncOnlinePayment } from "./sync-online-payment";

/**
 * Queued by the Mollie webhook and the Bancontact callback routes, which only
 * answer: the provider is asked for the payment here, with retries when it is
 * unreachable.
 */
export const syncOnlinePaymentJob = defineJob({
  name: "sync-online-payment",
  retryLimit: 6,
  retryDelaySeconds: 10,
  schema: z.object({
    provider: z.enum(onlinePaymentProviderKeys),
    providerPaymentId: z.string().min(1).max(64),
  }),
  handler: async ({ provider, providerPaymentId }, ctx) => {
    const outcome = await syncOnlinePayment(
      { ...ctx, providers: onlinePaymentProviders(ctx.config) },
      provider,
      providerPaymentId,
    );
    ctx.log.info({ provider, providerPaymentId, ...outcome }, "Online payment checked");
  },
});
