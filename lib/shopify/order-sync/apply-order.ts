import type { Tenant } from "@/db/tenant";
import type { ShopifyOrder } from "../order-mapping";
import { cancelOrderDocuments } from "./cancel-order";
import { createOrderDocument, type OrderSyncDeps } from "./create-order-document";
import type { OrderSettings } from "./order-settings";
import { triggerHasFired } from "./trigger";

export interface ApplyOutcome {
  status: "processed" | "ignored" | "failed";
  /** A code the sync inbox translates (concept_created, waiting_for_order_paid…). */
  outcome: string;
  documentId?: string;
}

/**
 * What an order's current state means for Facturo, whoever reports it: a webhook
 * (topic orders/*), the import of existing orders ("import") or the reconciliation
 * ("reconcile"). Idempotent: the same order applied twice changes nothing.
 */
export async function applyOrder(
  deps: OrderSyncDeps,
  t: Tenant,
  input: { shop: string; topic: string; order: ShopifyOrder; settings: OrderSettings },
): Promise<ApplyOutcome> {
  const { shop, topic, order, settings } = input;
  if (order.test) return { status: "ignored", outcome: "test_order" };
  if (topic === "orders/cancelled" || order.cancelledAt) {
    return cancelOrderDocuments(deps, t, { shop, orderId: order.id, settings });
  }
  const fired = triggerHasFired(settings.trigger, topic, {
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    cancelled: false,
  });
  if (!fired) return { status: "ignored", outcome: `waiting_for_${settings.trigger}` };
  const made = await createOrderDocument(deps, t, { shop, order, settings });
  if (made.result === "exists") {
    if (made.send?.sent)
      return { status: "processed", outcome: "document_sent", documentId: made.documentId };
    return made.paidNow
      ? { status: "processed", outcome: "marked_paid", documentId: made.documentId }
      : { status: "ignored", outcome: "document_exists", documentId: made.documentId };
  }
  if (made.send.sent)
    return { status: "processed", outcome: "document_sent", documentId: made.documentId };
  if (made.send.problem)
    return { status: "failed", outcome: made.send.problem, documentId: made.documentId };
  return { status: "processed", outcome: "concept_created", documentId: made.documentId };
}
