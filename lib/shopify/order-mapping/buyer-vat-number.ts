import { parseCustomerVatNumber } from "@/lib/customers/customer-vat-number";
import type { ShopifyNoteAttribute } from "./order-types";

/**
 * Shopify has no buyer-VAT field on ordinary (non-B2B) orders; shops collect it as a
 * cart attribute, which arrives in `note_attributes`. Names vary per theme/app:
 * "vat_number", "VAT", "VAT ID", "btw-nummer", "Numéro de TVA", "USt-IdNr".
 * A name matches when one of its words starts with vat / btw / tva ("vatnumber",
 * "btwnr") or is one of the shorter abbreviations — so neither "private_note" nor
 * "Ivan's note" matches.
 */
const PREFIXES = ["vat", "btw", "tva"];
const WORDS = new Set(["ust", "ustid", "ustidnr", "mwst", "iva", "piva"]);

export function isVatNumberAttribute(name: string): boolean {
  const words = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.some((word) => WORDS.has(word) || PREFIXES.some((p) => word.startsWith(p)));
}

export interface BuyerVatNumber {
  /** Normalised (`BE0403170701`, `NL123456789B01`), or null. */
  readonly vatNumber: string | null;
  /**
   * Values that looked like a VAT-number attribute but are not valid numbers: they are
   * kept as a note on the document, never printed as the buyer's VAT number (a wrong
   * VAT number on an invoice is worse than none).
   */
  readonly rejected: readonly ShopifyNoteAttribute[];
}

/** First valid VAT number among the matching attributes (Belgian check digits, EU format). */
export function buyerVatNumber(attributes: readonly ShopifyNoteAttribute[]): BuyerVatNumber {
  let vatNumber: string | null = null;
  const rejected: ShopifyNoteAttribute[] = [];
  for (const attribute of attributes) {
    if (!isVatNumberAttribute(attribute.name)) continue;
    const parsed = parseCustomerVatNumber(attribute.value);
    if (parsed.ok && vatNumber === null) vatNumber = parsed.value;
    else if (!parsed.ok) rejected.push(attribute);
  }
  return { vatNumber, rejected };
}

/** The ISO country of a VAT number's prefix (Greece uses EL in VIES). */
export function vatNumberCountry(vatNumber: string | null): string | null {
  if (!vatNumber) return null;
  const prefix = vatNumber.slice(0, 2);
  return prefix === "EL" ? "GR" : prefix;
}
