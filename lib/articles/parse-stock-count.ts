import { parseQuantity } from "@/lib/money";

/** One counted article: its SKU and how many are on the shelf, in thousandths. */
export interface StockCount {
  sku: string;
  quantityMilli: number;
}

/** Why a line of the file was refused; `line` is 1-based, as a spreadsheet numbers it. */
export interface StockCountProblem {
  line: number;
  code: "columns" | "sku" | "quantity" | "duplicate";
}

export type StockCountParse =
  | { ok: true; counts: StockCount[] }
  | { ok: false; problems: StockCountProblem[] }
  | { ok: false; problems: []; tooLarge: true };

/** A count file is small text; anything bigger is not what the page asks for. */
export const STOCK_COUNT_MAX_LINES = 20_000;

const QUANTITY = /^\d{1,9}([.,]\d{1,3})?$/;

/**
 * A stock count as spreadsheets save it: `SKU;quantity` per line (semicolons, what
 * Excel writes in Belgium; a tab works too), an optional header line, empty lines
 * ignored, quantities with a comma or a point. The file is taken whole or not at all:
 * any bad line refuses it and says which, so a half-imported count never happens.
 */
export function parseStockCount(text: string): StockCountParse {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  if (lines.length > STOCK_COUNT_MAX_LINES) return { ok: false, problems: [], tooLarge: true };
  const counts: StockCount[] = [];
  const problems: StockCountProblem[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    if (raw.trim() === "") return;
    const cells = raw.split(/[;\t]/).map((cell) =>
      cell
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .trim(),
    );
    const [sku = "", quantity = "", ...rest] = cells;
    if (rest.some((cell) => cell !== "") || cells.length < 2) {
      problems.push({ line: lineNumber, code: "columns" });
      return;
    }
    if (!QUANTITY.test(quantity)) {
      // A header ("SKU;Quantity", "Référence;Quantité") is the first line without a number.
      if (counts.length === 0 && problems.length === 0 && !/\d/.test(quantity)) return;
      problems.push({ line: lineNumber, code: "quantity" });
      return;
    }
    if (sku === "" || sku.length > 100) {
      problems.push({ line: lineNumber, code: "sku" });
      return;
    }
    if (seen.has(sku)) {
      problems.push({ line: lineNumber, code: "duplicate" });
      return;
    }
    seen.add(sku);
    counts.push({ sku, quantityMilli: parseQuantity(quantity.replace(",", ".")).thousandths });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, counts };
}
