"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActiveApp } from "@/app/_server/require-active-app";
import { getRequestLogger } from "@/app/_server/request-logger";
import {
  finishDelivery,
  requeueDelivery,
  requeueFailedDeliveries,
} from "@/db/queries/shopify-deliveries";
import type { Db } from "@/db";
import type { Tenant } from "@/db/tenant";
import type { ActionResult } from "@/lib/forms/action-result";
import { enqueue } from "@/lib/jobs/queue";
import { getQueue } from "@/app/_server/queue";
import { processShopifyDeliveryJob } from "@/lib/shopify/jobs/process-delivery.job";

const INBOX = "/apps/shopify/inbox";

type Failure = Extract<ActionResult, { ok: false }>;
const failure = (formError: string): Failure => ({ ok: false, fieldErrors: {}, formError });

/**
 * Queues the processing job for deliveries just put back to "received". One that
 * cannot be queued goes back to "failed" with the reason, so it never waits for
 * a job that does not exist.
 */
async function enqueueRequeued(db: Db, t: Tenant, ids: string[]): Promise<number> {
  let queued = 0;
  for (const deliveryId of ids) {
    try {
      await enqueue(await getQueue(), processShopifyDeliveryJob, {
        organisationId: t.organisationId,
        deliveryId,
      });
      queued++;
    } catch (error) {
      (await getRequestLogger()).error({ err: error, deliveryId }, "Shopify retry not queued");
      await finishDelivery(db, t, deliveryId, {
        status: "failed",
        outcome: "processing_error",
        error: "The retry could not be queued.",
      });
    }
  }
  return queued;
}

/** Retry: the delivery is handled again by the job, as if it had just arrived. */
export async function retryDelivery(id: string): Promise<ActionResult> {
  const { db, tenant } = await requireActiveApp("shopify");
  const parsed = z.string().uuid().safeParse(id);
  if (!parsed.success || !(await requeueDelivery(db, tenant, parsed.data)))
    return failure("shopifyInbox.retry.notRetryable");
  const queued = await enqueueRequeued(db, tenant, [parsed.data]);
  revalidatePath(INBOX);
  return queued === 1 ? { ok: true } : failure("common.error");
}

/** Retry all: every delivery that needs attention and can be retried (a bounded batch). */
export async function retryAllFailed(): Promise<ActionResult<{ count: number }>> {
  const { db, tenant } = await requireActiveApp("shopify");
  const ids = await requeueFailedDeliveries(db, tenant);
  const count = await enqueueRequeued(db, tenant, ids);
  revalidatePath(INBOX);
  return { ok: true, data: { count } };
}
