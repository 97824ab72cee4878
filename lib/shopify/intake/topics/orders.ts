import { findConnectionForShop, getShopifyConnectionById } from "@/db/queries/shopify-connections";
import { storeOrderPayload } from "@/db/queries/shopify-orders";
import { parseShopifyOrder } from "../../order-mapping";
import { applyOrder } from "../../order-sync/apply-order";
import { readOrderSettings } from "../../order-sync/order-settings";
import type { DeliveryHandler } from "../delivery-handler";

/**
 * orders/create, orders/paid, orders/fulfilled, orders/updated, orders/cancelled:
 * one handler, because what to do depends on the order's state more than on the
 * topic (deliveries come late and out of order).
 */
export const handleOrderTopic: DeliveryHandler = async (payload, ctx) => {
  const { db, t, delivery } = ctx;
  const parsed = parseShopifyOrder(payload);
  if (!parsed.ok) {
    return { status: "failed", outcome: "unexpected_payload", error: parsed.error.message };
  }
  const order = parsed.value;
  await storeOrderPayload(db, t, {
    shop: delivery.shop,
    orderId: order.id,
    orderName: order.name,
    updatedAt: order.updatedAt,
    payload: delivery.rawBody ?? JSON.stringify(payload),
  });
  const found = await findConnectionForShop(db, delivery.shop);
  const connection = found ? await getShopifyConnectionById(db, t, found.id) : null;
  if (!connection) return { status: "ignored", outcome: "unknown_shop" };
  return applyOrder({ db, queue: ctx.queue, clock: ctx.clock }, t, {
    shop: delivery.shop,
    topic: delivery.topic,
    order,
    settings: readOrderSettings(connection.settings),
  });
};
