import type { SimulatorConfig } from "./config";
import { restDateTime } from "./dates";
import { HttpError } from "@facturo/stand-in-http";
import { gid, randomHex } from "./ids";
import {
  cloneJson,
  getNumber,
  getObjects,
  getScalarString,
  getString,
  idKey,
  type JsonObject,
} from "./json";
import { applyRefund, buildRefund, type RefundRequest } from "./refund-builder";
import { nextResourceId, type ShopState, type SimulatorState } from "./state";
import type { WebhookEvent } from "./webhook-sender";

/**
 * What happens to an order in the simulated shop, and which webhooks each change fires
 * (in Shopify's usual order). Every function mutates the stored REST order and returns the
 * events; sending them is the caller's business (webhook-sender.ts).
 */

export interface ActionResult {
  order: JsonObject;
  events: WebhookEvent[];
  refund?: JsonObject;
}

export interface PlaceOrderOptions {
  /** Keep the payload's ids, number and name instead of assigning fresh ones. */
  keepIds?: boolean;
  /** Keep created_at / updated_at / processed_at instead of "now". */
  keepDates?: boolean;
}

function orderSnapshot(order: JsonObject): JsonObject {
  return cloneJson(order);
}

export function findOrder(shop: ShopState, id: string): JsonObject {
  const order = shop.orders.find(
    (o) => getScalarString(o, "id") === id || getString(o, "admin_graphql_api_id") === id,
  );
  if (!order) throw new HttpError(404, `Order ${id} not found in ${shop.domain}`);
  return order;
}

/** A 9-character confirmation code like Shopify's ("CMRWVXJGN"). */
function confirmationNumber(): string {
  const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ123456789";
  return Array.from({ length: 9 }, () =>
    letters.charAt(Math.floor(Math.random() * letters.length)),
  ).join("");
}

export function placeOrder(
  state: SimulatorState,
  config: SimulatorConfig,
  shop: ShopState,
  payload: JsonObject,
  options: PlaceOrderOptions = {},
): ActionResult {
  const order = cloneJson(payload);
  const now = restDateTime(config.now());

  if (options.keepIds) {
    const id = order.id;
    if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) {
      // 18-digit sample ids do not survive JSON.parse; refuse rather than corrupt them.
      throw new HttpError(400, "keepIds needs a positive integer `id` below 2^53");
    }
    if (shop.orders.some((o) => o.id === id)) {
      throw new HttpError(409, `Order ${id} already exists in ${shop.domain}`);
    }
    order.admin_graphql_api_id ??= gid("Order", id);
    const orderNumber = getNumber(order, "order_number");
    if (orderNumber !== null && orderNumber >= shop.nextOrderNumber) {
      shop.nextOrderNumber = orderNumber + 1;
    }
  } else {
    const id = nextResourceId(state);
    const orderNumber = shop.nextOrderNumber++;
    order.id = id;
    order.admin_graphql_api_id = gid("Order", id);
    order.order_number = orderNumber;
    order.number = orderNumber - 1000;
    order.name = `#${orderNumber}`;
    order.confirmation_number = confirmationNumber();
    order.token = randomHex(16);
    order.order_status_url = `https://${shop.domain}/${shop.id}/orders/${order.token}/authenticate?key=${randomHex(16)}`;

    // Fresh line / shipping line ids; references from refunds and fulfilments follow.
    const lineIds = new Map<string, number>();
    for (const line of getObjects(order, "line_items")) {
      const newId = nextResourceId(state);
      lineIds.set(idKey(line.id), newId);
      line.id = newId;
      line.admin_graphql_api_id = gid("LineItem", newId);
    }
    const shippingIds = new Map<string, number>();
    for (const line of getObjects(order, "shipping_lines")) {
      const newId = nextResourceId(state);
      shippingIds.set(idKey(line.id), newId);
      line.id = newId;
    }
    const remapLine = (item: JsonObject, key: string, ids: Map<string, number>) => {
      const mapped = ids.get(idKey(item[key]));
      if (mapped !== undefined) item[key] = mapped;
    };
    for (const refund of getObjects(order, "refunds")) {
      const refundId = nextResourceId(state);
      refund.id = refundId;
      refund.admin_graphql_api_id = gid("Refund", refundId);
      refund.order_id = id;
      for (const item of getObjects(refund, "refund_line_items")) {
        item.id = nextResourceId(state);
        remapLine(item, "line_item_id", lineIds);
        const embedded = item.line_item;
        if (embedded && typeof embedded === "object" && !Array.isArray(embedded)) {
          remapLine(embedded, "id", lineIds);
        }
      }
      for (const item of getObjects(refund, "refund_shipping_lines")) {
        item.id = nextResourceId(state);
        remapLine(item, "shipping_line_id", shippingIds);
      }
      for (const transaction of getObjects(refund, "transactions")) {
        transaction.id = nextResourceId(state);
        transaction.order_id = id;
      }
    }
    for (const fulfillment of getObjects(order, "fulfillments")) {
      fulfillment.id = nextResourceId(state);
      fulfillment.order_id = id;
      for (const line of getObjects(fulfillment, "line_items")) remapLine(line, "id", lineIds);
    }
  }

  if (!options.keepDates) {
    order.created_at = now;
    order.updated_at = now;
    order.processed_at = now;
  }
  shop.orders.push(order);

  const events: WebhookEvent[] = [{ topic: "orders/create", payload: orderSnapshot(order) }];
  if (getString(order, "financial_status") === "paid") {
    events.push({ topic: "orders/paid", payload: orderSnapshot(order) });
  }
  return { order, events };
}

function touch(config: SimulatorConfig, order: JsonObject): void {
  order.updated_at = restDateTime(config.now());
}

export function payOrder(config: SimulatorConfig, shop: ShopState, id: string): ActionResult {
  const order = findOrder(shop, id);
  const status = getString(order, "financial_status");
  if (status === "paid" || status === "partially_refunded" || status === "refunded") {
    throw new HttpError(409, `Order ${id} is already ${status}`);
  }
  order.financial_status = "paid";
  order.total_outstanding = "0.00";
  touch(config, order);
  return {
    order,
    events: [
      { topic: "orders/paid", payload: orderSnapshot(order) },
      { topic: "orders/updated", payload: orderSnapshot(order) },
    ],
  };
}

export function fulfilOrder(
  state: SimulatorState,
  config: SimulatorConfig,
  shop: ShopState,
  id: string,
): ActionResult {
  const order = findOrder(shop, id);
  if (getString(order, "fulfillment_status") === "fulfilled") {
    throw new HttpError(409, `Order ${id} is already fulfilled`);
  }
  const now = restDateTime(config.now());
  const lines = getObjects(order, "line_items").filter(
    (line) => (getNumber(line, "fulfillable_quantity") ?? getNumber(line, "quantity") ?? 0) > 0,
  );
  const fulfillments = getObjects(order, "fulfillments");
  const fulfillmentId = nextResourceId(state);
  const fulfilledLines = lines.map((line) => {
    const quantity = getNumber(line, "fulfillable_quantity") ?? getNumber(line, "quantity") ?? 0;
    line.fulfillable_quantity = 0;
    line.fulfillment_status = "fulfilled";
    return { ...cloneJson(line), quantity };
  });
  fulfillments.push({
    id: fulfillmentId,
    admin_graphql_api_id: gid("Fulfillment", fulfillmentId),
    order_id: order.id ?? null,
    name: `${getString(order, "name") ?? "#"}.${fulfillments.length + 1}`,
    status: "success",
    service: "manual",
    shipment_status: null,
    location_id: null,
    created_at: now,
    updated_at: now,
    tracking_company: null,
    tracking_number: null,
    tracking_numbers: [],
    tracking_url: null,
    tracking_urls: [],
    receipt: {},
    line_items: fulfilledLines,
  });
  order.fulfillments = fulfillments;
  order.fulfillment_status = "fulfilled";
  order.updated_at = now;
  return {
    order,
    events: [
      { topic: "orders/fulfilled", payload: orderSnapshot(order) },
      { topic: "orders/updated", payload: orderSnapshot(order) },
    ],
  };
}

export function cancelOrder(
  config: SimulatorConfig,
  shop: ShopState,
  id: string,
  reason = "customer",
): ActionResult {
  const order = findOrder(shop, id);
  if (getString(order, "cancelled_at"))
    throw new HttpError(409, `Order ${id} is already cancelled`);
  const now = restDateTime(config.now());
  order.cancelled_at = now;
  order.cancel_reason = reason;
  order.updated_at = now;
  return {
    order,
    events: [
      { topic: "orders/cancelled", payload: orderSnapshot(order) },
      { topic: "orders/updated", payload: orderSnapshot(order) },
    ],
  };
}

export function refundOrder(
  state: SimulatorState,
  config: SimulatorConfig,
  shop: ShopState,
  id: string,
  request: RefundRequest,
): ActionResult {
  const order = findOrder(shop, id);
  const refund = buildRefund(state, config, order, request);
  applyRefund(config, order, refund);
  return {
    order,
    refund,
    events: [
      { topic: "refunds/create", payload: cloneJson(refund) },
      { topic: "orders/updated", payload: orderSnapshot(order) },
    ],
  };
}
