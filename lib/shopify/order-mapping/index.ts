/**
 * Shopify orders and refunds → Facturo documents. Pure functions, no I/O:
 *
 *   const parsed = parseShopifyOrder(webhookJson);            // or graphqlOrderToRest(node)
 *   if (!parsed.ok) → store parsed.error (code, issues)
 *   const document = mapOrderToDocument(parsed.value, { documentType: "invoice", sellerCountry: "BE" });
 *   const lines = toConceptLineInputs(toFacturoLines(document.lines, language));
 *   createConcept(…, { source: "shopify", fixedVat: document.fixedVat, currency: document.currency })
 *   compareWithShopify(parsed.value, document, computeMappedTotals(document)) → must be ok
 *
 * See README.md for the mapping and rounding rules.
 */
export type { MappedAddress, MappedBuyer } from "./buyer";
export { buyerVatNumber, isVatNumberAttribute } from "./buyer-vat-number";
export { orderBuyerSnapshot } from "./buyer-snapshot";
export { languageFromLocale, type DocumentLanguage } from "./document-language";
export {
  ShopifyPayloadError,
  type ParseResult,
  type ShopifyPayloadErrorCode,
  type ShopifyPayloadIssue,
} from "./errors";
export {
  graphqlOrderToRest,
  type GraphqlOrderNode,
  type RestOrderJson,
} from "./graphql-order-to-rest";
export { lineArticles, type LineArticle, type ProductWithoutSku } from "./line-article";
export { cleanText, DESCRIPTION_MAX, SKU_MAX, truncateText } from "./line-text";
export { mapOrderToDocument, type MapOrderOptions } from "./map-order-to-document";
export { mapRefundToCreditNote, type MapRefundOptions } from "./map-refund-to-credit-note";
export type {
  MappedCreditNote,
  MappedLine,
  MappedLineKind,
  MappedOrderDocument,
  MappedTaxLine,
  MappingWarning,
  MappingWarningCode,
  OrderDocumentType,
  RestockItem,
} from "./mapped-types";
export {
  compareWithShopify,
  computeMappedTotals,
  type ShopifyTotalsComparison,
  type TotalsCheck,
  type TotalsCheckStatus,
} from "./order-totals";
export type {
  ShopifyAddress,
  ShopifyCustomer,
  ShopifyFulfillment,
  ShopifyLineItem,
  ShopifyOrder,
  ShopifyShippingLine,
  ShopifyTaxLine,
} from "./order-types";
export { earlierDate, orderDates, paymentDateOf, type OrderDates } from "./order-dates";
export { parseShopifyOrder } from "./parse-order";
export { receivedCents } from "./received";
export { parseShopifyRefund } from "./parse-refund";
export type { ShopifyRefund } from "./refund-types";
export {
  toConceptLineInputs,
  toFacturoLines,
  type ConceptLineInput,
  type FacturoLine,
} from "./to-facturo-lines";
export { vatDifferences, type VatDifference } from "./vat-difference";
export {
  chooseVatTreatment,
  type LineNature,
  type UntaxedCategory,
  type VatReason,
  type VatTreatment,
} from "./vat-treatment";
