import { z } from "zod";

/**
 * The parts of Shopify's REST order (= `orders/*` webhook body) that Facturo reads.
 * Tolerant on purpose: unknown keys are dropped, almost everything may be missing or
 * null (trimmed payloads, `include_fields` subscriptions, API-created orders), and ids
 * may be JSON numbers or strings. Amounts are only checked to be string or number
 * here; they become cents in `parse-order.ts`, with a path in every error.
 */

export const rawId = z.union([z.number(), z.string()]);
export const rawAmount = z.union([z.string(), z.number()]);
const text = z.string().nullish();
const flag = z.boolean().nullish();

const rawMoney = z.object({ amount: rawAmount, currency_code: text });
export const rawMoneyBag = z
  .object({ shop_money: rawMoney.nullish(), presentment_money: rawMoney.nullish() })
  .nullish();

export const rawTaxLine = z.object({
  title: text,
  rate: z.union([z.number(), z.string()]).nullish(),
  price: rawAmount.nullish(),
  price_set: rawMoneyBag,
});

const rawDiscountAllocation = z.object({
  amount: rawAmount.nullish(),
  amount_set: rawMoneyBag,
  /** Which of the order's `discount_applications` this share comes from. */
  discount_application_index: z.number().int().nonnegative().nullish(),
});

/** Only what says whether a discount was a percentage: its kind and value ("10.0"). */
const rawDiscountApplication = z.object({
  value_type: text,
  value: z.union([z.string(), z.number()]).nullish(),
});

export const rawLineItem = z.object({
  id: rawId.nullish(),
  admin_graphql_api_id: text,
  product_id: rawId.nullish(),
  variant_id: rawId.nullish(),
  title: text,
  variant_title: text,
  name: text,
  sku: text,
  quantity: z.number().int().min(0),
  price: rawAmount.nullish(),
  price_set: rawMoneyBag,
  total_discount: rawAmount.nullish(),
  total_discount_set: rawMoneyBag,
  discount_allocations: z.array(rawDiscountAllocation).nullish(),
  tax_lines: z.array(rawTaxLine).nullish(),
  taxable: flag,
  requires_shipping: flag,
  gift_card: flag,
  product_exists: flag,
});

export const rawShippingLine = z.object({
  id: rawId.nullish(),
  title: text,
  code: text,
  price: rawAmount.nullish(),
  price_set: rawMoneyBag,
  discounted_price: rawAmount.nullish(),
  discounted_price_set: rawMoneyBag,
  discount_allocations: z.array(rawDiscountAllocation).nullish(),
  tax_lines: z.array(rawTaxLine).nullish(),
  is_removed: flag,
});

const rawAddress = z
  .object({
    name: text,
    first_name: text,
    last_name: text,
    company: text,
    address1: text,
    address2: text,
    zip: text,
    city: text,
    province: text,
    country: text,
    country_code: text,
    phone: text,
  })
  .nullish();

const rawCustomer = z
  .object({
    id: rawId.nullish(),
    admin_graphql_api_id: text,
    email: text,
    first_name: text,
    last_name: text,
    phone: text,
  })
  .nullish();

/** A shipment: its time is when the goods left (the supply of goods, art. 16 WBTW). */
const rawFulfillment = z.object({
  created_at: text,
  status: text,
});

const rawNoteAttribute = z.object({
  name: z.union([z.string(), z.number()]).nullish(),
  value: z.union([z.string(), z.number(), z.boolean()]).nullish(),
});

export const rawOrderSchema = z.object({
  id: rawId.nullish(),
  admin_graphql_api_id: text,
  name: text,
  email: text,
  contact_email: text,
  phone: text,
  note: text,
  test: flag,
  created_at: text,
  processed_at: text,
  updated_at: text,
  cancelled_at: text,
  customer_locale: text,
  currency: text,
  presentment_currency: text,
  taxes_included: flag,
  financial_status: text,
  fulfillment_status: text,
  payment_gateway_names: z.array(z.string()).nullish(),
  source_name: text,
  note_attributes: z.array(rawNoteAttribute).nullish(),
  customer: rawCustomer,
  billing_address: rawAddress,
  shipping_address: rawAddress,
  total_price: rawAmount.nullish(),
  total_price_set: rawMoneyBag,
  subtotal_price: rawAmount.nullish(),
  subtotal_price_set: rawMoneyBag,
  total_tax: rawAmount.nullish(),
  total_tax_set: rawMoneyBag,
  total_discounts: rawAmount.nullish(),
  total_discounts_set: rawMoneyBag,
  total_line_items_price: rawAmount.nullish(),
  total_line_items_price_set: rawMoneyBag,
  total_tip_received: rawAmount.nullish(),
  /** What the customer still owes Shopify (a plain shop-currency amount in REST). */
  total_outstanding: rawAmount.nullish(),
  // Not a REST field: the GraphQL converter adds it so the amount keeps its presentment side.
  total_outstanding_set: rawMoneyBag,
  // Not a REST field: the GraphQL converter adds it so the tip keeps its presentment side.
  total_tip_received_set: rawMoneyBag,
  original_total_duties_set: rawMoneyBag,
  original_total_additional_fees_set: rawMoneyBag,
  tax_lines: z.array(rawTaxLine).nullish(),
  discount_applications: z.array(rawDiscountApplication.passthrough()).nullish(),
  line_items: z.array(rawLineItem),
  shipping_lines: z.array(rawShippingLine).nullish(),
  fulfillments: z.array(rawFulfillment).nullish(),
});

export type RawOrder = z.infer<typeof rawOrderSchema>;
export type RawLineItem = z.infer<typeof rawLineItem>;
export type RawShippingLine = z.infer<typeof rawShippingLine>;
export type RawTaxLine = z.infer<typeof rawTaxLine>;
