import { assertCurrency } from "@/lib/money/money";
import { MoneyError } from "@/lib/money/money-error";
import { BASIS_POINTS, percentOfCents } from "@/lib/money/percent-of-cents";
import { toSafeInteger } from "@/lib/money/round-half-away";
import { allocateByRemainder } from "./allocate-by-remainder";
import type {
  ComputeTotalsOptions,
  DocumentLineInput,
  DocumentTotals,
  LineTotals,
  VatBreakdownEntry,
} from "./document-totals-types";
import { groupLines } from "./group-lines";
import { priceDocumentLine, type PricedLine } from "./price-document-line";
import { splitInclusiveAmount } from "./split-inclusive-amount";
import { takeFixedVat } from "./take-fixed-vat";
import { VatError } from "./vat-error";

const SCALE = BigInt(BASIS_POINTS);

/**
 * Totals of any priced document (invoice, credit note, order form, delivery note).
 * VAT is computed once per (member state, category, rate) on that group's taxable total, never
 * summed per line (art. 5 §1, 6°–7° KB nr. 1; EN 16931 BR-CO-17). Line VAT is only
 * that group figure shared out, so every column adds up to the cent.
 * See lib/vat/README.md for the incl-VAT split and `fixedVat`.
 */
export function computeDocumentTotals(
  lines: readonly DocumentLineInput[],
  options: ComputeTotalsOptions,
): DocumentTotals {
  const currency = checked(() => assertCurrency(options.currency));
  const priced = lines.map((line, index) => priceDocumentLine(line, index));
  const fixedVat = takeFixedVat(options.fixedVat ?? []);
  const lineTotals: LineTotals[] = new Array<LineTotals>(lines.length);
  const vatBreakdown: VatBreakdownEntry[] = [];

  for (const group of groupLines(lines)) {
    const { country, category, rateBp, priceMode, indexes } = group;
    const members = indexes.map((i) => priced[i] as PricedLine);
    const sum = members.reduce((total, line) => total + BigInt(line.totalCents), 0n);
    const fixed = fixedVat.take(country, category, rateBp);

    let taxable: bigint, vat: bigint, computedVat: bigint, lineNets: bigint[], lineVats: bigint[];
    if (priceMode === "excl") {
      taxable = sum;
      computedVat = BigInt(checked(() => percentOfCents(toSafeInteger(sum), rateBp)));
      vat = fixed ?? computedVat;
      lineNets = members.map((line) => BigInt(line.totalCents));
      const weights = lineNets.map((net) => net * BigInt(rateBp));
      lineVats = allocateByRemainder(vat, weights, SCALE);
    } else {
      computedVat = splitInclusiveAmount(sum, rateBp).vatCents;
      vat = fixed ?? computedVat;
      taxable = sum - vat; // the entered gross stays exactly as the customer saw it
      const weights = members.map((line) => BigInt(line.totalCents) * SCALE);
      lineNets = allocateByRemainder(taxable, weights, SCALE + BigInt(rateBp));
      lineVats = members.map((line, k) => BigInt(line.totalCents) - (lineNets[k] ?? 0n));
    }

    members.forEach((line, k) => {
      const net = lineNets[k] ?? 0n;
      const lineVat = lineVats[k] ?? 0n;
      lineTotals[indexes[k] ?? 0] = {
        quantityThousandths: line.quantityThousandths,
        amountCents: line.amountCents,
        discountCents: line.discountCents,
        netCents: checked(() => toSafeInteger(net)),
        vatCents: checked(() => toSafeInteger(lineVat)),
        grossCents: checked(() => toSafeInteger(net + lineVat)),
      };
    });
    vatBreakdown.push({
      country,
      category,
      rateBp,
      taxableCents: checked(() => toSafeInteger(taxable)),
      vatCents: checked(() => toSafeInteger(vat)),
      grossCents: checked(() => toSafeInteger(taxable + vat)),
      vatSource: fixed === undefined ? "computed" : "fixed",
      computedVatCents: checked(() => toSafeInteger(computedVat)),
      vatDifferenceCents: checked(() => toSafeInteger(vat - computedVat)),
    });
  }
  fixedVat.assertAllUsed();

  const total = (pick: (entry: VatBreakdownEntry) => number): number =>
    checked(() => toSafeInteger(vatBreakdown.reduce((sum, e) => sum + BigInt(pick(e)), 0n)));
  return {
    currency,
    lines: lineTotals,
    vatBreakdown,
    netCents: total((e) => e.taxableCents),
    vatCents: total((e) => e.vatCents),
    grossCents: total((e) => e.grossCents),
  };
}

/** One error type out of this module: document-level money failures become VatError. */
function checked<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MoneyError) throw new VatError("invalid_document", error.message);
    throw error;
  }
}
