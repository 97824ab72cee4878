import { getShopifyConnectionById, findConnectionForShop } from "@/db/queries/shopify-connections";
import { storeOrderPayload } from "@/db/queries/shopify-orders";
import { parseShopifyOrder, type ShopifyOrder } from "../../orders";
import { cancelOrderDocuments } from "../../order-sync/cancel-order";
import { createOrderDocument } from "../../order-sync/create-order-document";
import { readOrderSettings } from "../../order-sync/order-settings";
import { triggerHasFired } from "../../order-sync/trigger";
import type { DeliveryContext, DeliveryHandler, DeliveryOutcome } from "../delivery-handler";

/**
 * orders/create, orders/paid, orders/fulfilled, orders/updated, orders/cancelled:
 * one handler, because what to do depends on the order's state more than on the
 * topic (deliveries come late and out of order).
 */
export const handleOrderTopic: DeliveryHandler = async (payload, ctx) => {
  const parsed = parseShopifyOrder(payload);
  if (!parsed.ok)
    return { status: "failed", outcome: "unexpected_payload", error: parsed.error.message };
  const order = parsed.value;
  const { db, t, delivery } = ctx;
  await storeOrderPayload(db, t, {
    shop: delivery.shop,
    orderId: order.id,
    orderName: order.name,
    updatedAt: order.updatedAt,
    payload: delivery.rawBody ?? JSON.stringify(payload),
  });
  return applyOrder(ctx, delivery.topic, order);
};

/** Shared with the import and the reconciliation, which pass the order they fetched. */
export async function applyOrder(
  ctx: Pick<DeliveryContext, "db" | "t" | "queue"> & { delivery: { shop: string } },
  topic: string,
  order: ShopifyOrder,
): Promise<DeliveryOutcome> {
  const { db, t } = ctx;
  const shop = ctx.delivery.shop;
  if (!ctx.queue) throw new Error("The order handler needs the job queue");
  const found = await findConnectionForShop(db, shop);
  const connection = found ? await getShopifyConnectionById(db, t, found.id) : null;
  if (!connection) return { status: "ignored", outcome: "unknown_shop" };
  const settings = readOrderSettings(connection.settings);
  const deps = { db, queue: ctx.queue };

  if (order.test) return { status: "ignored", outcome: "test_order" };
  if (topic === "orders/cancelled" || order.cancelledAt) {
    return cancelOrderDocuments(deps, t, { shop, orderId: order.id, settings });
  }
  const state = {
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    cancelled: false,
  };
  const fired = triggerHasFired(settings.trigger, topic, state);
  const outcome = await (fired ? createOrderDocument(deps, t, { shop, order, settings }) : null);
  if (!outcome) return { status: "ignored", outcome: `waiting_for_${settings.trigger}` };
  if (outcome.result === "exists") {
    return outcome.paidNow
      ? { status: "processed", outcome: "marked_paid", documentId: outcome.documentId }
      : { status: "ignored", outcome: "document_exists", documentId: outcome.documentId };
  }
  if (outcome.send.sent)
    return { status: "processed", outcome: "document_sent", documentId: outcome.documentId };
  if (outcome.send.problem) {
    return { status: "failed", outcome: outcome.send.problem, documentId: outcome.documentId };
  }
  return { status: "processed", outcome: "concept_created", documentId: outcome.documentId };
}
