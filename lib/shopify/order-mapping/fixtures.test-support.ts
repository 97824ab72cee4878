import { readFileSync } from "node:fs";
import path from "node:path";
import { fixtureFiles, SHOPIFY_FIXTURES } from "@/test/fixtures";

/** The Shopify fixtures in the repository (test/fixtures/shopify; see their SOURCES.md). */
export const FIXTURES = SHOPIFY_FIXTURES;

export const readJson = (file: string): unknown =>
  JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as unknown;

/**
 * A fixture folder's files as its manifest lists them (test/fixtures/index.ts): a listed file
 * that is missing, or none at all, is an error, never a suite of fewer or zero tests.
 */
function listFixtures(folder: string, keep: (name: string) => boolean): string[] {
  return fixtureFiles(`shopify/${folder}`).filter(keep);
}

/** Order payloads, without the `*.expected.json` answer files that lie next to them. */
export const orderFixtures = (): string[] =>
  listFixtures("orders", (name) => name.endsWith(".json") && !name.endsWith(".expected.json"));

export const refundFixtures = (): string[] =>
  listFixtures("refunds", (name) => name.endsWith(".json"));

/** One of Shopify's totals that a fixture's own lines do not give (compareWithShopify's check). */
export interface KnownMismatch {
  readonly what: string;
  readonly shopifyCents: number;
  readonly documentCents: number;
}

/**
 * Fixtures whose totals cannot be reproduced, per SOURCES.md, with the exact mismatch
 * each one must show — every other order fixture must match Shopify to the cent.
 */
export const NOT_ARITHMETIC: Readonly<
  Record<string, { readonly why: string; readonly mismatches: readonly KnownMismatch[] }>
> = {
  "docs-order-1001-discount-code-tax-lines-refund.json": {
    why: "docs sample, not internally consistent: subtotal_price 597.00 ignores the 10.00 discount",
    mismatches: [{ what: "subtotal_price", shopifyCents: 59700, documentCents: 58700 }],
  },
  "testshop-cad-discount-application.json": {
    why: "trimmed: shipping_lines and tax keys are missing, so total_price 79.28 is out of reach",
    mismatches: [{ what: "total_price", shopifyCents: 7928, documentCents: 7000 }],
  },
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
