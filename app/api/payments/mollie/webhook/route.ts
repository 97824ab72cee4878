import { getDb } from "@/db";
import { getRequestLogger } from "@/app/_server/request-logger";
import { getQueue } from "@/app/_server/queue";
import {
  mollieWebhookId,
  receivePaymentNotification,
} from "@/lib/payments/online/receive-payment-notification";
import { queuePaymentCheck } from "@/lib/payments/online/queue-payment-check";

export const dynamic = "force-dynamic";

/**
 * POST /api/payments/mollie/webhook: Mollie's id-only form post (no status, no
 * signature). Queued here, checked with Mollie by the worker.
 */
export async function POST(request: Request) {
  const log = await getRequestLogger();
  const id = mollieWebhookId(await request.text());
  const result = await receivePaymentNotification(
    {
      db: await getDb(),
      enqueueSync: async (provider, providerPaymentId) =>
        queuePaymentCheck(await getQueue(), provider, providerPaymentId),
    },
    "mollie",
    id,
  );
  log.info({ id, ...result }, "Mollie webhook");
  return new Response(null, { status: result.status });
}
