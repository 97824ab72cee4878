import { EpcQrError } from "./epc-qr-error";

export interface EpcPaymentInput {
  /** Optional in version 002 inside the EEA; printed when the merchant gave one. */
  readonly bic?: string | null;
  readonly name: string;
  readonly iban: string;
  readonly amountCents: number;
  /** Belgian structured communication (`+++ddd/dddd/ddddd+++`) or an RF creditor reference. */
  readonly structuredReference?: string | null;
}

export const EPC_MAX_NAME = 70;
export const EPC_MAX_PAYLOAD_BYTES = 331;
const MIN_CENTS = 1;
const MAX_CENTS = 99_999_999_999;

const compact = (value: string) => value.replace(/\s+/g, "").toUpperCase();

/** 1234 → "EUR12.34"; integer arithmetic only. */
function formatEpcAmount(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < MIN_CENTS || cents > MAX_CENTS) {
    throw new EpcQrError(
      "invalid_amount",
      `EPC amounts are 0.01–999999999.99 EUR, got ${String(cents)} cents`,
    );
  }
  const text = String(cents).padStart(3, "0");
  return `EUR${text.slice(0, -2)}.${text.slice(-2)}`;
}

/**
 * The text of a SEPA credit-transfer QR code (EPC069-12, "GiroCode"): version 002,
 * UTF-8, LF-separated. The reference goes in the structured-remittance line (10)
 * and the unstructured line (11) stays empty, as Belgian bank apps then pre-fill
 * the "gestructureerde mededeling" (docs/belgian-invoicing.md §4.3). Trailing empty lines are
 * left out. Anything the standard does not allow is refused, never truncated.
 */
export function buildEpcPayload(input: EpcPaymentInput): string {
  const name = input.name.replace(/[\r\n]+/g, " ").trim();
  if (name.length === 0 || [...name].length > EPC_MAX_NAME) {
    throw new EpcQrError(
      "invalid_name",
      `The beneficiary name must be 1–${EPC_MAX_NAME} characters`,
    );
  }
  const iban = compact(input.iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(iban)) {
    throw new EpcQrError("invalid_iban", "The IBAN is not well-formed");
  }
  const bic = input.bic ? compact(input.bic) : "";
  if (bic && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) {
    throw new EpcQrError("invalid_bic", "The BIC must have 8 or 11 characters");
  }
  const reference = (input.structuredReference ?? "").trim();
  if (reference.length > 35 || /[\r\n]/.test(reference)) {
    throw new EpcQrError("invalid_reference", "The structured reference is at most 35 characters");
  }
  const lines = [
    "BCD",
    "002",
    "1",
    "SCT",
    bic,
    name,
    iban,
    formatEpcAmount(input.amountCents),
    "",
    reference,
  ];
  while (lines[lines.length - 1] === "") lines.pop();
  const payload = lines.join("\n");
  if (Buffer.byteLength(payload, "utf8") > EPC_MAX_PAYLOAD_BYTES) {
    throw new EpcQrError(
      "payload_too_long",
      `EPC payloads are at most ${EPC_MAX_PAYLOAD_BYTES} bytes`,
    );
  }
  return payload;
}
