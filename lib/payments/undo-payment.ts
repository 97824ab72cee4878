import type { Db } from "@/db/client";
import { releaseBankLine } from "@/db/queries/bank";
import { lockDocument, recordDocumentEvent, setDocumentPayment } from "@/db/queries/documents";
import { BANK_SOURCE, findActivePayment, markPaymentUndone } from "@/db/queries/payments";
import type { Tenant } from "@/db/tenant";
import type { Clock } from "@/lib/calendar/clock";
import { assertTransition, statusAfterPayment } from "@/lib/documents/document-lifecycle";
import { overpaidCents } from "@/lib/documents/document-state";
import { PaymentNotFoundError } from "./payment-errors";
import type { PaymentResult } from "./record-payment";

export interface UndoPaymentInput {
  invoiceId: string;
  paymentId: string;
}

/**
 * Takes a payment back (recorded by mistake, bounced): the row stays, marked undone,
 * and the invoice's paid amount and status go back. A bank line's payment undone puts
 * the line back on the Payments page to match again. One transaction, under the
 * invoice's row lock.
 */
export async function undoPayment(
  db: Db,
  t: Tenant,
  input: UndoPaymentInput,
  clock: Clock,
): Promise<PaymentResult> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const invoice = await lockDocument(tx, t, input.invoiceId);
    const payment = await findActivePayment(tx, t, invoice.id, input.paymentId);
    if (!payment) throw new PaymentNotFoundError(input.paymentId);
    const paidCents = invoice.paidCents - payment.amountCents;
    const status = statusAfterPayment(invoice.totalCents, paidCents);
    assertTransition(invoice.type, invoice.status, "undo_payment", status);
    await markPaymentUndone(tx, t, payment, now);
    if (payment.sourceKey?.startsWith(BANK_SOURCE)) {
      await releaseBankLine(tx, t, payment.sourceKey.slice(BANK_SOURCE.length));
    }
    await setDocumentPayment(tx, t, invoice.id, { paidCents, status }, now);
    await recordDocumentEvent(tx, t, invoice.id, "payment_undone", {
      paymentId: payment.id,
      amountCents: payment.amountCents,
      method: payment.method,
      paidOn: payment.paidOn,
      totalPaidCents: paidCents,
    });
    return {
      recorded: true,
      paymentId: payment.id,
      status,
      paidCents,
      overpaidCents: overpaidCents({ totalCents: invoice.totalCents, paidCents }),
    };
  });
}
