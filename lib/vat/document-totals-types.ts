import type { VatCategory } from "./vat-category";

/** Whether `unitPriceCents` is before VAT (B2B habit) or VAT included (Shopify B2C). */
export type PriceMode = "excl" | "incl";

export interface DocumentLineInput {
  /** Decimal string, up to 3 decimals; negative for return and correction lines. */
  readonly quantity: string;
  /** Cents in the line's price mode; never negative (EN 16931 BR-27). */
  readonly unitPriceCents: number;
  readonly priceMode: PriceMode;
  /** Line discount in basis points (1000 = 10 %). */
  readonly discountBp?: number;
  /**
   * A discount given as an amount, in the line's price mode, ≥ 0 and at most the line's
   * amount: when set it is the discount, and `discountBp` only says what percentage it
   * was (a Shopify percentage code), never recomputed from it.
   */
  readonly discountCents?: number | null;
  readonly vatCategory: VatCategory;
  readonly vatRateBp: number;
  /** Member state of the line's VAT (ISO alpha-2); absent = Belgium. See `VatTreatment.country`. */
  readonly vatCountry?: string;
}

/** A VAT amount decided elsewhere (a Shopify tax line) for one (member state, category, rate) group. */
export interface FixedVatAmount {
  readonly category: VatCategory;
  readonly rateBp: number;
  /** Absent = Belgium (and on amounts stored before member states were kept). */
  readonly country?: string;
  readonly vatCents: number;
}

export interface ComputeTotalsOptions {
  readonly currency: string;
  readonly fixedVat?: readonly FixedVatAmount[];
}

export interface LineTotals {
  readonly quantityThousandths: number;
  /** quantity × unit price, before discount, in the line's price mode. */
  readonly amountCents: number;
  readonly discountCents: number;
  readonly netCents: number;
  /** This line's share of its group's VAT; the legal VAT is the group figure. */
  readonly vatCents: number;
  readonly grossCents: number;
}

export interface VatBreakdownEntry {
  /**
   * The member state this VAT is owed to (ISO alpha-2): BE, or the destination of an OSS
   * distance sale. Always set by `computeDocumentTotals`; absent on breakdowns stored
   * before it was kept, which were all Belgian (read with `vatCountryOf`).
   */
  readonly country?: string;
  readonly category: VatCategory;
  readonly rateBp: number;
  readonly taxableCents: number;
  readonly vatCents: number;
  readonly grossCents: number;
  readonly vatSource: "computed" | "fixed";
  /** What Facturo computes for this group without `fixedVat`. */
  readonly computedVatCents: number;
  /** vatCents − computedVatCents: non-zero only when a fixed amount disagrees. */
  readonly vatDifferenceCents: number;
}

export interface DocumentTotals {
  readonly currency: string;
  readonly lines: readonly LineTotals[];
  readonly vatBreakdown: readonly VatBreakdownEntry[];
  readonly netCents: number;
  readonly vatCents: number;
  readonly grossCents: number;
}
