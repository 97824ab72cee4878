import type { Db } from "@/db";
import {
  finishDelivery,
  reopenRefundsOfIssuedInvoices,
  reopenRefundsWaitingFor,
} from "@/db/queries/shopify-deliveries";
import type { Tenant } from "@/db/tenant";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { processShopifyDeliveryJob } from "../jobs/process-delivery.job";

/**
 * A refund that arrives while its invoice is a concept cannot be credited yet (a credit
 * note corrects an issued invoice): its delivery waits, "waiting_for_invoice". When the
 * invoice is issued it is processed again, by itself: the credit note follows without
 * the merchant pressing Retry. Answers how many were queued.
 */
export async function applyRefundsWaitingFor(
  deps: { db: Db; queue: Queue },
  t: Tenant,
  invoiceId: string,
): Promise<number> {
  return queueAgain(deps, t, await reopenRefundsWaitingFor(deps.db, t, invoiceId));
}

/** The hourly safety net: refunds of invoices issued while the queue could not take them. */
export async function applyWaitingRefunds(deps: { db: Db; queue: Queue }, t: Tenant) {
  return queueAgain(deps, t, await reopenRefundsOfIssuedInvoices(deps.db, t));
}

async function queueAgain(deps: { db: Db; queue: Queue }, t: Tenant, ids: readonly string[]) {
  let queued = 0;
  for (const deliveryId of ids) {
    try {
      await enqueue(deps.queue, processShopifyDeliveryJob, {
        organisationId: t.organisationId,
        deliveryId,
      });
      queued++;
    } catch (error) {
      // Not lost: it waits again, and the hourly reconciliation queues it once it can.
      await finishDelivery(deps.db, t, deliveryId, {
        status: "ignored",
        outcome: "waiting_for_invoice",
        error: error instanceof Error ? error.message.slice(0, 2000) : String(error),
      });
    }
  }
  return queued;
}
