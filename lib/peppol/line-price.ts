import { BASIS_POINTS, divideRoundHalfAway, formatQuantity, parseQuantity } from "@/lib/money";
import { VatError } from "@/lib/vat";
import { priceDocumentLine } from "@/lib/vat/price-document-line";
import { formatPercent, formatRatio } from "./ubl-amount";
import { UblError } from "./ubl-error";
import type { UblLine } from "./ubl-input";

/** A line discount as EN 16931 invoice line allowance (BG-27). */
export interface UblLineAllowance {
  readonly amountCents: number;
  /** Base and percentage go together (PEPPOL-EN16931-R041/R042), or not at all. */
  readonly percentage: { readonly baseCents: number; readonly percent: string } | null;
}

/** One line in EN 16931 terms: everything net of VAT. */
export interface UblLinePrice {
  /** Decimal text of the quantity (BT-129). */
  readonly quantity: string;
  /** Item net price (BT-146), ≥ 0 (BR-27), as many decimals as needed. */
  readonly priceAmount: string;
  readonly allowance: UblLineAllowance | null;
  /** Invoice line net amount (BT-131): the stored line net, unchanged. */
  readonly lineExtensionCents: number;
}

/**
 * Re-expresses a stored line net of VAT, as EN 16931 wants it, without changing any
 * amount: the line net amount (BT-131) is the stored `netCents`, so the lines of a VAT
 * group still add up to the breakdown's taxable amount exactly (BR-S-08, BR-CO-10).
 * Price and discount are derived to fit it (PEPPOL-EN16931-R120, tolerance 0.02):
 *
 * - excl lines: the entered unit price and the rounded discount, exactly as printed;
 *   the stored net must then be amount − discount, to the cent.
 * - incl lines: the VAT-inclusive price has no place in UBL. The amount before discount
 *   is converted once, round(gross amount / (1 + rate)); the allowance is that minus the
 *   stored net (so the fixed/allocated VAT of the group decides the net, not a second
 *   rounding); the net price is the pre-discount net amount ÷ quantity.
 *
 * The percentage (BT-138) is given only when it reproduces the allowance within a cent
 * (R040 allows 0.02): always for excl lines, usually for incl lines.
 */
export function ublLinePrice(line: UblLine, index: number): UblLinePrice {
  const priced = priceLine(line, index);
  const quantity = parseQuantity(line.quantity).thousandths;
  const net = line.netCents;
  let beforeDiscount: number;
  if (line.priceMode === "excl") {
    if (priced.totalCents !== net) {
      const message = `line ${index + 1}: stored net ${net} is not amount − discount ${priced.totalCents}`;
      throw new UblError("invalid_line", message, "PEPPOL-EN16931-R120");
    }
    beforeDiscount = priced.amountCents;
  } else {
    beforeDiscount = priced.discountCents === 0 ? net : toNet(priced.amountCents, line.vatRateBp);
  }
  let allowanceCents = beforeDiscount - net;
  let grossNet = beforeDiscount;
  // An allowance against the direction of the discount (possible only for a one-cent
  // discount on an incl line) would be nonsense on paper: fold it into the price instead.
  if (allowanceCents !== 0 && Math.sign(allowanceCents) !== Math.sign(priced.discountCents)) {
    allowanceCents = 0;
    grossNet = net;
  }

  const priceAmount =
    line.priceMode === "excl"
      ? formatRatio(line.unitPriceCents, 1000)
      : quantity === 0
        ? formatRatio(toNet(line.unitPriceCents, line.vatRateBp), 1000)
        : formatRatio(grossNet, quantity);

  return {
    quantity: formatQuantity({ thousandths: quantity }),
    priceAmount,
    allowance:
      allowanceCents === 0
        ? null
        : { amountCents: allowanceCents, percentage: percentage(allowanceCents, grossNet, line) },
    lineExtensionCents: net,
  };
}

function priceLine(line: UblLine, index: number) {
  try {
    return priceDocumentLine(line, index);
  } catch (error) {
    if (error instanceof VatError) {
      throw new UblError("invalid_line", `line ${index + 1}: ${error.message}`);
    }
    throw error;
  }
}

/** round(gross / (1 + rate)), half away from zero, in integers. */
function toNet(grossCents: number, rateBp: number): number {
  const scale = BigInt(BASIS_POINTS);
  return Number(divideRoundHalfAway(BigInt(grossCents) * scale, scale + BigInt(rateBp)));
}

function percentage(
  allowanceCents: number,
  baseCents: number,
  line: UblLine,
): UblLineAllowance["percentage"] {
  if (line.discountBp <= 0) return null;
  // |allowance × 10 000 − base × bp| ≤ 1 cent × 10 000
  const scale = BigInt(BASIS_POINTS);
  const gap = BigInt(allowanceCents) * scale - BigInt(baseCents) * BigInt(line.discountBp);
  const close = gap <= scale && gap >= -scale;
  return close ? { baseCents, percent: formatPercent(line.discountBp) } : null;
}
