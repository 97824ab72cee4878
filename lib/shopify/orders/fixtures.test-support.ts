import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { SHOPIFY_FIXTURES } from "@/test/fixtures";

/** The Shopify fixtures in the repository (test/fixtures/shopify; see their SOURCES.md). */
export const FIXTURES = SHOPIFY_FIXTURES;

export const readJson = (file: string): unknown =>
  JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as unknown;

/** Order payloads, without the `*.expected.json` answer files that lie next to them. */
export const orderFixtures = (): string[] =>
  readdirSync(path.join(FIXTURES, "orders"))
    .filter((name) => name.endsWith(".json") && !name.endsWith(".expected.json"))
    .sort();

export const refundFixtures = (): string[] =>
  readdirSync(path.join(FIXTURES, "refunds"))
    .filter((name) => name.endsWith(".json"))
    .sort();

/**
 * Fixtures whose totals cannot be reproduced, per SOURCES.md — every other order
 * fixture must match Shopify to the cent.
 */
export const NOT_ARITHMETIC: Record<string, string> = {
  "docs-order-1001-discount-code-tax-lines-refund.json":
    "docs sample, not internally consistent (subtotal ignores the discount, tax not per line)",
  "testshop-cad-discount-application.json": "trimmed: shipping_lines and tax keys are missing",
};

/** What `eu-*.expected.json` holds (SOURCES.md, "Generated EU VAT-inclusive orders"). */
export interface ExpectedInvoice {
  order_id: string;
  admin_graphql_api_id: string;
  order_name: string;
  order_date: string;
  taxes_included: boolean;
  currency: string;
  total_cents: number;
  total_tax_cents: number;
  vat_by_rate: Record<string, { taxable_cents: number; tax_cents: number }>;
  paid: boolean;
  financial_status: string;
  email: string;
  locale: string;
  line_count: number;
  product_line_count: number;
  shipping_line_count: number;
  tip_cents: number;
  discount_cents: number;
  buyer: { name: string; company: string | null; vat_number: string | null; country_code: string };
  reverse_charge: boolean;
  lines: ExpectedLine[];
}

export interface ExpectedLine {
  kind: "product" | "shipping";
  title: string;
  variant_title?: string;
  sku?: string;
  quantity?: number;
  unit_price_cents?: number;
  price_cents?: number;
  discount_cents: number;
  amount_cents: number;
  vat_rate: string;
  tax_cents: number;
  amount_excl_vat_cents: number;
}
