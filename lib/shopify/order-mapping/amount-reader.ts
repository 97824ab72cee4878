import { MoneyError, parseDecimalScaled, toSafeInteger } from "@/lib/money";
import type { ShopifyPayloadIssue } from "./errors";

/** Shopify money as it arrives: a decimal string ("12.50"), or a JSON number in old refund fields. */
export type RawAmount = string | number;

export interface RawMoney {
  readonly amount: RawAmount;
  readonly currency_code?: string | null | undefined;
}

/** A `*_set`: the same amount in the shop's currency and in the currency the customer saw. */
export interface RawMoneyBag {
  readonly shop_money?: RawMoney | null | undefined;
  readonly presentment_money?: RawMoney | null | undefined;
}

/**
 * A JSON number is turned back into its shortest decimal text (25.87 → "25.87"), which
 * is the text Shopify wrote for any amount with two decimals; it is then read as text
 * like every other amount. No parseFloat, no arithmetic on doubles.
 */
function amountText(value: RawAmount): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new MoneyError("invalid_decimal", `${value} is not an amount`);
    return String(value);
  }
  return value.trim();
}

/**
 * "12.50" → 1250. More than two decimals is refused, not rounded: Shopify writes two
 * decimals for every two-digit currency, so a third one means a wrong field or a
 * currency we do not support, and rounding it away would hide that.
 */
export function amountToCents(value: RawAmount): number {
  const text = amountText(value);
  return toSafeInteger(parseDecimalScaled(text, 2, true), `amount "${text}"`);
}

/**
 * Shopify rates are fractions (0.21); Facturo rates are basis points (2100). Read as
 * text, so 0.07 is 700 and never 700.0000000001. A rate finer than a basis point
 * (New York's 8.875 %) is rounded and reported: the VAT amounts are Shopify's anyway,
 * the rate only labels the group.
 */
export function rateToBasisPoints(value: number | string): { rateBp: number; exact: boolean } {
  const text = amountText(value);
  const rateBp = toSafeInteger(parseDecimalScaled(text, 4), `rate "${text}"`);
  if (rateBp < 0 || rateBp > 10_000) {
    throw new MoneyError("invalid_percent", `rate "${text}" is not between 0 and 1`);
  }
  return { rateBp, exact: !/\.\d{4}\d*[1-9]/.test(text) };
}

function describe(error: unknown): string {
  if (error instanceof MoneyError) {
    return error.code === "too_many_decimals"
      ? `${error.message.replace(/ decimals$/, "")} decimals; Shopify amounts have two`
      : error.message;
  }
  return String(error);
}

/**
 * Reads every amount of one payload from ONE currency side — the presentment side, what
 * the customer saw and paid — and collects all problems with their path instead of
 * stopping at the first. Shop and presentment amounts are rounded independently by
 * Shopify, so mixing them would break totals by a cent; a plain (shop-currency) field
 * is only used when both currencies are the same.
 */
export class AmountReader {
  readonly issues: ShopifyPayloadIssue[] = [];

  constructor(
    private readonly presentmentCurrency: string,
    private readonly shopCurrency: string,
  ) {}

  private get sameCurrency(): boolean {
    return this.presentmentCurrency === this.shopCurrency;
  }

  issue(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  /** One plain amount; null (and an issue) when it is not a valid amount. */
  cents(path: string, value: RawAmount): number | null {
    try {
      return amountToCents(value);
    } catch (error) {
      this.issue(path, describe(error));
      return null;
    }
  }

  /**
   * The shop-side amount of `set` when the shop's currency is EUR and the customer paid in
   * another: what Shopify converted, used only to state VAT in euro (never in a total).
   * Null when not applicable or not a valid amount (the VAT in euro is then unknown).
   */
  shopEurCents(set: RawMoneyBag | null | undefined): number | null {
    const shop = set?.shop_money;
    if (this.sameCurrency || this.shopCurrency !== "EUR" || !shop) return null;
    if (shop.currency_code && shop.currency_code !== "EUR") return null;
    try {
      return amountToCents(shop.amount);
    } catch {
      return null;
    }
  }

  /**
   * The presentment amount of `set`, else (single-currency orders only) its shop amount
   * or the plain field. Absent everywhere: `null` when optional, an issue when required.
   */
  pick(
    path: string,
    set: RawMoneyBag | null | undefined,
    plain: RawAmount | null | undefined,
    required: boolean,
  ): number | null {
    const setPath = `${path}_set`;
    const presentment = set?.presentment_money;
    if (presentment) {
      const code = presentment.currency_code;
      if (code && code !== this.presentmentCurrency) {
        this.issue(
          `${setPath}.presentment_money.currency_code`,
          `is ${code}, the order is presented in ${this.presentmentCurrency}`,
        );
        return null;
      }
      return this.cents(`${setPath}.presentment_money.amount`, presentment.amount);
    }
    const fallback = set?.shop_money
      ? { at: `${setPath}.shop_money.amount`, value: set.shop_money.amount }
      : plain !== null && plain !== undefined
        ? { at: path, value: plain }
        : null;
    if (fallback && this.sameCurrency) return this.cents(fallback.at, fallback.value);
    if (fallback) {
      this.issue(
        setPath,
        `has no presentment_money; the shop amount (${this.shopCurrency}) cannot stand in for ${this.presentmentCurrency}`,
      );
      return null;
    }
    if (required) this.issue(path, "is missing");
    return null;
  }
}
