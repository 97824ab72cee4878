import { AmountReader } from "./amount-reader";
import { ShopifyPayloadError, summariseIssues, type ParseResult } from "./errors";
import { normaliseLineItem, normaliseShippingLine, normaliseTaxLines } from "./normalise-lines";
import { rawOrderSchema, type RawOrder } from "./order-schema";
import type { ShopifyAddress, ShopifyNoteAttribute, ShopifyOrder } from "./order-types";
import { checkCurrency, isPlainObject, payloadError, zodIssues } from "./payload-checks";
import { gidFor, idString } from "./shopify-ids";
import { optionalText } from "./text-fields";

/**
 * Webhook body (or GraphQL order turned into that shape) → typed order, or a typed
 * error that says what is wrong and where. Never throws on bad input.
 */
export function parseShopifyOrder(json: unknown): ParseResult<ShopifyOrder> {
  if (!isPlainObject(json)) {
    const kind = Array.isArray(json) ? "an array" : json === null ? "null" : typeof json;
    const error = new ShopifyPayloadError(
      "not_an_object",
      `Order payload is ${kind}, not an object`,
    );
    return { ok: false, error };
  }
  const missing = [
    json.id === undefined && json.admin_graphql_api_id === undefined ? "id" : null,
    Array.isArray(json.line_items) ? null : "line_items",
  ].filter((key): key is string => key !== null);
  if (missing.length > 0) {
    const issues = missing.map((path) => ({ path, message: "is missing" }));
    const message = `Not a Shopify order: no ${missing.join(" and no ")}`;
    return { ok: false, error: new ShopifyPayloadError("not_an_order", message, issues) };
  }

  const parsed = rawOrderSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, error: payloadError("Invalid Shopify order", zodIssues(parsed.error)) };
  }
  const raw = parsed.data;
  const id = idString(raw.id, raw.admin_graphql_api_id);
  if (!id) {
    const issues = [{ path: "id", message: "is not a Shopify id" }];
    return { ok: false, error: payloadError("Invalid Shopify order", issues) };
  }

  const presentment = (raw.presentment_currency ?? raw.currency ?? "").trim();
  const shop = (raw.currency ?? raw.presentment_currency ?? "").trim();
  if (!presentment) {
    const issues = [{ path: "currency", message: "is missing" }];
    return { ok: false, error: payloadError("Invalid Shopify order", issues) };
  }
  const currencyError = checkCurrency(presentment, "presentment_currency");
  if (currencyError) return { ok: false, error: currencyError };

  const reader = new AmountReader(presentment, shop);
  const order = normaliseOrder(raw, id, presentment, shop, reader);
  if (reader.issues.length > 0) {
    const message = summariseIssues("Invalid amounts in Shopify order", reader.issues);
    return { ok: false, error: new ShopifyPayloadError("invalid_amount", message, reader.issues) };
  }
  return { ok: true, value: order };
}

function normaliseOrder(
  raw: RawOrder,
  id: string,
  presentmentCurrency: string,
  shopCurrency: string,
  reader: AmountReader,
): ShopifyOrder {
  // Duties and fees only exist as `_set` objects.
  const setOnly = (path: string, set: Parameters<AmountReader["pick"]>[1]) =>
    reader.pick(path, set, null, false);
  return {
    id,
    gid: optionalText(raw.admin_graphql_api_id) ?? gidFor("Order", id),
    name: optionalText(raw.name),
    email: optionalText(raw.email) ?? optionalText(raw.contact_email),
    phone: optionalText(raw.phone),
    note: optionalText(raw.note),
    test: raw.test ?? false,
    createdAt: optionalText(raw.created_at),
    processedAt: optionalText(raw.processed_at),
    updatedAt: optionalText(raw.updated_at),
    cancelledAt: optionalText(raw.cancelled_at),
    customerLocale: optionalText(raw.customer_locale),
    shopCurrency: shopCurrency || presentmentCurrency,
    presentmentCurrency,
    taxesIncluded: raw.taxes_included ?? false,
    financialStatus: optionalText(raw.financial_status)?.toLowerCase() ?? null,
    fulfillmentStatus: optionalText(raw.fulfillment_status)?.toLowerCase() ?? null,
    paymentGatewayNames: (raw.payment_gateway_names ?? [])
      .map((name) => name.trim())
      .filter(Boolean),
    sourceName: optionalText(raw.source_name),
    noteAttributes: noteAttributes(raw.note_attributes),
    customer: raw.customer
      ? {
          id: idString(raw.customer.id, raw.customer.admin_graphql_api_id),
          gid: optionalText(raw.customer.admin_graphql_api_id),
          email: optionalText(raw.customer.email),
          firstName: optionalText(raw.customer.first_name),
          lastName: optionalText(raw.customer.last_name),
          phone: optionalText(raw.customer.phone),
        }
      : null,
    billingAddress: address(raw.billing_address),
    shippingAddress: address(raw.shipping_address),
    totals: {
      totalPriceCents: reader.pick("total_price", raw.total_price_set, raw.total_price, false),
      subtotalPriceCents: reader.pick(
        "subtotal_price",
        raw.subtotal_price_set,
        raw.subtotal_price,
        false,
      ),
      totalTaxCents: reader.pick("total_tax", raw.total_tax_set, raw.total_tax, false),
      totalDiscountsCents: reader.pick(
        "total_discounts",
        raw.total_discounts_set,
        raw.total_discounts,
        false,
      ),
      totalLineItemsPriceCents: reader.pick(
        "total_line_items_price",
        raw.total_line_items_price_set,
        raw.total_line_items_price,
        false,
      ),
      totalTipCents: tipCents(raw, reader),
      totalDutiesCents: setOnly("original_total_duties", raw.original_total_duties_set),
      totalAdditionalFeesCents: setOnly(
        "original_total_additional_fees",
        raw.original_total_additional_fees_set,
      ),
      totalOutstandingCents: outstandingCents(raw, reader),
    },
    taxLines: raw.tax_lines ? normaliseTaxLines(reader, "tax_lines", raw.tax_lines) : null,
    lineItems: raw.line_items.map((line, index) =>
      normaliseLineItem(reader, `line_items.${index}`, line, raw.discount_applications),
    ),
    shippingLines: raw.shipping_lines
      ? raw.shipping_lines.map((line, index) =>
          normaliseShippingLine(reader, `shipping_lines.${index}`, line),
        )
      : null,
    fulfillments: (raw.fulfillments ?? []).map((fulfillment) => ({
      createdAt: optionalText(fulfillment.created_at),
      status: optionalText(fulfillment.status)?.toLowerCase() ?? null,
    })),
  };
}

/**
 * `total_outstanding` is a plain shop-currency field, like the tip: usable only when the
 * order is presented in the shop's currency (or when the GraphQL converter gave its set).
 */
function outstandingCents(raw: RawOrder, reader: AmountReader): number | null {
  if (raw.total_outstanding_set) {
    return reader.pick("total_outstanding", raw.total_outstanding_set, null, false);
  }
  if (raw.total_outstanding === null || raw.total_outstanding === undefined) return null;
  const sameCurrency = (raw.presentment_currency ?? raw.currency) === raw.currency;
  return sameCurrency ? reader.cents("total_outstanding", raw.total_outstanding) : null;
}

/**
 * `total_tip_received` is a plain shop-currency field. In a multi-currency order it
 * cannot be used as a presentment amount, so it stays unknown (null) and the mapping
 * takes the tip from the tip line items, which do have a presentment side.
 */
function tipCents(raw: RawOrder, reader: AmountReader): number | null {
  if (raw.total_tip_received_set) {
    return reader.pick("total_tip_received", raw.total_tip_received_set, null, false);
  }
  if (raw.total_tip_received === null || raw.total_tip_received === undefined) return null;
  const sameCurrency = (raw.presentment_currency ?? raw.currency) === raw.currency;
  return sameCurrency ? reader.cents("total_tip_received", raw.total_tip_received) : null;
}

function noteAttributes(raw: RawOrder["note_attributes"]): ShopifyNoteAttribute[] {
  return (raw ?? []).flatMap((attribute) => {
    const name = optionalText(attribute.name);
    const value = optionalText(attribute.value);
    return name && value ? [{ name, value }] : [];
  });
}

function address(raw: RawOrder["billing_address"]): ShopifyAddress | null {
  if (!raw) return null;
  return {
    name: optionalText(raw.name),
    firstName: optionalText(raw.first_name),
    lastName: optionalText(raw.last_name),
    company: optionalText(raw.company),
    address1: optionalText(raw.address1),
    address2: optionalText(raw.address2),
    zip: optionalText(raw.zip),
    city: optionalText(raw.city),
    province: optionalText(raw.province),
    country: optionalText(raw.country),
    countryCode: optionalText(raw.country_code)?.toUpperCase() ?? null,
    phone: optionalText(raw.phone),
  };
}
