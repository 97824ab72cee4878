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
export { splitInclusiveAmount } from "./split-inclusive-amount";
export {
  assertVatTreatment,
  BELGIAN_VAT_RATES_BP,
  isVatCategory,
  VAT_CATEGORIES,
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
