import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { documentOriginals, type OriginalKind } from "../schema";
import type { Tenant } from "../tenant";

export type DocumentOriginalRow = typeof documentOriginals.$inferSelect;
/** An original without its bytes: what a list shows. */
export type DocumentOriginalInfo = Omit<DocumentOriginalRow, "bytes">;

export interface NewDocumentOriginal {
  documentId: string;
  kind: OriginalKind;
  key: string;
  contentType: string;
  bytes: Buffer;
  details?: Record<string, unknown>;
}

/**
 * Stores an original unless one with the same key exists: the row that is kept is
 * returned (the first one stored wins, so two workers rendering at once agree).
 */
export async function insertOriginal(
  db: Db,
  t: Tenant,
  original: NewDocumentOriginal,
): Promise<DocumentOriginalRow> {
  await db
    .insert(documentOriginals)
    .values(t.owned({ ...original, details: original.details ?? {} }))
    .onConflictDoNothing({
      target: [
        documentOriginals.organisationId,
        documentOriginals.documentId,
        documentOriginals.key,
      ],
    });
  const stored = await getOriginal(db, t, original.documentId, original.key);
  if (!stored) throw new Error(`Original ${original.key} of ${original.documentId} was not stored`);
  return stored;
}

export async function getOriginal(
  db: Db,
  t: Tenant,
  documentId: string,
  key: string,
): Promise<DocumentOriginalRow | null> {
  const [row] = await db
    .select()
    .from(documentOriginals)
    .where(
      t.where(
        documentOriginals,
        and(eq(documentOriginals.documentId, documentId), eq(documentOriginals.key, key)),
      ),
    );
  return row ?? null;
}

/** A document's originals, oldest first, without their bytes. */
export async function listOriginals(
  db: Db,
  t: Tenant,
  documentId: string,
): Promise<DocumentOriginalInfo[]> {
  return db
    .select({
      id: documentOriginals.id,
      organisationId: documentOriginals.organisationId,
      documentId: documentOriginals.documentId,
      kind: documentOriginals.kind,
      key: documentOriginals.key,
      contentType: documentOriginals.contentType,
      sha256: documentOriginals.sha256,
      size: documentOriginals.size,
      details: documentOriginals.details,
      createdAt: documentOriginals.createdAt,
    })
    .from(documentOriginals)
    .where(t.where(documentOriginals, eq(documentOriginals.documentId, documentId)))
    .orderBy(asc(documentOriginals.createdAt), asc(documentOriginals.key));
}
