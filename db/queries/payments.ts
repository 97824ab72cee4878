import { and, asc, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { documents, payments, type PaymentMethod } from "../schema";
import type { Tenant } from "../tenant";

export type Payment = typeof payments.$inferSelect;

/** The source key of a payment a bank statement line recorded: `bank:<line key>`. */
export const BANK_SOURCE = "bank:";

/** A payment row as an operation writes it (lib/payments/record-payment.ts). */
export interface NewPayment {
  documentId: string;
  amountCents: number;
  method: PaymentMethod;
  /** The day the money arrived, YYYY-MM-DD. */
  paidOn: string;
  reference: string | null;
  /** Names the outside event that reported the money; unique per organisation. */
  sourceKey: string | null;
}

export async function insertPayment(db: Db, t: Tenant, payment: NewPayment): Promise<string> {
  const [row] = await db.insert(payments).values(t.owned(payment)).returning({ id: payments.id });
  if (!row) throw new Error("Payment insert returned nothing");
  return row.id;
}

/** Whether an outside event (`mollie:tr_…`, `bank:<line>`) was already recorded. */
export async function hasPaymentFromSource(db: Db, t: Tenant, sourceKey: string): Promise<boolean> {
  const [seen] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(t.where(payments, eq(payments.sourceKey, sourceKey)));
  return seen !== undefined;
}

/** What payments of one method (that still count) put on an invoice, in cents. */
export async function paidByMethodCents(
  db: Db,
  t: Tenant,
  invoiceId: string,
  method: PaymentMethod,
): Promise<number> {
  const [row] = await db
    .select({ cents: sql<string>`coalesce(sum(${payments.amountCents}), 0)` })
    .from(payments)
    .where(
      t.where(
        payments,
        eq(payments.documentId, invoiceId),
        eq(payments.method, method),
        isNull(payments.undoneAt),
      ),
    );
  return Number(row?.cents ?? 0);
}

/** A payment of this invoice that still counts (not undone), or null. */
export async function findActivePayment(
  db: Db,
  t: Tenant,
  invoiceId: string,
  paymentId: string,
): Promise<Payment | null> {
  const [payment] = await db
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
  return payment ?? null;
}

/**
 * Marks a payment undone; the row stays. Its source key is freed, so the source may
 * report this money again (a bank line matched anew).
 */
export async function markPaymentUndone(
  db: Db,
  t: Tenant,
  payment: Pick<Payment, "id" | "sourceKey">,
  now: Date,
): Promise<void> {
  await db
    .update(payments)
    .set({
      undoneAt: now,
      sourceKey: payment.sourceKey ? `${payment.sourceKey}#undone:${payment.id}` : null,
    })
    .where(t.where(payments, eq(payments.id, payment.id)));
}

/** An invoice's payments, oldest first, undone ones included (marked). */
export async function listPayments(db: Db, t: Tenant, invoiceId: string): Promise<Payment[]> {
  return db
    .select()
    .from(payments)
    .where(t.where(payments, and(eq(payments.documentId, invoiceId))))
    .orderBy(asc(payments.createdAt));
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
