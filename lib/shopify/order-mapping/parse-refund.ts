import { z } from "zod";
import { AmountReader } from "./amount-reader";
import { ShopifyPayloadError, summariseIssues, type ParseResult } from "./errors";
import { normaliseLineItem, normaliseShippingLine } from "./normalise-lines";
import { rawAmount, rawId, rawLineItem, rawMoneyBag, rawShippingLine } from "./order-schema";
import type { ShopifyOrder } from "./order-types";
import { isPlainObject, payloadError, zodIssues } from "./payload-checks";
import type { ShopifyRefund, ShopifyRefundTransaction } from "./refund-types";
import { gidFor, idString } from "./shopify-ids";
import { optionalText } from "./text-fields";

const text = z.string().nullish();

/** The parts of a `refunds/create` body the credit note needs; tolerant like the order schema. */
const rawRefundSchema = z.object({
  id: rawId.nullish(),
  admin_graphql_api_id: text,
  order_id: rawId.nullish(),
  created_at: text,
  processed_at: text,
  note: text,
  restock: z.boolean().nullish(),
  refund_line_items: z
    .array(
      z.object({
        id: rawId.nullish(),
        line_item_id: rawId.nullish(),
        quantity: z.number().int().min(0),
        restock_type: text,
        location_id: rawId.nullish(),
        subtotal: rawAmount.nullish(),
        subtotal_set: rawMoneyBag,
        total_tax: rawAmount.nullish(),
        total_tax_set: rawMoneyBag,
        line_item: rawLineItem.nullish(),
      }),
    )
    .nullish(),
  refund_shipping_lines: z
    .array(
      z.object({
        id: rawId.nullish(),
        shipping_line_id: rawId.nullish(),
        subtotal_amount_set: rawMoneyBag,
        tax_amount_set: rawMoneyBag,
        shipping_line: rawShippingLine.nullish(),
      }),
    )
    .nullish(),
  order_adjustments: z
    .array(
      z.object({
        id: rawId.nullish(),
        kind: text,
        amount: rawAmount.nullish(),
        amount_set: rawMoneyBag,
        tax_amount: rawAmount.nullish(),
        tax_amount_set: rawMoneyBag,
        reason: text,
      }),
    )
    .nullish(),
  transactions: z
    .array(
      z.object({
        id: rawId.nullish(),
        kind: text,
        status: text,
        amount: rawAmount.nullish(),
        amount_set: rawMoneyBag,
        currency: text,
        gateway: text,
      }),
    )
    .nullish(),
  total_duties_set: rawMoneyBag,
  total_additional_fees_set: rawMoneyBag,
});
type RawRefund = z.infer<typeof rawRefundSchema>;

/**
 * A `refunds/create` body → typed refund. The refund itself names no currency, so the
 * order it belongs to supplies it: amounts are read on the order's presentment side.
 */
export function parseShopifyRefund(
  json: unknown,
  order: Pick<ShopifyOrder, "presentmentCurrency" | "shopCurrency">,
): ParseResult<ShopifyRefund> {
  if (!isPlainObject(json)) {
    const error = new ShopifyPayloadError("not_an_object", "Refund payload is not an object");
    return { ok: false, error };
  }
  if (json.id === undefined && json.admin_graphql_api_id === undefined) {
    const issues = [{ path: "id", message: "is missing" }];
    return {
      ok: false,
      error: new ShopifyPayloadError("not_a_refund", "Not a Shopify refund: no id", issues),
    };
  }
  const parsed = rawRefundSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, error: payloadError("Invalid Shopify refund", zodIssues(parsed.error)) };
  }
  const raw = parsed.data;
  const id = idString(raw.id, raw.admin_graphql_api_id);
  if (!id) {
    const issues = [{ path: "id", message: "is not a Shopify id" }];
    return { ok: false, error: payloadError("Invalid Shopify refund", issues) };
  }

  const reader = new AmountReader(order.presentmentCurrency, order.shopCurrency);
  const refund = normaliseRefund(raw, id, reader, order.presentmentCurrency);
  if (reader.issues.length > 0) {
    const message = summariseIssues("Invalid amounts in Shopify refund", reader.issues);
    return { ok: false, error: new ShopifyPayloadError("invalid_amount", message, reader.issues) };
  }
  return { ok: true, value: refund };
}

function normaliseRefund(
  raw: RawRefund,
  id: string,
  reader: AmountReader,
  presentmentCurrency: string,
): ShopifyRefund {
  return {
    id,
    gid: optionalText(raw.admin_graphql_api_id) ?? gidFor("Refund", id),
    orderId: idString(raw.order_id),
    createdAt: optionalText(raw.created_at),
    processedAt: optionalText(raw.processed_at),
    note: optionalText(raw.note),
    restock: raw.restock ?? null,
    lineItems: (raw.refund_line_items ?? []).map((line, index) => {
      const at = `refund_line_items.${index}`;
      return {
        id: idString(line.id),
        lineItemId: idString(line.line_item_id, line.line_item?.admin_graphql_api_id),
        quantity: line.quantity,
        restockType: optionalText(line.restock_type),
        locationId: idString(line.location_id),
        subtotalCents: reader.pick(`${at}.subtotal`, line.subtotal_set, line.subtotal, true) ?? 0,
        totalTaxCents:
          reader.pick(`${at}.total_tax`, line.total_tax_set, line.total_tax, false) ?? 0,
        lineItem: line.line_item
          ? normaliseLineItem(reader, `${at}.line_item`, line.line_item)
          : null,
      };
    }),
    shippingLines: (raw.refund_shipping_lines ?? []).map((line, index) => {
      const at = `refund_shipping_lines.${index}`;
      return {
        id: idString(line.id),
        shippingLineId: idString(line.shipping_line_id, null) ?? idString(line.shipping_line?.id),
        subtotalCents:
          reader.pick(`${at}.subtotal_amount`, line.subtotal_amount_set, null, true) ?? 0,
        taxCents: reader.pick(`${at}.tax_amount`, line.tax_amount_set, null, false),
        shippingLine: line.shipping_line
          ? normaliseShippingLine(reader, `${at}.shipping_line`, line.shipping_line)
          : null,
      };
    }),
    adjustments: (raw.order_adjustments ?? []).map((adjustment, index) => {
      const at = `order_adjustments.${index}`;
      return {
        id: idString(adjustment.id),
        kind: optionalText(adjustment.kind),
        amountCents:
          reader.pick(`${at}.amount`, adjustment.amount_set, adjustment.amount, true) ?? 0,
        taxAmountCents:
          reader.pick(
            `${at}.tax_amount`,
            adjustment.tax_amount_set,
            adjustment.tax_amount,
            false,
          ) ?? 0,
        reason: optionalText(adjustment.reason),
      };
    }),
    transactions: (raw.transactions ?? []).map((transaction, index) =>
      normaliseTransaction(transaction, `transactions.${index}`, reader, presentmentCurrency),
    ),
    dutiesCents: reader.pick("total_duties", raw.total_duties_set, null, false),
    additionalFeesCents: reader.pick(
      "total_additional_fees",
      raw.total_additional_fees_set,
      null,
      false,
    ),
  };
}

/**
 * A transaction's plain `amount` is in its own `currency` (the presentment currency
 * for customer payments), so it is read as such — and refused if it is another one.
 */
function normaliseTransaction(
  raw: NonNullable<RawRefund["transactions"]>[number],
  at: string,
  reader: AmountReader,
  presentmentCurrency: string,
): ShopifyRefundTransaction {
  let amountCents: number | null;
  if (raw.amount_set) {
    amountCents = reader.pick(`${at}.amount`, raw.amount_set, null, true);
  } else if (raw.currency && raw.currency !== presentmentCurrency) {
    reader.issue(
      `${at}.currency`,
      `is ${raw.currency}, the order is presented in ${presentmentCurrency}`,
    );
    amountCents = null;
  } else if (raw.amount === null || raw.amount === undefined) {
    reader.issue(`${at}.amount`, "is missing");
    amountCents = null;
  } else {
    amountCents = reader.cents(`${at}.amount`, raw.amount);
  }
  return {
    id: idString(raw.id),
    kind: optionalText(raw.kind)?.toLowerCase() ?? null,
    status: optionalText(raw.status)?.toLowerCase() ?? null,
    amountCents: amountCents ?? 0,
    gateway: optionalText(raw.gateway),
  };
}
