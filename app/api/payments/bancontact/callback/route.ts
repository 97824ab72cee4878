import { getDb } from "@/db";
import { getRequestLogger } from "@/app/_server/request-logger";
import { getQueue } from "@/app/_server/queue";
import {
  bancontactCallbackId,
  receivePaymentNotification,
} from "@/lib/payments/online/receive-payment-notification";
import { queuePaymentCheck } from "@/lib/payments/online/queue-payment-check";

export const dynamic = "force-dynamic";

/**
 * POST /api/payments/bancontact/callback: Bancontact Pro's status callback. It is
 * signed with a detached JWS (ES256, keys at jwks.bancontact.net); instead of
 * verifying it we re-fetch the payment with the merchant's key in the job, which
 * the API documentation accepts as the alternative, so nothing in this body is
 * trusted beyond the payment id.
 */
export async function POST(request: Request) {
  const log = await getRequestLogger();
  const id = bancontactCallbackId(await request.text());
  const result = await receivePaymentNotification(
    {
      db: await getDb(),
      enqueueSync: async (provider, providerPaymentId) =>
        queuePaymentCheck(await getQueue(), provider, providerPaymentId),
    },
    "bancontact",
    id,
  );
  log.info({ id, ...result }, "Bancontact callback");
  return new Response(null, { status: result.status });
}
