import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { emails } from "../schema";

export type EmailRow = typeof emails.$inferSelect;
export type NewEmailRow = typeof emails.$inferInsert;

/** The email already recorded under this idempotency key, if any. */
export async function findEmailByIdempotencyKey(db: Db, key: string): Promise<EmailRow | null> {
  const [row] = await db.select().from(emails).where(eq(emails.idempotencyKey, key));
  return row ?? null;
}

export async function recordEmail(db: Db, email: NewEmailRow): Promise<EmailRow> {
  const [row] = await db.insert(emails).values(email).returning();
  if (!row) throw new Error("Email insert returned nothing");
  return row;
}

/** The local outbox (development and staging only; see lib/email). */
export async function listOutbox(db: Db, limit = 50): Promise<EmailRow[]> {
  return db
    .select()
    .from(emails)
    .where(eq(emails.transport, "outbox"))
    .orderBy(desc(emails.createdAt))
    .limit(limit);
}

export async function getOutboxEmail(db: Db, id: string): Promise<EmailRow | null> {
  const [row] = await db.select().from(emails).where(eq(emails.id, id));
  return row?.transport === "outbox" ? row : null;
}
