import { BASIS_POINTS } from "@/lib/money";

/**
 * THE ROUNDING DECISION for Peppol.
 *
 * Facturo documents keep the VAT the customer was charged. For Shopify orders that is
 * Shopify's per-line tax summed per rate (`fixedVat`), which can be a cent or two away
 * from round(taxable × rate) — e.g. 5.50 instead of 5.49 at 21 %. EN 16931 says VAT per
 * rate = taxable × rate rounded, but the compiled rules test it with a tolerance:
 *
 *   BR-CO-17, BR-S-09:  |VAT| − 1 < round(|taxable| × rate / 100, 2) < |VAT| + 1
 *
 * i.e. strictly less than one currency unit (1.00) of difference; the CEN rules have no
 * tighter check and Peppol adds none. So the XML states the stored VAT per rate as is,
 * the tax-inclusive total is net + that VAT = the document total to the cent, and the
 * payable amount equals what the customer paid or owes — no PayableRoundingAmount, no
 * VAT amount different from the PDF's, no shifted line nets. The alternative (recompute
 * VAT exactly and book the cent as BT-114 rounding) would declare a VAT amount that was
 * never charged and disagree with the PDF and the VAT return.
 *
 * This check replays the rule (XPath round() is half-up on the absolute value) so a
 * document outside the tolerance — only an inconsistent source can produce one — is
 * refused before an access point refuses it.
 */
export function vatWithinTolerance(
  taxableCents: number,
  vatCents: number,
  rateBp: number,
): boolean {
  if (rateBp === 0) return vatCents === 0; // BR-CO-17's zero-rate branch (round(VAT) = 0 …)
  const product = BigInt(Math.abs(taxableCents)) * BigInt(rateBp);
  const scale = BigInt(BASIS_POINTS);
  const expected = (product * 2n + scale) / (scale * 2n); // half-up, in cents
  const charged = BigInt(Math.abs(vatCents));
  return charged - 100n < expected && expected < charged + 100n;
}
