export { applyPercentDiscount, type DiscountedAmount } from "./apply-percent-discount";
export { centsToDecimalString, formatMoney, type IntlLocale } from "./format-money";
export { assertCents, assertCurrency, money, type CurrencyCode, type Money } from "./money";
export { MoneyError, type MoneyErrorCode } from "./money-error";
export { multiplyCents } from "./multiply-cents";
export { parseDecimalScaled, parseDecimalToCents } from "./parse-decimal";
export { formatQuantity, parseQuantity, QUANTITY_SCALE, type Quantity } from "./parse-quantity";
export { assertBasisPoints, BASIS_POINTS, percentOfCents } from "./percent-of-cents";
export { divideRoundHalfAway, toSafeInteger } from "./round-half-away";
