import type { DocumentLineRow, DocumentRow } from "@/db/queries/documents";
import type { Organisation } from "@/db/queries/organisations";
import type { SnapshotAddress } from "@/db/schema/documents";
import {
  isVatCategory,
  type MentionLanguage,
  type PriceMode,
  type VatCategory,
  type VatMentionKey,
} from "@/lib/vat";
import { knownDeliveryDate } from "@/lib/documents/document-state";
import type { DocumentLanguage } from "@/db/schema/organisations";
import {
  inLiquidationText,
  legalFormText,
  registeredOfficeLabel,
  registerText,
} from "@/lib/company/legal-mentions";
import { UblError } from "./ubl-error";

/**
 * Everything `buildUbl` needs, and nothing from the database: integer cents, ISO codes,
 * decimal-string quantities. Amounts are the document's own (what was printed on the PDF
 * and what the customer paid); the builder never recomputes them, it only re-expresses
 * them in EN 16931 terms (net prices, allowances, per-rate breakdown).
 */
export type UblDocumentKind = "invoice" | "credit_note";

export interface UblAddress {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
}

/** A Peppol participant identifier: EAS scheme (`0208`, `9925`, …) and value. */
export interface PeppolEndpoint {
  readonly scheme: string;
  readonly id: string;
}

export interface UblSeller extends UblAddress {
  /** Legal name (BT-27), as registered. */
  readonly name: string;
  /** Normalised with country prefix, `BE0123456749`. */
  readonly vatNumber: string;
  /** 10 digits; derived from a Belgian VAT number when absent. */
  readonly enterpriseNumber?: string | null;
  readonly iban: string | null;
  readonly bic?: string | null;
  /**
   * BT-33, "additional legal information": the legal form, the register with its court,
   * the registered office (art. 2:20 Companies and Associations Code), in the document's
   * language; the FPS Finance e-invoicing FAQ names this field for them.
   */
  readonly legalInformation?: string | null;
  /** BG-6, the seller's contact: phone (BT-42) and email (BT-43). */
  readonly contact?: { readonly phone: string | null; readonly email: string | null } | null;
}

export interface UblBuyer extends UblAddress {
  /** The person (or the company's contact). */
  readonly name: string;
  readonly company?: string | null;
  /** Normalised with country prefix; null for a consumer. */
  readonly vatNumber?: string | null;
  /** A Belgian organisation without VAT number (association, some public bodies). */
  readonly enterpriseNumber?: string | null;
  readonly email?: string | null;
  /** The buyer's registered Peppol address when known (Peppol Directory); wins over derivation. */
  readonly endpoint?: PeppolEndpoint | null;
}

export interface UblLine {
  readonly description: string;
  readonly sku?: string | null;
  /** Decimal string, up to 3 decimals; negative for returns and discount lines. */
  readonly quantity: string;
  /** In `priceMode`; never negative. */
  readonly unitPriceCents: number;
  readonly priceMode: PriceMode;
  readonly discountBp: number;
  /** A discount given as an amount (lib/vat DocumentLineInput.discountCents). */
  readonly discountCents?: number | null;
  readonly vatCategory: VatCategory;
  readonly vatRateBp: number;
  /** The stored line net: Σ per (category, rate) equals the breakdown's taxable amount. */
  readonly netCents: number;
  readonly vatCents: number;
  readonly grossCents: number;
}

export interface UblVatBreakdownEntry {
  readonly category: VatCategory;
  readonly rateBp: number;
  readonly taxableCents: number;
  readonly vatCents: number;
}

export interface UblTotals {
  readonly netCents: number;
  readonly vatCents: number;
  /** What the customer pays (or is credited) in total: the document's total. */
  readonly grossCents: number;
  readonly paidCents: number;
}

export interface UblInput {
  readonly kind: UblDocumentKind;
  readonly number: string;
  /** YYYY-MM-DD. */
  readonly issueDate: string;
  readonly dueDate: string | null;
  /**
   * BT-7, the date the VAT became chargeable: the document's supply date, only when it
   * differs from the issue date (art. 5 §1, 4° KB nr. 1 asks for it only then).
   */
  readonly taxPointDate?: string | null;
  /** ISO 4217, two minor digits. */
  readonly currency: string;
  /** Language of the exemption texts and the document note. */
  readonly language: MentionLanguage;
  readonly seller: UblSeller;
  readonly buyer: UblBuyer;
  /** The order the document is for, as the customer knows it (Shopify "#1042"). */
  readonly orderReference?: string | null;
  /** The invoice a credit note corrects (art. 5 §1 KB nr. 1 wants number and date). */
  readonly precedingInvoice?: { readonly number: string; readonly issueDate: string } | null;
  /** The 12 stored digits of the Belgian structured communication (invoices only). */
  readonly structuredCommunication?: string | null;
  /**
   * Where and when goods were delivered; required for intra-EU supplies (K). The date is
   * a real delivery date only (BT-72), never a stand-in.
   */
  readonly delivery?: {
    readonly date?: string | null;
    readonly address?: UblAddress | null;
  } | null;
  readonly lines: readonly UblLine[];
  readonly vatBreakdown: readonly UblVatBreakdownEntry[];
  readonly totals: UblTotals;
  /** Exemption mention per category when not the default (e.g. E → small_enterprise). */
  readonly vatMentions?: Partial<Record<VatCategory, VatMentionKey>> | null;
  /**
   * The VAT total in the VAT accounting currency (BT-6/BT-111): a Belgian invoice in USD
   * must still state its VAT in euro (art. 5 §1, 7° KB nr. 1). Only for non-EUR documents.
   */
  readonly accountingCurrency?: { readonly code: string; readonly vatCents: number } | null;
  /** The PDF the customer got, embedded so the receiver sees the same document. */
  readonly pdf?: { readonly filename: string; readonly base64: string } | null;
}

export interface ToUblInputOptions {
  /** The credited invoice, required when `document.creditedDocumentId` is set. */
  readonly credited?: Pick<DocumentRow, "number" | "issueDate"> | null;
  readonly pdf?: UblInput["pdf"];
  readonly vatMentions?: UblInput["vatMentions"];
  readonly accountingCurrency?: UblInput["accountingCurrency"];
}

const KIND_OF: Partial<Record<DocumentRow["type"], UblDocumentKind>> = {
  invoice: "invoice",
  credit_note: "credit_note",
};

/**
 * A finalised invoice or credit note and its organisation → `UblInput`. Order forms and
 * delivery notes are not invoices (no Peppol document exists for them); a concept has no
 * number yet. Lines are taken in their stored order with their stored amounts.
 */
export function toUblInput(
  document: DocumentRow,
  lines: readonly DocumentLineRow[],
  organisation: Organisation,
  options: ToUblInputOptions = {},
): UblInput {
  const kind = KIND_OF[document.type];
  if (!kind) {
    throw new UblError("unsupported_document", `a ${document.type} is not an invoice`);
  }
  if (!document.number || document.status === "concept") {
    throw new UblError("not_issued", "only a finalised document has a number", "BR-02");
  }
  if (!organisation.vatNumber) {
    throw new UblError("seller_incomplete", "the organisation has no VAT number", "BR-CO-26");
  }
  const customer = document.customer;
  if (!customer) throw new UblError("buyer_incomplete", "the document has no customer", "BR-07");

  let precedingInvoice: UblInput["precedingInvoice"] = null;
  if (document.creditedDocumentId) {
    const credited = options.credited;
    if (!credited?.number) {
      throw new UblError(
        "missing_preceding_invoice",
        "pass the credited invoice's number",
        "BR-55",
      );
    }
    precedingInvoice = { number: credited.number, issueDate: credited.issueDate };
  }

  // A real delivery date only: for an intra-EU supply of goods the supply date is one.
  const deliveryDate = knownDeliveryDate(
    document,
    lines.map((line) => line.vatCategory),
  );
  const deliveryAddress = customer.delivery ? ublAddress(customer.delivery) : null;
  return {
    kind,
    number: document.number,
    issueDate: document.issueDate,
    dueDate: document.dueDate,
    taxPointDate:
      document.supplyDate && document.supplyDate !== document.issueDate
        ? document.supplyDate
        : null,
    currency: document.currency,
    language: document.language,
    seller: {
      name: organisation.legalName,
      vatNumber: organisation.vatNumber,
      street: organisation.street,
      postalCode: organisation.postalCode,
      city: organisation.city,
      country: organisation.country,
      iban: organisation.iban,
      bic: organisation.bic,
      enterpriseNumber: organisation.enterpriseNumber,
      legalInformation: sellerLegalInformation(organisation, document.language),
      contact:
        organisation.phone || organisation.contactEmail
          ? { phone: organisation.phone, email: organisation.contactEmail }
          : null,
    },
    buyer: {
      name: customer.name,
      company: customer.company,
      vatNumber: customer.vatNumber,
      email: customer.email,
      ...ublAddress(customer.billing),
    },
    orderReference: document.sourceName,
    precedingInvoice,
    structuredCommunication: document.structuredCommunication,
    delivery:
      deliveryDate || deliveryAddress ? { date: deliveryDate, address: deliveryAddress } : null,
    lines: [...lines].sort((a, b) => a.position - b.position).map(toUblLine),
    vatBreakdown: perCategoryAndRate(document.vatBreakdown),
    totals: {
      netCents: document.totalNetCents,
      vatCents: document.totalVatCents,
      grossCents: document.totalCents,
      paidCents: document.paidCents,
    },
    // A franchise seller's E is the small-enterprise franchise (art. 56bis), not art. 44.
    vatMentions:
      options.vatMentions ?? (organisation.vatFranchise ? { E: "small_enterprise" } : null),
    // A document in another currency states its VAT in euro too (BT-6, BT-111; BR-53).
    accountingCurrency:
      options.accountingCurrency ??
      (document.currency !== "EUR" && document.vatTotalEurCents !== null
        ? { code: "EUR", vatCents: document.vatTotalEurCents }
        : null),
    pdf: options.pdf ?? null,
  };
}

/**
 * EN 16931 has one VAT breakdown per (category, rate) (BR-S-08 sums every line of a rate)
 * and no member state on it: Belgian and Dutch VAT at 21 % on one document (rare: one order
 * goes to one country) become one S 21 % subtotal with both amounts. The PDF embedded in
 * the UBL keeps them apart, as the merchant reports them (Belgian return, OSS return).
 */
function perCategoryAndRate(breakdown: DocumentRow["vatBreakdown"]): UblVatBreakdownEntry[] {
  const merged = new Map<string, UblVatBreakdownEntry>();
  for (const entry of breakdown) {
    const key = `${entry.category}:${entry.rateBp}`;
    const before = merged.get(key);
    merged.set(key, {
      category: entry.category,
      rateBp: entry.rateBp,
      taxableCents: (before?.taxableCents ?? 0) + entry.taxableCents,
      vatCents: (before?.vatCents ?? 0) + entry.vatCents,
    });
  }
  return [...merged.values()];
}

/** "BV · RPR Gent, afdeling Brugge · Maatschappelijke zetel: Markt 1, 8000 Brugge", or null. */
function sellerLegalInformation(
  organisation: Organisation,
  language: DocumentLanguage,
): string | null {
  const form = legalFormText(organisation.legalForm, language);
  const parts = [
    form && organisation.inLiquidation ? `${form} ${inLiquidationText(language)}` : form,
    registerText(organisation.registerCourt, language),
    organisation.registeredStreet &&
    organisation.registeredPostalCode &&
    organisation.registeredCity
      ? `${registeredOfficeLabel(language)} ${organisation.registeredStreet}, ${organisation.registeredPostalCode} ${organisation.registeredCity}`
      : null,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** A snapshot address in UBL's terms: its two street lines as one street name. */
function ublAddress(address: SnapshotAddress): UblAddress {
  return {
    street: [address.street, address.line2].filter(Boolean).join(", "),
    postalCode: address.postalCode,
    city: address.city,
    country: address.country,
  };
}

function toUblLine(row: DocumentLineRow): UblLine {
  if (!isVatCategory(row.vatCategory)) {
    const message = `line ${row.position + 1} has VAT category "${row.vatCategory}"`;
    throw new UblError("invalid_line", message, "BR-CL-18");
  }
  return {
    description: row.description,
    sku: row.sku,
    quantity: row.quantity,
    unitPriceCents: row.unitPriceCents,
    priceMode: row.priceMode,
    discountBp: row.discountBp,
    discountCents: row.discountCents,
    vatCategory: row.vatCategory,
    vatRateBp: row.vatRateBp,
    netCents: row.netCents,
    vatCents: row.vatCents,
    grossCents: row.grossCents,
  };
}
