import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../client";
import { onlinePayments, type OnlinePaymentProvider } from "../schema";
import { tenant, type Tenant } from "../tenant";
import type { Tx } from "./documents";

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

/** Locks an online payment row for the rest of the transaction; null when not this tenant's. */
export async function lockOnlinePayment(
  tx: Tx,
  t: Tenant,
  id: string,
): Promise<OnlinePayment | null> {
  const [row] = await tx
    .select()
    .from(onlinePayments)
    .where(t.where(onlinePayments, eq(onlinePayments.id, id)))
    .for("update");
  return row ?? null;
}

/** Stores an online payment's new state; answers the row as it now stands. */
export async function updateOnlinePayment(
  tx: Tx,
  t: Tenant,
  id: string,
  fields: Partial<
    Pick<OnlinePayment, "status" | "updatedAt" | "paidAt" | "paidMethod" | "expiresAt">
  >,
): Promise<OnlinePayment | null> {
  const [updated] = await tx
    .update(onlinePayments)
    .set(fields)
    .where(t.where(onlinePayments, eq(onlinePayments.id, id)))
    .returning();
  return updated ?? null;
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
