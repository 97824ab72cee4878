import type { Db } from "@/db/client";
import { lockDocument, recordDocumentEvent, setDocumentPayment } from "@/db/queries/documents";
import { hasPaymentFromSource, insertPayment } from "@/db/queries/payments";
import type { DocumentRow } from "@/db/queries/documents";
import type { PaymentMethod } from "@/db/schema";
import type { Tenant } from "@/db/tenant";
import { brusselsDay } from "@/lib/calendar/brussels-date";
import type { Clock } from "@/lib/calendar/clock";
import { assertTransition, statusAfterPayment } from "@/lib/documents/document-lifecycle";
import { amountDue, merchantPaymentRefusal, overpaidCents } from "@/lib/documents/document-state";
import { PaymentRefusedError } from "./payment-errors";

export interface RecordPaymentInput {
  invoiceId: string;
  /**
   * Cents, or `"due"`: whatever is still due once the invoice is locked (an order its
   * shop reports paid), so a payment recorded meanwhile is not paid twice.
   */
  amountCents: number | "due";
  /**
   * With `"due"`: never more than this (what the source says it received and Facturo has
   * not recorded yet), so money a shop did not receive is never shown as paid.
   */
  atMost?: number;
  method: PaymentMethod;
  /** The day the money arrived, YYYY-MM-DD. */
  paidOn: string;
  reference?: string | null;
  /**
   * Names the outside event that reported the money (`mollie:tr_…`, `bank:<line>`,
   * `shopify:order:…:paid`): the same key twice records one payment. Money reported
   * by a provider or a bank is accepted even beyond what is due (an over-payment to
   * refund). Without a key it is the merchant's "mark as paid", checked against
   * what is due.
   */
  sourceKey?: string;
}

export interface PaymentResult {
  /** False when nothing changed: this source key was recorded before, or nothing was due. */
  recorded: boolean;
  paymentId: string | null;
  status: DocumentRow["status"];
  paidCents: number;
  overpaidCents: number;
}

/**
 * Records a payment on an issued invoice: partially paid until the total is reached.
 * One transaction, under the invoice's row lock: the amount-due check and the insert
 * see the same invoice, so four "mark as paid 10.00" at once on a 12.10 invoice
 * record one payment and refuse three.
 */
export async function recordPayment(
  db: Db,
  t: Tenant,
  input: RecordPaymentInput,
  clock: Clock,
): Promise<PaymentResult> {
  if (
    input.amountCents !== "due" &&
    (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0)
  ) {
    throw new PaymentRefusedError("not_positive");
  }
  const now = clock.now();
  return db.transaction(async (tx) => {
    const invoice = await lockDocument(tx, t, input.invoiceId);
    const unchanged = { recorded: false, paymentId: null, ...amountsOf(invoice) };
    if (input.sourceKey && (await hasPaymentFromSource(tx, t, input.sourceKey))) return unchanged;
    const amountCents =
      input.amountCents === "due"
        ? Math.min(amountDue(invoice), input.atMost ?? Number.MAX_SAFE_INTEGER)
        : input.amountCents;
    if (amountCents <= 0) return unchanged;
    const paidCents = invoice.paidCents + amountCents;
    const status = statusAfterPayment(invoice.totalCents, paidCents);
    const byMerchant = !input.sourceKey;
    assertTransition(
      invoice.type,
      invoice.status,
      byMerchant ? "record_payment" : "receive_payment",
      status,
    );
    if (byMerchant) {
      const refusal = merchantPaymentRefusal(
        invoice,
        { amountCents, paidOn: input.paidOn },
        brusselsDay(now),
      );
      if (refusal) throw new PaymentRefusedError(refusal);
    }
    const reference = input.reference ?? null;
    const paymentId = await insertPayment(tx, t, {
      documentId: invoice.id,
      amountCents,
      method: input.method,
      paidOn: input.paidOn,
      reference,
      sourceKey: input.sourceKey ?? null,
    });
    await setDocumentPayment(tx, t, invoice.id, { paidCents, status }, now);
    const after = { totalCents: invoice.totalCents, paidCents };
    await recordDocumentEvent(tx, t, invoice.id, "paid", {
      paymentId,
      amountCents,
      method: input.method,
      paidOn: input.paidOn,
      reference,
      totalPaidCents: paidCents,
      ...(overpaidCents(after) > 0 ? { overpaidCents: overpaidCents(after) } : {}),
    });
    return { recorded: true, paymentId, status, paidCents, overpaidCents: overpaidCents(after) };
  });
}

function amountsOf(invoice: DocumentRow) {
  return {
    status: invoice.status,
    paidCents: invoice.paidCents,
    overpaidCents: overpaidCents(invoice),
  };
}
