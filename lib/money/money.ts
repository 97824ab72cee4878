import { MoneyError } from "./money-error";

/**
 * Money is an integer number of cents (hundredths of the currency unit) plus an ISO
 * 4217 code. Only currencies with two minor digits are accepted, so "cents" never
 * silently means yen or dinar fils.
 */
export type CurrencyCode = string;

export interface Money {
  readonly cents: number;
  readonly currency: CurrencyCode;
}

export function assertCents(cents: number, what = "amount"): number {
  if (!Number.isSafeInteger(cents)) {
    throw new MoneyError("unsafe_integer", `${what} must be a safe integer of cents, got ${cents}`);
  }
  return cents;
}

export function assertCurrency(currency: string): CurrencyCode {
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new MoneyError("invalid_currency", `"${currency}" is not an ISO 4217 code`);
  }
  // ICU knows each currency's minor digits (JPY 0, KWD 3); unknown codes default to 2.
  const format = new Intl.NumberFormat("en", { style: "currency", currency });
  if (format.resolvedOptions().maximumFractionDigits !== 2) {
    throw new MoneyError("invalid_currency", `${currency} does not have two minor digits`);
  }
  return currency;
}

export function money(cents: number, currency: string): Money {
  return { cents: assertCents(cents), currency: assertCurrency(currency) };
}
