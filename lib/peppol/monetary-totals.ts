import { balanceCents } from "@/lib/documents/document-state";
import type { UblTaxSubtotal } from "./tax-subtotals";
import { UblError } from "./ubl-error";
import type { UblLine, UblTotals } from "./ubl-input";

/** LegalMonetaryTotal (BG-22), in cents. */
export interface UblMonetaryTotals {
  /** BT-106 = Σ line net amounts (BR-CO-10). */
  readonly lineExtensionCents: number;
  /** BT-109 = BT-106: Facturo has no document-level allowances or charges (BR-CO-13). */
  readonly taxExclusiveCents: number;
  /** BT-112 = BT-109 + Σ VAT per rate (BR-CO-15). */
  readonly taxInclusiveCents: number;
  /** BT-113, only when something was paid. */
  readonly prepaidCents: number | null;
  /** BT-114, only when the document total is not exactly net + VAT. */
  readonly roundingCents: number | null;
  /** BT-115 = BT-112 − BT-113 + BT-114 (BR-CO-16) = document total − paid. */
  readonly payableCents: number;
}

/**
 * The totals block, from the stored totals, after checking they are the sums the
 * validator recomputes. Because VAT per rate is stated as charged (`vat-tolerance.ts`),
 * net + VAT is the document total and no rounding amount is needed; BT-114 only appears
 * if a caller's total differs from net + VAT (cash rounding), and then by under one unit.
 */
export function monetaryTotals(
  lines: readonly UblLine[],
  subtotals: readonly UblTaxSubtotal[],
  totals: UblTotals,
): UblMonetaryTotals {
  const lineExtensionCents = lines.reduce((sum, line) => sum + line.netCents, 0);
  const vatCents = subtotals.reduce((sum, subtotal) => sum + subtotal.vatCents, 0);
  if (totals.netCents !== lineExtensionCents) {
    const message = `total net ${totals.netCents} ≠ Σ line nets ${lineExtensionCents}`;
    throw new UblError("totals_mismatch", message, "BR-CO-10");
  }
  if (totals.vatCents !== vatCents) {
    const message = `total VAT ${totals.vatCents} ≠ Σ VAT per rate ${vatCents}`;
    throw new UblError("totals_mismatch", message, "BR-CO-14");
  }
  const taxInclusiveCents = lineExtensionCents + vatCents;
  const rounding = totals.grossCents - taxInclusiveCents;
  if (Math.abs(rounding) >= 100) {
    const message = `total ${totals.grossCents} ≠ net + VAT ${taxInclusiveCents}`;
    throw new UblError("totals_mismatch", message, "BR-CO-15");
  }
  return {
    lineExtensionCents,
    taxExclusiveCents: lineExtensionCents,
    taxInclusiveCents,
    prepaidCents: totals.paidCents !== 0 ? totals.paidCents : null,
    roundingCents: rounding !== 0 ? rounding : null,
    payableCents: balanceCents({ totalCents: totals.grossCents, paidCents: totals.paidCents }),
  };
}
