import type { SimulatorConfig } from "./config";
import { restDateTime } from "./dates";
import { HttpError } from "@facturo/stand-in-http";
import { gid } from "./ids";
import {
  cloneJson,
  getNumber,
  getObjects,
  getScalarString,
  getString,
  idKey,
  type JsonObject,
  type JsonValue,
} from "./json";
import {
  addCents,
  type Cents,
  centsOf,
  currenciesOf,
  mapCents,
  moneySet,
  writeMoney,
  zeroCents,
} from "./money-set";
import { formatCents, toCents } from "./money";
import { nextResourceId, type SimulatorState } from "./state";

/**
 * Builds a REST refund resource (docs/shopify.md §3.5) for a stored order and applies it to the
 * order. Amounts per refunded line are proportional to the line's DISCOUNTED amount and its
 * tax, rounded per line; the last units of a line get the remainder, so a line refunded in
 * several steps adds up to the cent. Whether `subtotal` is gross in a taxes_included shop is
 * unconfirmed (§7): the simulator uses the line's own amount, i.e. gross when prices
 * include tax, and adds tax to the money refunded only when prices exclude it.
 */

export interface RefundLineRequest {
  lineItemId: number | string;
  quantity: number;
  restockType?: "no_restock" | "cancel" | "return" | "legacy_restock";
}

export interface RefundRequest {
  /** A complete REST refund to record as-is (ids and dates filled in when missing). */
  refund?: JsonObject;
  lineItems?: RefundLineRequest[];
  shipping?: boolean;
  /** Money actually returned; defaults to the value of what is refunded. */
  amount?: string;
  note?: string;
}

const REFUNDABLE_STATUSES = new Set(["paid", "partially_paid", "partially_refunded"]);

function sameId(a: JsonValue | undefined, b: JsonValue | number | string | undefined): boolean {
  const key = idKey(a);
  return key !== "" && key === idKey(b);
}

function lineNet(line: JsonObject): Cents {
  const quantity = getNumber(line, "quantity") ?? 0;
  const discounts = getObjects(line, "discount_allocations").reduce<Cents>(
    (sum, allocation) => addCents(sum, centsOf(allocation, "amount")),
    zeroCents(),
  );
  return mapCents(centsOf(line, "price"), (unit, side) => unit * quantity - discounts[side]);
}

function taxOf(line: JsonObject): Cents {
  return getObjects(line, "tax_lines").reduce<Cents>(
    (sum, tax) => addCents(sum, centsOf(tax, "price")),
    zeroCents(),
  );
}

function previousRefundLines(order: JsonObject, lineItemId: JsonValue | undefined): JsonObject[] {
  return getObjects(order, "refunds")
    .flatMap((refund) => getObjects(refund, "refund_line_items"))
    .filter((item) => sameId(item.line_item_id, lineItemId));
}

export function buildRefund(
  state: SimulatorState,
  config: SimulatorConfig,
  order: JsonObject,
  request: RefundRequest,
): JsonObject {
  const status = getString(order, "financial_status") ?? "pending";
  if (!REFUNDABLE_STATUSES.has(status)) {
    throw new HttpError(409, `Order is ${status}: there is no captured payment to refund`);
  }
  const now = restDateTime(config.now());
  const refundId = nextResourceId(state);
  const orderId = order.id ?? null;
  const currencies = currenciesOf(order);

  if (request.refund) {
    const given = cloneJson(request.refund);
    given.id ??= refundId;
    given.order_id = orderId;
    given.admin_graphql_api_id ??= gid("Refund", getScalarString(given, "id") ?? refundId);
    given.created_at ??= now;
    given.processed_at ??= now;
    given.refund_line_items ??= [];
    given.transactions ??= [];
    return given;
  }

  const lines = getObjects(order, "line_items");
  const requested: RefundLineRequest[] =
    request.lineItems ??
    (request.shipping || request.amount !== undefined
      ? []
      : // Nothing specified: the whole first line, like the admin page's Refund button.
        lines.slice(0, 1).map((line) => ({
          lineItemId: getScalarString(line, "id") ?? "",
          quantity: remainingQuantity(order, line),
        })));

  const taxesIncluded = order.taxes_included === true;
  let goods = zeroCents();
  let goodsTax = zeroCents();
  const refundLineItems: JsonObject[] = requested.map((wanted) => {
    const line = lines.find((l) => sameId(l.id, wanted.lineItemId));
    if (!line)
      throw new HttpError(400, `Line item ${String(wanted.lineItemId)} is not in the order`);
    const remaining = remainingQuantity(order, line);
    if (!Number.isInteger(wanted.quantity) || wanted.quantity < 1 || wanted.quantity > remaining) {
      throw new HttpError(
        400,
        `Line item ${String(wanted.lineItemId)}: quantity must be between 1 and ${remaining}`,
      );
    }
    const quantity = getNumber(line, "quantity") ?? 0;
    const net = lineNet(line);
    const tax = taxOf(line);
    const previous = previousRefundLines(order, line.id);
    const refundedNet = previous.reduce<Cents>(
      (s, item) => addCents(s, centsOf(item, "subtotal")),
      zeroCents(),
    );
    const refundedTax = previous.reduce<Cents>(
      (s, item) => addCents(s, centsOf(item, "total_tax")),
      zeroCents(),
    );
    const isLast = wanted.quantity === remaining;
    const share = (total: Cents, done: Cents): Cents =>
      mapCents(total, (value, side) =>
        isLast ? value - done[side] : Math.round((value * wanted.quantity) / quantity),
      );
    const subtotal = share(net, refundedNet);
    const totalTax = share(tax, refundedTax);
    goods = addCents(goods, subtotal);
    goodsTax = addCents(goodsTax, totalTax);
    return {
      id: nextResourceId(state),
      line_item_id: line.id ?? null,
      quantity: wanted.quantity,
      restock_type: wanted.restockType ?? "no_restock",
      location_id: null,
      // Numbers, as in Shopify's payloads; the *_set strings are authoritative (§3.3).
      subtotal: subtotal.shop_money / 100,
      subtotal_set: moneySet(subtotal, currencies),
      total_tax: totalTax.shop_money / 100,
      total_tax_set: moneySet(totalTax, currencies),
      line_item: cloneJson(line),
    };
  });

  let shipping = zeroCents();
  let shippingTax = zeroCents();
  const refundShippingLines: JsonObject[] = [];
  const orderAdjustments: JsonObject[] = [];
  if (request.shipping) {
    const alreadyRefunded = new Set(
      getObjects(order, "refunds")
        .flatMap((refund) => getObjects(refund, "refund_shipping_lines"))
        .map((item) => idKey(item.shipping_line_id)),
    );
    for (const line of getObjects(order, "shipping_lines")) {
      if (line.is_removed === true || alreadyRefunded.has(idKey(line.id))) continue;
      const amount =
        line.discounted_price_set || line.discounted_price !== undefined
          ? centsOf(line, "discounted_price")
          : centsOf(line, "price");
      const tax = taxOf(line);
      shipping = addCents(shipping, amount);
      shippingTax = addCents(shippingTax, tax);
      refundShippingLines.push({
        id: nextResourceId(state),
        shipping_line_id: line.id ?? null,
        subtotal_amount_set: moneySet(amount, currencies),
        shipping_line: cloneJson(line),
      });
      // Shopify's own example carries the shipping refund twice: as a refund shipping line
      // AND as a `shipping_refund` order adjustment (negative amounts). Count it once.
      const negative = mapCents(amount, (v) => -v);
      const negativeTax = mapCents(tax, (v) => -v);
      orderAdjustments.push({
        id: nextResourceId(state),
        order_id: orderId,
        refund_id: refundId,
        amount: formatCents(negative.shop_money),
        amount_set: moneySet(negative, currencies),
        tax_amount: formatCents(negativeTax.shop_money),
        tax_amount_set: moneySet(negativeTax, currencies),
        kind: "shipping_refund",
        reason: "Shipping refund",
      });
    }
    if (
      refundShippingLines.length === 0 &&
      requested.length === 0 &&
      request.amount === undefined
    ) {
      throw new HttpError(409, "Shipping was already refunded");
    }
  }

  const computed = addCents(
    addCents(goods, shipping),
    taxesIncluded ? zeroCents() : addCents(goodsTax, shippingTax),
  );
  const refundedPresentment =
    request.amount !== undefined ? toCents(request.amount) : computed.presentment_money;
  if (
    request.amount !== undefined &&
    refundedPresentment !== computed.presentment_money &&
    requested.length + refundShippingLines.length > 0
  ) {
    // The money returned differs from the value of the goods: Shopify records the gap.
    const gap = refundedPresentment - computed.presentment_money;
    const gapCents: Cents = { shop_money: gap, presentment_money: gap };
    orderAdjustments.push({
      id: nextResourceId(state),
      order_id: orderId,
      refund_id: refundId,
      amount: formatCents(gap),
      amount_set: moneySet(gapCents, currencies),
      tax_amount: "0.00",
      tax_amount_set: moneySet(zeroCents(), currencies),
      kind: "refund_discrepancy",
      reason: "Refund discrepancy",
    });
  }
  const gateways = Array.isArray(order.payment_gateway_names) ? order.payment_gateway_names : [];
  const transactionId = nextResourceId(state);
  return {
    id: refundId,
    admin_graphql_api_id: gid("Refund", refundId),
    order_id: orderId,
    created_at: now,
    processed_at: now,
    note: request.note ?? null,
    user_id: null,
    restock: refundLineItems.some((item) => item.restock_type !== "no_restock"),
    duties: [],
    total_duties_set: moneySet(zeroCents(), currencies),
    additional_fees: [],
    total_additional_fees_set: moneySet(zeroCents(), currencies),
    return: null,
    refund_line_items: refundLineItems,
    refund_shipping_lines: refundShippingLines,
    order_adjustments: orderAdjustments,
    transactions: [
      {
        id: transactionId,
        admin_graphql_api_id: gid("OrderTransaction", transactionId),
        order_id: orderId,
        kind: "refund",
        gateway: typeof gateways[0] === "string" ? gateways[0] : "manual",
        status: "success",
        message: "Refunded (Shopify simulator)",
        created_at: now,
        test: order.test === true,
        authorization: null,
        location_id: null,
        user_id: null,
        parent_id: null,
        processed_at: now,
        device_id: null,
        error_code: null,
        source_name: "web",
        receipt: {},
        amount: formatCents(refundedPresentment, currencies.presentment_money),
        currency: currencies.presentment_money,
      },
    ],
  };
}

/** Units of a line that can still be refunded. */
export function remainingQuantity(order: JsonObject, line: JsonObject): number {
  const refunded = previousRefundLines(order, line.id).reduce(
    (sum, item) => sum + (getNumber(item, "quantity") ?? 0),
    0,
  );
  return Math.max(0, (getNumber(line, "quantity") ?? 0) - refunded);
}

/**
 * Records the refund on the order: refunds[], line current quantities, `current_*` totals
 * and the financial status (refunded once the money returned reaches the total).
 */
export function applyRefund(config: SimulatorConfig, order: JsonObject, refund: JsonObject): void {
  const currencies = currenciesOf(order);
  const taxesIncluded = order.taxes_included === true;
  const lines = getObjects(order, "line_items");
  let goods = zeroCents();
  let tax = zeroCents();
  for (const item of getObjects(refund, "refund_line_items")) {
    goods = addCents(goods, centsOf(item, "subtotal"));
    tax = addCents(tax, centsOf(item, "total_tax"));
    const line = lines.find((l) => sameId(l.id, item.line_item_id));
    if (line) {
      const current =
        (getNumber(line, "current_quantity") ?? getNumber(line, "quantity") ?? 0) -
        (getNumber(item, "quantity") ?? 0);
      line.current_quantity = Math.max(0, current);
      const fulfillable = getNumber(line, "fulfillable_quantity");
      if (fulfillable !== null)
        line.fulfillable_quantity = Math.min(fulfillable, line.current_quantity);
    }
  }
  let shipping = zeroCents();
  for (const item of getObjects(refund, "refund_shipping_lines")) {
    shipping = addCents(shipping, centsOf(item, "subtotal_amount"));
    const line = getObjects(order, "shipping_lines").find((l) =>
      sameId(l.id, item.shipping_line_id),
    );
    if (line) tax = addCents(tax, taxOf(line));
  }

  const current = (key: string): Cents =>
    order[`current_${key}_set`] !== undefined || order[`current_${key}`] !== undefined
      ? centsOf(order, `current_${key}`)
      : centsOf(order, key);
  const minus = (a: Cents, b: Cents) => mapCents(a, (v, side) => v - b[side]);
  writeMoney(order, "current_subtotal_price", minus(current("subtotal_price"), goods), currencies);
  writeMoney(order, "current_total_tax", minus(current("total_tax"), tax), currencies);
  const removed = addCents(addCents(goods, shipping), taxesIncluded ? zeroCents() : tax);
  writeMoney(order, "current_total_price", minus(current("total_price"), removed), currencies);
  const shippingNow =
    order.current_shipping_price_set !== undefined
      ? centsOf(order, "current_shipping_price")
      : centsOf(order, "total_shipping_price");
  order.current_shipping_price_set = moneySet(minus(shippingNow, shipping), currencies);

  const refunds = getObjects(order, "refunds");
  refunds.push(refund);
  order.refunds = refunds;
  const refundedTotal = refunds
    .flatMap((r) => getObjects(r, "transactions"))
    .filter((t) => t.kind === "refund" && t.status !== "failure")
    .reduce((sum, t) => sum + toCents(getScalarString(t, "amount")), 0);
  const totalPrice = centsOf(order, "total_price").presentment_money;
  order.financial_status = refundedTotal >= totalPrice ? "refunded" : "partially_refunded";
  order.updated_at = restDateTime(config.now());
}
