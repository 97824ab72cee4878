/**
 * Why a document cannot become a valid Peppol BIS Billing 3.0 UBL file. Thrown before
 * any XML is written: an access point would reject the file anyway, and the caller
 * can show the merchant what to fix (a missing VAT number) instead of a validator log.
 * `rule` names the EN 16931 / Peppol rule that would fail, for the log and the tests.
 */
export type UblErrorCode =
  | "not_issued"
  | "unsupported_document"
  | "seller_incomplete"
  | "buyer_incomplete"
  | "buyer_vat_required"
  | "invalid_line"
  | "breakdown_mismatch"
  | "totals_mismatch"
  | "vat_outside_tolerance"
  | "invalid_vat_mention"
  | "invalid_accounting_currency"
  | "missing_preceding_invoice"
  | "delivery_date_required";

export class UblError extends Error {
  constructor(
    public readonly code: UblErrorCode,
    message: string,
    public readonly rule: string | null = null,
  ) {
    super(rule ? `${message} (${rule})` : message);
    this.name = "UblError";
  }
}
