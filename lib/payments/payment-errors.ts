import type { PaymentRefusal } from "@/lib/documents/document-state";

/**
 * A payment the merchant may not record: not a positive amount, dated after today, or
 * more than is due. A RangeError, as an amount out of range always was here.
 */
export class PaymentRefusedError extends RangeError {
  constructor(public readonly code: PaymentRefusal) {
    super(`Payment refused: ${code.replace("_", " ")}`);
    this.name = "PaymentRefusedError";
  }
}

export class PaymentNotFoundError extends Error {
  constructor(id: string) {
    super(`No payment ${id} to undo`);
    this.name = "PaymentNotFoundError";
  }
}
