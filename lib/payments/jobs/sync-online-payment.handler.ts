import { systemClock } from "@/lib/calendar/clock";
import { onlinePaymentProviders } from "@/lib/payments/online/providers";
import { syncOnlinePayment } from "@/lib/payments/online/sync-online-payment";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { syncOnlinePaymentJob } from "./sync-online-payment.job";

/** The work of `syncOnlinePaymentJob` (see its definition, ./sync-online-payment.job.ts). */
export const syncOnlinePaymentHandler = defineJobHandler(
  syncOnlinePaymentJob,
  async ({ provider, providerPaymentId }, ctx) => {
    const outcome = await syncOnlinePayment(
      { ...ctx, providers: onlinePaymentProviders(ctx.config), clock: systemClock },
      provider,
      providerPaymentId,
    );
    ctx.log.info({ provider, providerPaymentId, ...outcome }, "Online payment checked");
  },
);
