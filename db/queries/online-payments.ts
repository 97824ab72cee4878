import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../client";
import { onlinePayments, type OnlinePaymentProvider, type OnlinePaymentStatus } from "../schema";
import { tenant, type Tenant } from "../tenant";

export type OnlinePayment = typeof onlinePayments.$inferSelect;
export type NewOnlinePayment = Omit<
  typeof onlinePayments.$inferInsert,
  "id" | "organisationId" | "createdAt" | "updatedAt"
>;

export async function insertOnlinePayment(
  db: Db,
  t: Tenant,
  row: NewOnlinePayment,
): Promise<OnlinePayment> {
  const [inserted] = await db.insert(onlinePayments).values(t.owned(row)).returning();
  if (!inserted) throw new Error("Online payment insert returned nothing");
  return inserted;
}

/** The invoice's most recent payment request at this provider, or null. */
export async function latestOnlinePayment(
  db: Db,
  t: Tenant,
  documentId: string,
  provider: OnlinePaymentProvider,
): Promise<OnlinePayment | null> {
  const [row] = await db
    .select()
    .from(onlinePayments)
    .where(
      t.where(
        onlinePayments,
        eq(onlinePayments.documentId, documentId),
        eq(onlinePayments.provider, provider),
      ),
    )
    .orderBy(desc(onlinePayments.createdAt))
    .limit(1);
  return row ?? null;
}

/** Every payment request made for the invoice, newest first. */
export async function listOnlinePayments(
  db: Db,
  t: Tenant,
  documentId: string,
): Promise<OnlinePayment[]> {
  return db
    .select()
    .from(onlinePayments)
    .where(t.where(onlinePayments, eq(onlinePayments.documentId, documentId)))
    .orderBy(desc(onlinePayments.createdAt));
}

/**
 * A provider's webhook names only its own payment id, so this is the one query
 * that starts from no tenant: it finds whose payment it is and returns that tenant,
 * which every later query is scoped to.
 */
export async function findOnlinePaymentOwner(
  db: Db,
  provider: OnlinePaymentProvider,
  providerPaymentId: string,
): Promise<{ tenant: Tenant; payment: OnlinePayment } | null> {
  const [row] = await db
    .select()
    .from(onlinePayments)
    .where(
      and(
        eq(onlinePayments.provider, provider),
        eq(onlinePayments.providerPaymentId, providerPaymentId),
      ),
    )
    .limit(1);
  return row ? { tenant: tenant(row.organisationId), payment: row } : null;
}

/**
 * Later reports can only move a payment forward: open → pending → a final state,
 * and paid beats everything. A late "expired" after "paid" (webhooks come in any
 * order, and more than once) changes nothing.
 */
const rank: Record<OnlinePaymentStatus, number> = {
  open: 0,
  pending: 1,
  expired: 2,
  failed: 2,
  canceled: 2,
  paid: 3,
};

export function laterStatus(
  current: OnlinePaymentStatus,
  reported: OnlinePaymentStatus,
): OnlinePaymentStatus {
  return rank[reported] > rank[current] ? reported : current;
}

export interface OnlinePaymentReport {
  status: OnlinePaymentStatus;
  paidAt?: Date | null;
  paidMethod?: string | null;
  expiresAt?: Date | null;
}

/** Applies a provider's report under a row lock; returns the row as it now stands. */
export async function applyOnlinePaymentReport(
  db: Db,
  t: Tenant,
  id: string,
  report: OnlinePaymentReport,
): Promise<OnlinePayment | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(onlinePayments)
      .where(t.where(onlinePayments, eq(onlinePayments.id, id)))
      .for("update");
    if (!row) return null;
    const status = laterStatus(row.status, report.status);
    if (status === row.status && !(status === "paid" && !row.paidAt)) return row;
    const [updated] = await tx
      .update(onlinePayments)
      .set({
        status,
        updatedAt: new Date(),
        ...(status === "paid"
          ? { paidAt: report.paidAt ?? new Date(), paidMethod: report.paidMethod ?? null }
          : {}),
        ...(report.expiresAt !== undefined && status !== "paid"
          ? { expiresAt: report.expiresAt }
          : {}),
      })
      .where(t.where(onlinePayments, eq(onlinePayments.id, id)))
      .returning();
    return updated ?? row;
  });
}

/**
 * Marks an open payment as just asked about, unless that happened less than
 * `minSeconds` ago: true when the caller may ask the provider now.
 */
export async function claimStatusCheck(
  db: Db,
  t: Tenant,
  id: string,
  minSeconds: number,
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(onlinePayments)
    .set({ updatedAt: now })
    .where(
      t.where(
        onlinePayments,
        eq(onlinePayments.id, id),
        lt(onlinePayments.updatedAt, new Date(now.getTime() - minSeconds * 1000)),
      ),
    )
    .returning({ id: onlinePayments.id });
  return rows.length > 0;
}
