import type { ShopifyLineItem, ShopifyOrder } from "./order-types";

/**
 * Shopify has no "this is a tip" flag on line items: a tip is a pseudo line (title
 * "Tip", no product or variant, not taxable, no shipping) that is left out of
 * `subtotal_price` but counted in `total_price` and `total_tip_received`. We take as
 * tips the tip-shaped lines whose amounts add up to `total_tip_received`; if none do,
 * the tip becomes a line of its own so the document still totals what was paid.
 */
const TIP_TITLES = new Set(["tip", "tips", "fooi", "pourboire", "trinkgeld", "gratuity"]);

export interface TipLines {
  /** Indexes into `order.lineItems` that are tips. */
  readonly indexes: ReadonlySet<number>;
  /** A tip found in the totals but in no line (trimmed payload): add it as its own line. */
  readonly unmatchedTipCents: number;
}

export const lineAmountCents = (line: ShopifyLineItem) =>
  line.priceCents * line.quantity - line.discountCents;

function isTipShaped(line: ShopifyLineItem): boolean {
  return (
    line.productId === null &&
    line.variantId === null &&
    line.requiresShipping !== true &&
    line.taxable !== true &&
    !line.giftCard &&
    line.productExists !== true &&
    line.taxLines.every((tax) => tax.cents === 0)
  );
}

const isTipTitle = (line: ShopifyLineItem) =>
  TIP_TITLES.has((line.title ?? "").trim().toLowerCase());

export function findTipLines(order: ShopifyOrder): TipLines {
  const tip = order.totals.totalTipCents;
  const shaped = order.lineItems.flatMap((line, index) =>
    isTipShaped(line) ? [{ index, amount: lineAmountCents(line), titled: isTipTitle(line) }] : [],
  );
  const titled = shaped.filter((candidate) => candidate.titled);
  const found = (candidates: typeof shaped): TipLines => ({
    indexes: new Set(candidates.map((candidate) => candidate.index)),
    unmatchedTipCents: 0,
  });

  // Multi-currency order: the total is only known in the shop currency; trust the title.
  if (tip === null) return found(titled);
  if (tip === 0) return found([]);
  for (const candidates of [titled, shaped]) {
    const sum = candidates.reduce((total, candidate) => total + candidate.amount, 0);
    if (candidates.length > 0 && sum === tip) return found(candidates);
  }
  const single = shaped.find((candidate) => candidate.amount === tip);
  if (single) return found([single]);
  return { indexes: new Set(), unmatchedTipCents: tip };
}
