import { getObject, getScalarString, type JsonObject } from "./json";
import { formatCents, toCents } from "./money";

/**
 * REST `*_set` objects (`{ shop_money: {amount, currency_code}, presentment_money: {…} }`):
 * both sides are read and computed separately, as Shopify rounds each currency on its own.
 */

export type Side = "shop_money" | "presentment_money";
export const SIDES: readonly Side[] = ["shop_money", "presentment_money"];

export interface Currencies {
  shop_money: string;
  presentment_money: string;
}

export function currenciesOf(order: JsonObject): Currencies {
  const shop = getScalarString(order, "currency") ?? "USD";
  return {
    shop_money: shop,
    presentment_money: getScalarString(order, "presentment_currency") ?? shop,
  };
}

/** Cents of one side of `<key>_set`, falling back to the scalar `<key>`. */
export function sideCents(source: JsonObject, key: string, side: Side): number {
  const set = getObject(source, `${key}_set`);
  const money = set ? getObject(set, side) : null;
  if (money) return toCents(getScalarString(money, "amount"));
  return toCents(getScalarString(source, key));
}

export type Cents = Record<Side, number>;

export function zeroCents(): Cents {
  return { shop_money: 0, presentment_money: 0 };
}

export function centsOf(source: JsonObject, key: string): Cents {
  return {
    shop_money: sideCents(source, key, "shop_money"),
    presentment_money: sideCents(source, key, "presentment_money"),
  };
}

export function addCents(a: Cents, b: Cents): Cents {
  return {
    shop_money: a.shop_money + b.shop_money,
    presentment_money: a.presentment_money + b.presentment_money,
  };
}

export function mapCents(a: Cents, fn: (value: number, side: Side) => number): Cents {
  return {
    shop_money: fn(a.shop_money, "shop_money"),
    presentment_money: fn(a.presentment_money, "presentment_money"),
  };
}

export function moneySet(cents: Cents, currencies: Currencies): JsonObject {
  return {
    shop_money: {
      amount: formatCents(cents.shop_money, currencies.shop_money),
      currency_code: currencies.shop_money,
    },
    presentment_money: {
      amount: formatCents(cents.presentment_money, currencies.presentment_money),
      currency_code: currencies.presentment_money,
    },
  };
}

/** Writes `<key>` (shop side, string) and `<key>_set` onto a REST object. */
export function writeMoney(
  target: JsonObject,
  key: string,
  cents: Cents,
  currencies: Currencies,
): void {
  target[key] = formatCents(cents.shop_money, currencies.shop_money);
  target[`${key}_set`] = moneySet(cents, currencies);
}
