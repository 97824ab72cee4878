/** Why a document could not be totalled; `lineIndex` points the form at the culprit. */
export type VatErrorCode =
  | "invalid_category"
  | "invalid_rate"
  | "invalid_vat_country"
  | "invalid_line"
  | "invalid_document"
  | "invalid_fixed_vat"
  | "mixed_price_modes"
  | "unmatched_fixed_vat";

export class VatError extends Error {
  readonly code: VatErrorCode;
  readonly lineIndex: number | undefined;

  constructor(code: VatErrorCode, message: string, lineIndex?: number) {
    super(message);
    this.name = "VatError";
    this.code = code;
    this.lineIndex = lineIndex;
  }
}
