import { getDb } from "@/db";
import { isDatabaseUnavailable } from "@/db/errors";
import { getRequestLogger } from "@/app/_server/request-logger";
import { getConfig } from "@/lib/config/env";
import { enqueue } from "@/lib/jobs/queue";
import { getQueue } from "@/app/_server/queue";
import { processShopifyDeliveryJob } from "@/lib/shopify/jobs/process-delivery.job";
import { receiveWebhook } from "@/lib/shopify/intake/receive-webhook";

export const dynamic = "force-dynamic";

/**
 * POST /api/shopify/webhooks: every topic, the privacy ones included. Verified,
 * stored and queued here; processed by the worker.
 */
export async function POST(request: Request) {
  const log = await getRequestLogger();
  let result;
  try {
    result = await receiveWebhook(
      {
        db: await getDb(),
        config: getConfig(),
        enqueueDelivery: async (delivery) =>
          enqueue(await getQueue(), processShopifyDeliveryJob, delivery),
      },
      request,
    );
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    // Not stored, so not acknowledged: Shopify retries it once the database is back.
    log.warn({ err: error }, "Shopify webhook refused: database unavailable");
    return Response.json(
      { status: "unavailable" },
      { status: 503, headers: { "retry-after": "5" } },
    );
  }
  log.info(
    {
      topic: request.headers.get("x-shopify-topic"),
      shop: request.headers.get("x-shopify-shop-domain"),
      status: result.status,
      reason: result.reason,
    },
    "Shopify webhook",
  );
  return Response.json({ status: result.reason }, { status: result.status });
}
