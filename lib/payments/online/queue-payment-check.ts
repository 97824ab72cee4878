import { enqueue, type Queue } from "@/lib/jobs/queue";
import { syncOnlinePaymentJob } from "@/lib/payments/jobs/sync-online-payment.job";
import { PAYMENT_CHECK_INTERVAL_SECONDS } from "@/lib/security/limits";
import type { OnlinePaymentProviderKey } from "./online-payment-provider";

/**
 * Queues a check of one provider payment (Mollie's webhook, Bancontact's callback, a
 * customer back from the provider). Notifications carry no signature, so anyone can
 * repeat a real payment id: the checks of one payment are debounced to one per
 * PAYMENT_CHECK_INTERVAL_SECONDS across all processes, and one arriving while a check
 * is queued lands in the next slot, so the provider's real notification is never lost,
 * at most delayed by that interval. 200 posts make at most a few calls to the provider.
 */
export function queuePaymentCheck(
  queue: Queue,
  provider: OnlinePaymentProviderKey,
  providerPaymentId: string,
): Promise<string | null> {
  return enqueue(
    queue,
    syncOnlinePaymentJob,
    { provider, providerPaymentId },
    {
      debounce: {
        key: `${provider}:${providerPaymentId}`,
        seconds: PAYMENT_CHECK_INTERVAL_SECONDS,
      },
    },
  );
}
