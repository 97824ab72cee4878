import { z } from "zod";
import { findConnectionForShop, getShopifyConnectionById } from "@/db/queries/shopify-connections";
import { getOrderPayload, storeOrderPayload } from "@/db/queries/shopify-orders";
import { parseShopifyOrder } from "../../order-mapping";
import { creditRefund } from "../../order-sync/credit-refund";
import { adminGraphqlForConnection, fetchOrderById } from "../../order-sync/fetch-orders";
import { readOrderSettings } from "../../order-sync/order-settings";
import type { DeliveryHandler } from "../delivery-handler";

const refundHead = z.object({ order_id: z.union([z.string(), z.number()]).transform(String) });

/**
 * refunds/create: the body is the refund, naming only its order. The order comes
 * from what Facturo stored, else from Shopify (a refund of an order whose webhooks
 * were missed).
 */
export const handleRefundCreated: DeliveryHandler = async (payload, ctx) => {
  const { db, t, delivery } = ctx;
  const head = refundHead.safeParse(payload);
  if (!head.success)
    return { status: "failed", outcome: "unexpected_payload", error: "The refund names no order" };
  const found = await findConnectionForShop(db, delivery.shop);
  const connection = found ? await getShopifyConnectionById(db, t, found.id) : null;
  if (!connection) return { status: "ignored", outcome: "unknown_shop" };

  let orderJson: unknown = null;
  const stored = await getOrderPayload(db, t, delivery.shop, head.data.order_id);
  if (stored) orderJson = JSON.parse(stored);
  else {
    const graphql = await adminGraphqlForConnection(ctx, t, connection.id);
    const fetched = await fetchOrderById(graphql, head.data.order_id);
    if (!fetched) return { status: "failed", outcome: "order_not_found" };
    orderJson = fetched.json;
    await storeOrderPayload(db, t, {
      shop: delivery.shop,
      orderId: head.data.order_id,
      orderName: fetched.order?.name ?? null,
      updatedAt: fetched.order?.updatedAt ?? null,
      payload: JSON.stringify(fetched.json),
    });
  }
  const order = parseShopifyOrder(orderJson);
  if (!order.ok)
    return { status: "failed", outcome: "unexpected_payload", error: order.error.message };
  if (order.value.test) return { status: "ignored", outcome: "test_order" };
  return creditRefund({ db, queue: ctx.queue, clock: ctx.clock }, t, {
    shop: delivery.shop,
    refund: payload,
    order: order.value,
    settings: readOrderSettings(connection.settings),
  });
};
