import type { UblInput, UblLine } from "./ubl-input";

export interface OutOfScopeSplit {
  /** The document without its out-of-scope lines (or unchanged). */
  readonly input: UblInput;
  /** Lines left out of the e-invoice, for the document note. */
  readonly setAside: readonly UblLine[];
  readonly setAsideCents: number;
}

/**
 * EN 16931 cannot put "not subject to VAT" (O) next to anything else: BR-O-11 to BR-O-14
 * forbid any other VAT breakdown, and BR-O-02 forbids the seller's VAT number that
 * every S, Z, E, G, K or AE line requires. Facturo's O lines are a Shopify tip (not the
 * consideration for a supply, CJEU C-16/93 Tolsma) or a multi-purpose gift card sold
 * (VAT due on redemption): money that changes hands without being a supply, which an
 * invoice need not list (art. 5 §1 KB nr. 1 is about supplies).
 *
 * So when O lines share a document with other categories, they are set aside: the UBL
 * invoices the supplies, and its one note names what was left out and how much. A
 * document made only of O lines stays whole (a valid O invoice, without VAT numbers).
 *
 * The amount due is kept when it can be: the set-aside lines are counted as paid first
 * (a Shopify tip is always paid at checkout), so the payable amount of the UBL equals the
 * document's total − paid. Only if less than the set-aside amount was paid does the UBL
 * ask for the supplies alone.
 */
export function setAsideOutOfScope(input: UblInput): OutOfScopeSplit {
  const setAside = input.lines.filter((line) => line.vatCategory === "O");
  if (setAside.length === 0 || setAside.length === input.lines.length) {
    return { input, setAside: [], setAsideCents: 0 };
  }
  const setAsideCents = setAside.reduce((sum, line) => sum + line.grossCents, 0);
  const setAsideNet = setAside.reduce((sum, line) => sum + line.netCents, 0);
  const { totals } = input;
  return {
    input: {
      ...input,
      lines: input.lines.filter((line) => line.vatCategory !== "O"),
      vatBreakdown: input.vatBreakdown.filter((entry) => entry.category !== "O"),
      totals: {
        netCents: totals.netCents - setAsideNet,
        vatCents: totals.vatCents,
        grossCents: totals.grossCents - setAsideCents,
        paidCents: Math.max(0, totals.paidCents - setAsideCents),
      },
    },
    setAside,
    setAsideCents,
  };
}
