import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { documentSends, documents } from "../schema";
import type { Tenant } from "../tenant";

export interface OverdueInvoice {
  id: string;
  number: string | null;
  customerName: string | null;
  customerEmail: string | null;
  dueDate: string;
  totalCents: number;
  paidCents: number;
  currency: string;
  reminders: number;
  lastReminderAt: Date | null;
}

/**
 * Invoices still (partly) unpaid after their due date, longest overdue first, with
 * how often and when they were last reminded. `today` is Brussels' calendar day.
 * The filter is `isOverdue` (lib/documents/document-state.ts) written in SQL, so the
 * list and the invoice page agree on which invoices are late.
 */
export async function listOverdueInvoices(
  db: Db,
  t: Tenant,
  today: string,
  limit = 200,
): Promise<OverdueInvoice[]> {
  const reminders = db
    .select({
      documentId: documentSends.documentId,
      count: sql<number>`count(*)::int`.as("reminder_count"),
      last: sql<Date | null>`max(${documentSends.createdAt})`.as("last_reminder_at"),
    })
    .from(documentSends)
    .where(t.where(documentSends, eq(documentSends.kind, "reminder")))
    .groupBy(documentSends.documentId)
    .as("reminders");
  const rows = await db
    .select({
      id: documents.id,
      number: documents.number,
      customer: documents.customer,
      dueDate: documents.dueDate,
      totalCents: documents.totalCents,
      paidCents: documents.paidCents,
      currency: documents.currency,
      reminders: reminders.count,
      lastReminderAt: reminders.last,
    })
    .from(documents)
    .leftJoin(reminders, eq(reminders.documentId, documents.id))
    .where(
      t.where(
        documents,
        and(
          eq(documents.type, "invoice"),
          inArray(documents.status, ["sent", "partially_paid"]),
          lt(documents.dueDate, today),
        ),
      ),
    )
    .orderBy(asc(documents.dueDate), asc(documents.number))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    customerName: row.customer?.company || row.customer?.name || null,
    customerEmail: row.customer?.email ?? null,
    dueDate: row.dueDate ?? today,
    totalCents: row.totalCents,
    paidCents: row.paidCents,
    currency: row.currency,
    reminders: row.reminders ?? 0,
    lastReminderAt: row.lastReminderAt ? new Date(row.lastReminderAt) : null,
  }));
}
