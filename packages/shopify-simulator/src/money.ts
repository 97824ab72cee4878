/**
 * Money as integer minor units (cents), never floats. REST payloads carry amounts as
 * decimal strings ("82.40") and sometimes as JSON numbers (199, 25.87).
 */

/** Currencies without a minor unit (ISO 4217 exponent 0) that a shop may plausibly use. */
const ZERO_DECIMAL = new Set([
  "JPY",
  "KRW",
  "VND",
  "CLP",
  "ISK",
  "HUF",
  "TWD",
  "UGX",
  "XAF",
  "XOF",
]);

/** "82.40" → 8240, "-5" → -500, 25.87 → 2587. Unparseable → 0. Scale is always 2 here. */
export function toCents(value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const text = typeof value === "number" ? value.toFixed(2) : value.trim();
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) return 0;
  const [, sign, whole = "", fraction = ""] = match;
  const cents = Number(whole || "0") * 100 + Number((fraction + "00").slice(0, 2));
  // A third decimal rounds half away from zero.
  const roundUp = Number(fraction.charAt(2) || "0") >= 5 ? 1 : 0;
  const magnitude = cents + roundUp;
  return sign ? -magnitude : magnitude;
}

/** 8240 → "82.40" (REST style, fixed decimals; none for zero-decimal currencies). */
export function formatCents(cents: number, currency?: string | null): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  if (currency && ZERO_DECIMAL.has(currency.toUpperCase())) {
    return `${negative ? "-" : ""}${Math.round(abs / 100)}`;
  }
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

/**
 * Shopify's GraphQL `Decimal` scalar as it really comes back: trailing zeros dropped but at
 * least one decimal kept ("82.40" → "82.4", "0.00" → "0.0", "6.95" → "6.95"), e.g.
 * `totalOutstandingSet { shopMoney { amount: "0.0" } }` in the Admin API docs. Clients that
 * expect exactly two decimals break on real Shopify, so the simulator does the same.
 */
export function graphqlDecimal(value: string | number): string {
  const text = typeof value === "number" ? String(value) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const trimmed = fraction.replace(/0+$/, "");
  const normalisedWhole = String(Number(whole));
  const isZero = normalisedWhole === "0" && trimmed === "";
  return `${isZero ? "" : sign}${normalisedWhole}.${trimmed || "0"}`;
}
