/**
 * The causes the stock history can be filtered on, as the merchant names them: an invoice
 * or a credit note (a document line), a correction by hand, a starting count (import).
 */
export const STOCK_HISTORY_CAUSES = ["invoice", "credit_note", "correction", "import"] as const;
export type StockHistoryCause = (typeof STOCK_HISTORY_CAUSES)[number];
