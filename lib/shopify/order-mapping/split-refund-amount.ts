import { allocateByRemainder } from "@/lib/vat/allocate-by-remainder";
import { splitInclusiveAmount } from "@/lib/vat";
import type { MappedLine } from "./mapped-types";
import type { VatTreatment } from "./vat-treatment";

export interface RefundShare {
  readonly treatment: VatTreatment;
  /** Money (VAT included) attributed to this treatment. */
  readonly grossCents: number;
  /** Its VAT, split out by Facturo (Shopify gave none): gross = net + round(net × rate). */
  readonly vatCents: number;
}

/**
 * A refund amount Shopify does not tie to lines (money-only refund, refund
 * discrepancy) is a price reduction on the supplies it refers to, so its VAT follows
 * them: the amount is shared over the given lines' VAT treatments in proportion to
 * their gross amounts (largest remainder, so the shares add up), and each share's VAT
 * is split out of it at that rate. Lines with no weight (tips, gift cards, 0.00
 * lines) take no share. Empty when nothing carries weight.
 */
export function splitRefundAmount(
  amountCents: number,
  basis: readonly MappedLine[],
): RefundShare[] {
  const groups = new Map<string, { treatment: VatTreatment; weight: bigint }>();
  for (const line of basis) {
    if (line.kind === "tip" || line.kind === "gift_card") continue;
    const weight = BigInt(Math.abs(line.grossCents));
    if (weight === 0n) continue;
    const key = `${line.vatCountry}:${line.vatCategory}:${line.vatRateBp}`;
    const group = groups.get(key);
    if (group) group.weight += weight;
    else {
      const treatment = {
        category: line.vatCategory,
        rateBp: line.vatRateBp,
        reason: line.vatReason,
        country: line.vatCountry,
      };
      groups.set(key, { treatment, weight });
    }
  }
  const entries = [...groups.values()];
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0n);
  if (total === 0n) return [];
  const amount = BigInt(amountCents);
  const shares = allocateByRemainder(
    amount,
    entries.map((entry) => amount * entry.weight),
    total,
  );
  return entries.flatMap((entry, index) => {
    const gross = shares[index] ?? 0n;
    if (gross === 0n) return [];
    const vat =
      entry.treatment.category === "S"
        ? splitInclusiveAmount(gross, entry.treatment.rateBp).vatCents
        : 0n;
    return [{ treatment: entry.treatment, grossCents: Number(gross), vatCents: Number(vat) }];
  });
}
