import type { DocumentLineRow, DocumentRow } from "@/db/queries/documents";
import type { Organisation } from "@/db/queries/organisations";
import type { CustomerSnapshot } from "@/db/schema/documents";
import {
  computeMappedTotals,
  mapOrderToDocument,
  mapRefundToCreditNote,
  parseShopifyOrder,
  parseShopifyRefund,
  toFacturoLines,
  type MappedCreditNote,
  type MappedOrderDocument,
  type ShopifyOrder,
} from "@/lib/shopify/order-mapping";
import {
  orderFixtures,
  readJson,
  refundFixtures,
} from "@/lib/shopify/order-mapping/fixtures.test-support";
import { divideRoundHalfAway } from "@/lib/money";
import { createStructuredCommunication } from "@/lib/structured-communication/create-structured-communication";
import { toUblInput, type ToUblInputOptions, type UblInput } from "./ubl-input";
import { SELLER } from "./ubl-cases.test-support";

/**
 * The Shopify fixtures (test/fixtures/shopify) as Facturo would store them — Shopify mapping, Facturo
 * lines, `computeDocumentTotals` with the mapping's fixed VAT (`computeMappedTotals`),
 * a document row and its line rows — and then through `toUblInput`, the path the app
 * will take. No database: the rows are built in memory with the schema's types.
 */
export const ORGANISATION: Organisation = {
  id: "00000000-0000-4000-8000-000000000001",
  legalName: SELLER.name,
  street: SELLER.street,
  postalCode: SELLER.postalCode,
  city: SELLER.city,
  country: SELLER.country,
  vatNumber: SELLER.vatNumber,
  iban: SELLER.iban,
  bic: SELLER.bic ?? null,
  emailSenderName: null,
  emailReplyTo: null,
  defaultLanguage: "fr",
  currency: "EUR",
  paymentTermsDays: 30,
  legalForm: null,
  enterpriseNumber: null,
  registerCourt: null,
  registeredStreet: null,
  registeredPostalCode: null,
  registeredCity: null,
  inLiquidation: false,
  contactEmail: null,
  phone: null,
  website: null,
  vatFranchise: false,
  languageRule: "auto",
  createdAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: new Date("2026-01-01T00:00:00Z"),
};

/**
 * Illustrative EUR rates (not official) for the fixtures in other currencies: a Belgian
 * invoice states its VAT in euro too (art. 5 §1, 7° KB nr. 1), which UBL carries as
 * TaxCurrencyCode + a second TaxTotal (BT-6/BT-111). The app needs a real rate source.
 */
const EUR_PER_UNIT_E4: Readonly<Record<string, number>> = { USD: 9210, CAD: 6754, AUD: 6102 };

/** Shopify's order number → the invoice number Facturo would give it. */
const invoiceNumber = (index: number) => `F2026-${String(700 + index).padStart(6, "0")}`;

function parseOrder(file: string): ShopifyOrder {
  const parsed = parseShopifyOrder(readJson(`orders/${file}`));
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

function customerOf(document: MappedOrderDocument | MappedCreditNote): CustomerSnapshot {
  const buyer = document.buyer;
  const address = buyer.billingAddress ?? buyer.shippingAddress;
  const shipping = buyer.shippingAddress;
  return {
    // Shopify's documentation samples have no customer at all; a document always has one.
    name: buyer.name ?? buyer.company ?? buyer.email ?? "Customer",
    company: buyer.company,
    vatNumber: buyer.vatNumber,
    email: buyer.email,
    billing: {
      street: address?.street ?? "",
      postalCode: address?.postalCode ?? "",
      city: address?.city ?? "",
      // The samples without an address: the shop's own country, as the customer form defaults.
      country: buyer.countryCode || "BE",
    },
    delivery:
      shipping && shipping.countryCode
        ? {
            street: shipping.street,
            postalCode: shipping.postalCode,
            city: shipping.city,
            country: shipping.countryCode,
          }
        : null,
  };
}

interface Rows {
  readonly document: DocumentRow;
  readonly lines: DocumentLineRow[];
}

function rows(
  mapped: MappedOrderDocument | MappedCreditNote,
  fields: Pick<DocumentRow, "type" | "number" | "sourceName" | "creditedDocumentId"> & {
    readonly paid: boolean;
    readonly structuredCommunication: string | null;
  },
): Rows {
  const language = mapped.language ?? ORGANISATION.defaultLanguage;
  const totals = computeMappedTotals(mapped);
  const facturoLines = toFacturoLines(mapped.lines, mapped.language);
  const id = "00000000-0000-4000-8000-0000000000d1";
  const document: DocumentRow = {
    id,
    organisationId: ORGANISATION.id,
    seller: null,
    type: fields.type,
    status: fields.paid ? "paid" : "sent",
    number: fields.number,
    sequence: 1,
    periodKey: "2026",
    customerId: null,
    customer: customerOf(mapped),
    language,
    issueDate: mapped.issueDate ?? "2026-01-01",
    dueDate: fields.paid || fields.type === "credit_note" ? null : "2026-12-31",
    supplyDate: "dates" in mapped ? mapped.dates.supplyDate : null,
    deliveryDate: "dates" in mapped ? mapped.dates.deliveryDate : null,
    currency: mapped.currency,
    legend: "",
    structuredCommunication: fields.structuredCommunication,
    creditedDocumentId: fields.creditedDocumentId,
    source: "shopify",
    sourceId: mapped.shopify.orderId,
    sourceName: fields.sourceName,
    sourceKey: null,
    paidOnIssue: null,
    fixedVat: [...mapped.fixedVat],
    vatTotalEurCents: "vatTotalEurCents" in mapped ? mapped.vatTotalEurCents : null,
    vatBreakdown: [...totals.vatBreakdown],
    totalNetCents: totals.netCents,
    totalVatCents: totals.vatCents,
    totalCents: totals.grossCents,
    paidCents: fields.paid ? totals.grossCents : 0,
    publicToken: "fixture",
    finalisedAt: new Date("2026-01-01T00:00:00Z"),
    createdAt: new Date("2026-01-01T00:00:00Z"),
    updatedAt: new Date("2026-01-01T00:00:00Z"),
  };
  const lines = facturoLines.map((line, position): DocumentLineRow => {
    const amounts = totals.lines[position];
    if (!amounts) throw new Error(`no totals for line ${position}`);
    return {
      id: `00000000-0000-4000-8000-${String(position).padStart(12, "0")}`,
      organisationId: ORGANISATION.id,
      documentId: id,
      position,
      description: line.description,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      priceMode: line.priceMode,
      discountBp: line.discountBp,
      discountCents: line.discountCents,
      vatCategory: line.vatCategory,
      vatRateBp: line.vatRateBp,
      vatCountry: line.vatCountry ?? "BE",
      netCents: amounts.netCents,
      vatCents: amounts.vatCents,
      grossCents: amounts.grossCents,
      restock: true,
    };
  });
  return { document, lines };
}

function options(document: DocumentRow, extra: ToUblInputOptions = {}): ToUblInputOptions {
  const rate = EUR_PER_UNIT_E4[document.currency];
  if (document.currency === "EUR" || rate === undefined) return extra;
  const eur = divideRoundHalfAway(BigInt(document.totalVatCents) * BigInt(rate), 10_000n);
  const vatCents = Number(eur);
  return { ...extra, accountingCurrency: { code: "EUR", vatCents } };
}

export interface FixtureCase {
  readonly file: string;
  /** Builds the input; throws like the app would (UblError) for a fixture that cannot pass. */
  readonly build: () => UblInput;
}

/** Every order fixture (answer files excluded) as an invoice. */
export function orderFixtureCases(): FixtureCase[] {
  return orderFixtures().map((file, index) => ({
    file,
    build: () => {
      const order = parseOrder(file);
      const mapped = mapOrderToDocument(order, { documentType: "invoice", sellerCountry: "BE" });
      const { document, lines } = rows(mapped, {
        type: "invoice",
        number: invoiceNumber(index),
        sourceName: mapped.shopify.orderName,
        creditedDocumentId: null,
        paid: mapped.paid,
        structuredCommunication: createStructuredCommunication(
          `26${String(700 + index).padStart(8, "0")}`,
        ),
      });
      return toUblInput(document, lines, ORGANISATION, options(document));
    },
  }));
}

/** Which order each refund fixture belongs to (same as map-refund-to-credit-note.test.ts). */
const ORDER_OF: Readonly<Record<string, string>> = {
  "testshop-usd-ontario-hst13-refund-one-unit.json":
    "testshop-usd-ontario-hst13-partial-refund.json",
  "docs-refund-shipping-order-adjustment.json":
    "docs-order-1001-discount-code-tax-lines-refund.json",
  "docs-refund-line-item-no-restock.json": "docs-order-1001-discount-code-tax-lines-refund.json",
  "docs-refund-two-line-items-transaction.json":
    "docs-order-1001-discount-code-tax-lines-refund.json",
};

/** Every refund fixture as a credit note that names the order's invoice. */
export function refundFixtureCases(): FixtureCase[] {
  const orders = orderFixtures();
  return refundFixtures().map((file, index) => ({
    file,
    build: () => {
      const orderFile = ORDER_OF[file];
      if (!orderFile) throw new Error(`no order for refund fixture ${file}`);
      const order = parseOrder(orderFile);
      const refund = parseShopifyRefund(readJson(`refunds/${file}`), order);
      if (!refund.ok) throw refund.error;
      const mapped = mapRefundToCreditNote(refund.value, order, { sellerCountry: "BE" });
      const { document, lines } = rows(mapped, {
        type: "credit_note",
        number: `C2026-${String(800 + index).padStart(6, "0")}`,
        sourceName: mapped.shopify.orderName,
        creditedDocumentId: "00000000-0000-4000-8000-0000000000aa",
        paid: false,
        structuredCommunication: null,
      });
      const invoice = mapOrderToDocument(order, { documentType: "invoice", sellerCountry: "BE" });
      const credited = {
        number: invoiceNumber(orders.indexOf(orderFile)),
        issueDate: invoice.issueDate ?? "2026-01-01",
      };
      return toUblInput(document, lines, ORGANISATION, options(document, { credited }));
    },
  }));
}
