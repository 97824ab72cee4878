export { computeDocumentTotals } from "./compute-totals";
export type {
  ComputeTotalsOptions,
  DocumentLineInput,
  DocumentTotals,
  FixedVatAmount,
  LineTotals,
  PriceMode,
  VatBreakdownEntry,
} from "./document-totals-types";
export { EU_MEMBER_STATES, HOME_VAT_COUNTRY, memberStateOf, vatCountryOf } from "./member-states";
export {
  belgianVatRatesOn,
  isVatRateOn,
  knowsVatRatesOf,
  VAT_RATES,
  vatRatesOn,
  type VatRate,
  type VatRateKind,
} from "./vat-rates";
export { splitInclusiveAmount } from "./split-inclusive-amount";
export {
  assertVatTreatment,
  BELGIAN_VAT_RATES_BP,
  isVatCategory,
  treatmentCountry,
  VAT_CATEGORIES,
  vatGroupKey,
  type VatCategory,
  type VatTreatment,
} from "./vat-category";
export { VatError, type VatErrorCode } from "./vat-error";
export {
  defaultVatMentionKey,
  VAT_MENTIONS,
  vatMentionText,
  type MentionLanguage,
  type VatMention,
  type VatMentionKey,
} from "./vat-mentions";
export { lineNetPrice, netOfVat, type LineNetPrice } from "./line-net-price";
