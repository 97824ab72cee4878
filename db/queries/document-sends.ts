import { and, eq, gte } from "drizzle-orm";
import type { Db } from "../client";
import { documentSends } from "../schema";
import type { Tenant } from "../tenant";

export type DocumentSendRow = typeof documentSends.$inferSelect;

export async function createDocumentSend(
  db: Db,
  t: Tenant,
  documentId: string,
  toAddress: string,
  kind: DocumentSendRow["kind"] = "document",
) {
  const [row] = await db
    .insert(documentSends)
    .values(t.owned({ documentId, toAddress, kind }))
    .returning();
  if (!row) throw new Error("Send insert returned nothing");
  return row;
}

export async function getDocumentSend(
  db: Db,
  t: Tenant,
  id: string,
): Promise<DocumentSendRow | null> {
  const [row] = await db
    .select()
    .from(documentSends)
    .where(t.where(documentSends, eq(documentSends.id, id)));
  return row ?? null;
}

export async function markDocumentSendSent(db: Db, t: Tenant, id: string, emailId: string) {
  await db
    .update(documentSends)
    .set({ status: "sent", emailId, sentAt: new Date(), lastError: null })
    .where(t.where(documentSends, eq(documentSends.id, id)));
}

export async function markDocumentSendError(
  db: Db,
  t: Tenant,
  id: string,
  error: string,
  final: boolean,
) {
  await db
    .update(documentSends)
    .set({ lastError: error.slice(0, 500), ...(final ? { status: "failed" as const } : {}) })
    .where(t.where(documentSends, eq(documentSends.id, id)));
}

/** A document's email sends (not reminders) still waiting, created at or after `since`. */
export async function unsentDocumentSendsSince(
  db: Db,
  t: Tenant,
  documentId: string,
  since: Date,
): Promise<DocumentSendRow[]> {
  return db
    .select()
    .from(documentSends)
    .where(
      t.where(
        documentSends,
        and(
          eq(documentSends.documentId, documentId),
          eq(documentSends.kind, "document"),
          eq(documentSends.status, "queued"),
          gte(documentSends.createdAt, since),
        ),
      ),
    );
}

/** Has this document ever been queued for email (any outcome)? */
export async function hasDocumentSend(db: Db, t: Tenant, documentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: documentSends.id })
    .from(documentSends)
    .where(t.where(documentSends, eq(documentSends.documentId, documentId)))
    .limit(1);
  return row !== undefined;
}
