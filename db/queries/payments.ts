import { and, asc, desc, eq, isNull, ne } from "drizzle-orm";
import { assertTransition, statusAfterPayment } from "@/lib/documents/document-lifecycle";
import type { Db } from "../client";
import { bankStatementLines, documents, payments, type PaymentMethod } from "../schema";
import type { Tenant } from "../tenant";
import { lockDocument, recordDocumentEvent } from "./documents";

export type Payment = typeof payments.$inferSelect;

/** The source key of a payment a bank statement line recorded: `bank:<line key>`. */
export const BANK_SOURCE = "bank:";

export interface PaymentInput {
  amountCents: number;
  method: PaymentMethod;
  /** The day the money arrived, YYYY-MM-DD. */
  paidOn: string;
  reference?: string | null;
  /**
   * Names the outside event that reported the money (`mollie:tr_…`, `bank:<line>`):
   * the same key twice records one payment. Money reported by a provider or a bank
   * is also accepted on a paid invoice, as an over-payment to refund.
   */
  sourceKey?: string;
}

export interface PaymentResult {
  /** False when this source key was already recorded: nothing changed. */
  recorded: boolean;
  status: (typeof documents.$inferSelect)["status"];
  paidCents: number;
  overpaidCents: number;
}

/** Records a payment on a sent invoice: partially paid until the total is reached. */
export async function recordPayment(
  db: Db,
  t: Tenant,
  invoiceId: string,
  payment: PaymentInput,
): Promise<PaymentResult> {
  if (!Number.isSafeInteger(payment.amountCents) || payment.amountCents <= 0) {
    throw new RangeError("A payment is a positive number of cents");
  }
  return db.transaction(async (tx) => {
    const invoice = await lockDocument(tx, t, invoiceId);
    if (payment.sourceKey) {
      const [seen] = await tx
        .select({ id: payments.id })
        .from(payments)
        .where(t.where(payments, eq(payments.sourceKey, payment.sourceKey)));
      if (seen) return outcome(false, invoice.status, invoice.paidCents, invoice.totalCents);
    }
    const paidCents = invoice.paidCents + payment.amountCents;
    const status = statusAfterPayment(invoice.totalCents, paidCents);
    const action = payment.sourceKey ? "receive_payment" : "record_payment";
    assertTransition(invoice.type, invoice.status, action, status);
    const [row] = await tx
      .insert(payments)
      .values(
        t.owned({
          documentId: invoiceId,
          amountCents: payment.amountCents,
          method: payment.method,
          paidOn: payment.paidOn,
          reference: payment.reference ?? null,
          sourceKey: payment.sourceKey ?? null,
        }),
      )
      .returning({ id: payments.id });
    await tx
      .update(documents)
      .set({ paidCents, status, updatedAt: new Date() })
      .where(t.where(documents, eq(documents.id, invoiceId)));
    await recordDocumentEvent(tx, t, invoiceId, "paid", {
      paymentId: row?.id,
      amountCents: payment.amountCents,
      method: payment.method,
      paidOn: payment.paidOn,
      reference: payment.reference ?? null,
      totalPaidCents: paidCents,
      ...(paidCents > invoice.totalCents ? { overpaidCents: paidCents - invoice.totalCents } : {}),
    });
    return outcome(true, status, paidCents, invoice.totalCents);
  });
}

export class PaymentNotFoundError extends Error {
  constructor(id: string) {
    super(`No payment ${id} to undo`);
    this.name = "PaymentNotFoundError";
  }
}

/** Takes a payment back (recorded by mistake, bounced): the row stays, marked undone. */
export async function undoPayment(
  db: Db,
  t: Tenant,
  invoiceId: string,
  paymentId: string,
): Promise<PaymentResult> {
  return db.transaction(async (tx) => {
    const invoice = await lockDocument(tx, t, invoiceId);
    const [payment] = await tx
      .select()
      .from(payments)
      .where(
        t.where(
          payments,
          eq(payments.id, paymentId),
          eq(payments.documentId, invoiceId),
          isNull(payments.undoneAt),
        ),
      );
    if (!payment) throw new PaymentNotFoundError(paymentId);
    const paidCents = invoice.paidCents - payment.amountCents;
    const status = statusAfterPayment(invoice.totalCents, paidCents);
    assertTransition(invoice.type, invoice.status, "undo_payment", status);
    await tx
      .update(payments)
      .set({
        undoneAt: new Date(),
        // The source may report this money again (the line matched anew): free its key.
        sourceKey: payment.sourceKey ? `${payment.sourceKey}#undone:${payment.id}` : null,
      })
      .where(t.where(payments, eq(payments.id, paymentId)));
    // A bank line's payment undone: the line goes back to the Payments page to match again.
    if (payment.sourceKey?.startsWith(BANK_SOURCE)) {
      await tx
        .update(bankStatementLines)
        .set({
          status: "unmatched",
          invoiceId: null,
          rule: null,
          overpaymentCents: 0,
          paidAt: null,
        })
        .where(
          t.where(
            bankStatementLines,
            eq(bankStatementLines.lineKey, payment.sourceKey.slice(BANK_SOURCE.length)),
          ),
        );
    }
    await tx
      .update(documents)
      .set({ paidCents, status, updatedAt: new Date() })
      .where(t.where(documents, eq(documents.id, invoiceId)));
    await recordDocumentEvent(tx, t, invoiceId, "payment_undone", {
      paymentId,
      amountCents: payment.amountCents,
      method: payment.method,
      paidOn: payment.paidOn,
      totalPaidCents: paidCents,
    });
    return outcome(true, status, paidCents, invoice.totalCents);
  });
}

/** An invoice's payments, oldest first, undone ones included (marked). */
export async function listPayments(db: Db, t: Tenant, invoiceId: string): Promise<Payment[]> {
  return db
    .select()
    .from(payments)
    .where(t.where(payments, and(eq(payments.documentId, invoiceId))))
    .orderBy(asc(payments.createdAt));
}

function outcome(
  recorded: boolean,
  status: PaymentResult["status"],
  paidCents: number,
  totalCents: number,
): PaymentResult {
  return { recorded, status, paidCents, overpaidCents: Math.max(0, paidCents - totalCents) };
}

export interface PaidInFacturo {
  paymentId: string;
  documentId: string;
  number: string | null;
  orderName: string | null;
  amountCents: number;
  currency: string;
  method: PaymentMethod;
  paidOn: string;
  invoicePaid: boolean;
}

/**
 * Shopify orders whose invoice got paid here (a transfer, Mollie, by hand), newest
 * first: Shopify does not know, so the sync inbox tells the merchant.
 */
export async function listShopifyInvoicesPaidInFacturo(
  db: Db,
  t: Tenant,
  limit = 20,
): Promise<PaidInFacturo[]> {
  const rows = await db
    .select({
      paymentId: payments.id,
      documentId: documents.id,
      number: documents.number,
      orderName: documents.sourceName,
      amountCents: payments.amountCents,
      currency: documents.currency,
      method: payments.method,
      paidOn: payments.paidOn,
      status: documents.status,
    })
    .from(payments)
    .innerJoin(documents, eq(documents.id, payments.documentId))
    .where(
      t.where(
        payments,
        eq(documents.source, "shopify"),
        ne(payments.method, "shopify"),
        isNull(payments.undoneAt),
      ),
    )
    .orderBy(desc(payments.createdAt))
    .limit(limit);
  return rows.map(({ status, ...row }) => ({ ...row, invoicePaid: status === "paid" }));
}
