/**
 * Business keys of the documents Shopify events create (document.source_key, unique
 * per organisation). They make creation idempotent whatever the deliveries do.
 */
export const orderDocumentKey = (shop: string, orderId: string, type: string) =>
  `shopify:${shop}:order:${orderId}:${type}`;

export const refundCreditNoteKey = (shop: string, refundId: string) =>
  `shopify:${shop}:refund:${refundId}`;

export const cancellationCreditNoteKey = (shop: string, orderId: string) =>
  `shopify:${shop}:cancel:${orderId}`;
