export type EpcQrErrorCode =
  | "invalid_name"
  | "invalid_iban"
  | "invalid_bic"
  | "invalid_amount"
  | "invalid_reference"
  | "payload_too_long";

/** A payment that cannot be expressed as an EPC QR code; callers print the invoice without one. */
export class EpcQrError extends Error {
  constructor(
    public readonly code: EpcQrErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "EpcQrError";
  }
}
