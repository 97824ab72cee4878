import type { Db } from "@/db/client";
import {
  insertOriginal,
  type DocumentOriginalRow,
  type NewDocumentOriginal,
} from "@/db/queries/document-originals";
import type { OriginalKind } from "@/db/schema";
import type { Tenant } from "@/db/tenant";

export type StoredOriginal = DocumentOriginalRow;

/** The key of an issued document's own PDF and UBL: one each, the first stored wins. */
export const ISSUED_PDF_KEY = "pdf";
export const ISSUED_UBL_KEY = "ubl";

/** The key of the UBL handed to the access point for one transmission. */
export function peppolUblKey(transmissionId: string): string {
  return `peppol_ubl:${transmissionId}`;
}

/** The key of one answer about a transmission (the access point's id or status of that answer). */
export function peppolAnswerKey(transmissionId: string, answerId: string): string {
  return `peppol_answer:${transmissionId}:${answerId}`;
}

export interface StoreOriginalInput {
  documentId: string;
  kind: OriginalKind;
  /** Defaults to the kind: right for `pdf` and `ubl`; Peppol keys name their transmission. */
  key?: string;
  contentType: string;
  bytes: Buffer | string;
  details?: Record<string, unknown>;
}

/**
 * Keeps the bytes of an issued document as they are (for at least ten years: nothing
 * deletes them, and the database refuses to). Idempotent: when an original with the
 * same key exists, nothing is written and that one is returned, so a retried job or
 * two renders at once never replace what was issued. The document must be issued
 * (the database refuses an original of a concept).
 */
export async function storeOriginal(
  db: Db,
  t: Tenant,
  input: StoreOriginalInput,
): Promise<StoredOriginal> {
  const original: NewDocumentOriginal = {
    documentId: input.documentId,
    kind: input.kind,
    key: input.key ?? input.kind,
    contentType: input.contentType,
    bytes: typeof input.bytes === "string" ? Buffer.from(input.bytes, "utf8") : input.bytes,
    details: input.details,
  };
  return insertOriginal(db, t, original);
}
