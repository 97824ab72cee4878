import { parseNumberPattern } from "./parse-number-pattern";

/**
 * Whether two series could print the same number. Their literal text and token
 * kinds, in order, make a shape (`INV{YYYY}-{N}`); equal shapes can collide (2026-0002
 * as an invoice and as a credit note), different literal text cannot. Deliberately
 * cautious: `{YYYY}{NNNN}` and `{YY}{NNNNNN}` count as colliding too.
 */
export function seriesCanCollide(a: string, b: string): boolean {
  const shape = (pattern: string) => {
    const parsed = parseNumberPattern(pattern);
    if (!parsed.ok) return null;
    return parsed.parts
      .map((part) => (part.kind === "literal" ? part.text.toUpperCase() : "#"))
      .join("")
      .replace(/#+/g, "#");
  };
  const [sa, sb] = [shape(a), shape(b)];
  return sa !== null && sa === sb;
}
