import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt } from "./columns";
import { documents } from "./documents";
import { organisationId } from "./tenant-column";

/**
 * What a stored original is:
 * - `pdf`: the PDF of an issued document, as emailed and served (never rendered again);
 * - `ubl`: the Peppol BIS 3.0 UBL of an issued invoice or credit note (its PDF embedded);
 * - `peppol_ubl`: the UBL actually handed to the access point for one transmission;
 * - `peppol_answer`: one answer of the access point or the receiver about a transmission.
 */
export type OriginalKind = "pdf" | "ubl" | "peppol_ubl" | "peppol_answer";

/**
 * The originals of issued documents, kept at least ten years (VAT Code art. 60): the
 * bytes exactly as issued, their SHA-256 (computed by the database, so it always
 * matches) and when they were stored. Rows are only ever inserted: triggers refuse
 * UPDATE, DELETE and TRUNCATE (migration 0016, db/migrations/README.md), and the
 * document they belong to cannot be deleted once issued.
 */
export const documentOriginals = pgTable(
  "document_original",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    // No cascade: an issued document is never deleted, and neither is its original.
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id),
    kind: text("kind").$type<OriginalKind>().notNull(),
    /**
     * One original per key and document: `pdf` and `ubl` for the issued PDF and UBL
     * (the first stored wins), `peppol_ubl:<transmission>` and
     * `peppol_answer:<transmission>:<answer>` for Peppol, so a retried job stores nothing twice.
     */
    key: text("key").notNull(),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    sha256: text("sha256")
      .notNull()
      .generatedAlwaysAs(sql`encode(sha256("bytes"), 'hex')`),
    size: integer("size")
      .notNull()
      .generatedAlwaysAs(sql`octet_length("bytes")`),
    /** What the bytes are about, e.g. the transmission and the access point's status. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("document_original_key").on(t.organisationId, t.documentId, t.key),
    index("document_original_document").on(t.documentId, t.createdAt),
  ],
);
