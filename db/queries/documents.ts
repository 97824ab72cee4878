import { and, asc, eq, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Concept } from "@/lib/documents/concept-schema";
import type { DocumentStatus, DocumentType } from "@/lib/documents/document-lifecycle";
import { priceConcept } from "@/lib/documents/price-concept";
import { vatInEuroAfterEdit } from "@/lib/documents/vat-in-euro";
import type { FixedVatAmount, VatBreakdownEntry } from "@/lib/vat";
import type { Db } from "../client";
import { documentEvents, documentLines, documents, type CustomerSnapshot } from "../schema";
import { containsPattern } from "./text-search";
import type { Tenant } from "../tenant";

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentLineRow = typeof documentLines.$inferSelect;
/** A transaction: functions that lock rows take one, so they cannot run outside it. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export class DocumentNotFoundError extends Error {
  constructor(id: string) {
    super(`Document ${id} not found`);
    this.name = "DocumentNotFoundError";
  }
}

export interface DocumentTotals {
  vatBreakdown: VatBreakdownEntry[];
  totalNetCents: number;
  totalVatCents: number;
  totalCents: number;
}

/** Replaces a document's lines with the concept's, priced; answers the totals to store. */
export async function writeLinesAndTotals(
  tx: Tx,
  t: Tenant,
  documentId: string,
  concept: Concept,
  fixedVat: FixedVatAmount[] | null,
  currency: string,
  lineRestock: readonly boolean[] = [],
): Promise<DocumentTotals> {
  const totals = priceConcept(concept.lines, { currency, fixedVat });
  await tx
    .delete(documentLines)
    .where(t.where(documentLines, eq(documentLines.documentId, documentId)));
  await tx.insert(documentLines).values(
    concept.lines.map((line, position) =>
      t.owned({
        documentId,
        position,
        description: line.description,
        sku: line.sku,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        priceMode: line.priceMode,
        discountBp: line.discountBp,
        discountCents: line.discountCents ?? null,
        vatCategory: line.vatCategory,
        vatRateBp: line.vatRateBp,
        vatCountry: line.vatCountry,
        netCents: totals.lines[position]?.netCents ?? 0,
        vatCents: totals.lines[position]?.vatCents ?? 0,
        grossCents: totals.lines[position]?.grossCents ?? 0,
        restock: lineRestock[position] ?? true,
      }),
    ),
  );
  return {
    vatBreakdown: [...totals.vatBreakdown],
    totalNetCents: totals.netCents,
    totalVatCents: totals.vatCents,
    totalCents: totals.grossCents,
  };
}

export async function recordDocumentEvent(
  db: Db | Tx,
  t: Tenant,
  documentId: string,
  kind: string,
  details: Record<string, unknown> = {},
) {
  await db.insert(documentEvents).values(t.owned({ documentId, kind, details }));
}

export type NewDocument = Omit<
  typeof documents.$inferInsert,
  "id" | "organisationId" | "createdAt" | "updatedAt"
>;

/** Inserts a document row (its lines and totals are written next); answers its id. */
export async function insertDocument(tx: Tx, t: Tenant, values: NewDocument): Promise<string> {
  const [row] = await tx.insert(documents).values(t.owned(values)).returning({ id: documents.id });
  if (!row) throw new Error("Document insert returned nothing");
  return row.id;
}

/** Stores a document's totals (as `writeLinesAndTotals` answered them). */
export async function setDocumentTotals(
  tx: Tx,
  t: Tenant,
  id: string,
  totals: DocumentTotals & { vatTotalEurCents?: number | null },
): Promise<void> {
  await tx
    .update(documents)
    .set(totals)
    .where(t.where(documents, eq(documents.id, id)));
}

/** Locks the document row for the rest of the transaction (finalise, edit and pay serialise on it). */
export async function lockDocument(tx: Tx, t: Tenant, id: string): Promise<DocumentRow> {
  const [row] = await tx
    .select()
    .from(documents)
    .where(t.where(documents, eq(documents.id, id)))
    .for("update");
  if (!row) throw new DocumentNotFoundError(id);
  return row;
}

/** A document's lines in their order. */
export async function listDocumentLines(
  db: Db,
  t: Tenant,
  documentId: string,
): Promise<DocumentLineRow[]> {
  return db
    .select()
    .from(documentLines)
    .where(t.where(documentLines, eq(documentLines.documentId, documentId)))
    .orderBy(asc(documentLines.position));
}

/** Stores what an invoice has been paid and the status that follows from it. */
export async function setDocumentPayment(
  tx: Tx,
  t: Tenant,
  id: string,
  payment: { paidCents: number; status: DocumentStatus },
  now: Date,
): Promise<void> {
  await tx
    .update(documents)
    .set({ ...payment, updatedAt: now })
    .where(t.where(documents, eq(documents.id, id)));
}

/** The fields a concept receives when it is finalised (number, dates, snapshots). */
export type Finalisation = Pick<
  typeof documents.$inferInsert,
  | "issueDate"
  | "dueDate"
  | "legend"
  | "number"
  | "sequence"
  | "periodKey"
  | "structuredCommunication"
  | "customer"
  | "seller"
  | "finalisedAt"
>;

/** Concept → sent, with its finalisation fields; only a concept is changed. */
export async function storeFinalisation(
  tx: Tx,
  t: Tenant,
  id: string,
  fields: Finalisation,
  now: Date,
): Promise<DocumentRow> {
  const [row] = await tx
    .update(documents)
    .set({ ...fields, status: "sent", updatedAt: now })
    .where(t.where(documents, eq(documents.id, id), eq(documents.status, "concept")))
    .returning();
  if (!row) throw new Error("Finalisation lost its row");
  return row;
}

/** What has been credited on an invoice so far, issued credit notes only. */
export async function creditedCents(db: Db, t: Tenant, invoiceId: string): Promise<number> {
  const [row] = await db
    .select({ cents: sql<string>`coalesce(sum(${documents.totalCents}), 0)` })
    .from(documents)
    .where(
      t.where(
        documents,
        eq(documents.creditedDocumentId, invoiceId),
        inArray(documents.status, ["sent", "paid", "partially_paid"]),
      ),
    );
  return Number(row?.cents ?? 0);
}

/**
 * Writes a concept's new content (lines, totals, customer snapshot, dates) over the old.
 * VAT copied from Shopify describes Shopify's lines; once the merchant edits the lines it
 * no longer does, so the edited document computes its own VAT. The caller decides which
 * buyer snapshot the concept keeps (lib/documents/update-concept.ts).
 */
export async function replaceConceptContent(
  tx: Tx,
  t: Tenant,
  current: Pick<DocumentRow, "id" | "type" | "currency" | "totalVatCents" | "vatTotalEurCents">,
  concept: Concept,
  customer: CustomerSnapshot | null,
  now: Date,
): Promise<void> {
  const totals = await writeLinesAndTotals(tx, t, current.id, concept, null, current.currency);
  const vatTotalEurCents = vatInEuroAfterEdit(current, totals.totalVatCents);
  await tx
    .update(documents)
    .set({
      ...totals,
      type: current.type,
      customerId: concept.customerId,
      customer,
      language: concept.language,
      issueDate: concept.issueDate,
      dueDate: concept.dueDate,
      supplyDate: concept.supplyDate,
      legend: concept.legend,
      fixedVat: null,
      vatTotalEurCents,
      updatedAt: now,
    })
    .where(t.where(documents, eq(documents.id, current.id)));
}

/**
 * A concept's dates as its source now knows them (a Shopify fulfilment that arrived
 * after the concept was made); an issued document is never changed.
 */
export async function setConceptDates(
  db: Db | Tx,
  t: Tenant,
  id: string,
  dates: { supplyDate: string | null; deliveryDate: string | null },
  now: Date,
): Promise<void> {
  await db
    .update(documents)
    .set({ ...dates, updatedAt: now })
    .where(t.where(documents, eq(documents.id, id), eq(documents.status, "concept")));
}

/** The VAT categories a document's lines use (K needs a delivery date, AE a VAT number…). */
export async function lineCategories(db: Db | Tx, t: Tenant, documentId: string) {
  const rows = await db
    .selectDistinct({ category: documentLines.vatCategory })
    .from(documentLines)
    .where(t.where(documentLines, eq(documentLines.documentId, documentId)));
  return rows.map((row) => row.category);
}

/** Stores a document's new status (the caller checked the transition under its lock). */
export async function setDocumentStatus(
  tx: Tx,
  t: Tenant,
  id: string,
  status: DocumentStatus,
  now: Date,
): Promise<void> {
  await tx
    .update(documents)
    .set({ status, updatedAt: now })
    .where(t.where(documents, eq(documents.id, id)));
}

/** Deleting is for concepts only: they have no number, so no gap appears in a series. */
export async function deleteConcept(db: Db, t: Tenant, id: string): Promise<boolean> {
  const rows = await db
    .delete(documents)
    .where(t.where(documents, eq(documents.id, id), eq(documents.status, "concept")))
    .returning({ id: documents.id });
  return rows.length > 0;
}

export async function getDocument(db: Db, t: Tenant, id: string) {
  const [document] = await db
    .select()
    .from(documents)
    .where(t.where(documents, eq(documents.id, id)));
  if (!document) return null;
  const [lines, events] = await Promise.all([
    db
      .select()
      .from(documentLines)
      .where(t.where(documentLines, eq(documentLines.documentId, id)))
      .orderBy(documentLines.position),
    db
      .select()
      .from(documentEvents)
      .where(t.where(documentEvents, eq(documentEvents.documentId, id)))
      .orderBy(documentEvents.createdAt),
  ]);
  return { document, lines, events };
}

export interface DocumentFilters {
  type?: DocumentType;
  status?: DocumentStatus;
  customerId?: string;
  from?: string;
  to?: string;
  sourceId?: string;
  /** Number, customer name or Shopify order name. */
  search?: string;
}

/** Opaque keyset cursor: the last row's (created_at, id). */
export interface DocumentCursor {
  createdAt: string;
  id: string;
}

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(
    JSON.stringify({ createdAt: row.createdAt.toISOString(), id: row.id }),
  ).toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): DocumentCursor | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as DocumentCursor;
    return typeof parsed.createdAt === "string" && typeof parsed.id === "string" ? parsed : null;
  } catch {
    return null;
  }
}

/** Newest first, keyset-paginated so page 500 costs what page 1 costs. */
export async function listDocuments(
  db: Db,
  t: Tenant,
  filters: DocumentFilters,
  cursor: DocumentCursor | null,
  limit = 50,
) {
  const conditions: (SQL | undefined)[] = [
    filters.type ? eq(documents.type, filters.type) : undefined,
    filters.status ? eq(documents.status, filters.status) : undefined,
    filters.customerId ? eq(documents.customerId, filters.customerId) : undefined,
    filters.from ? sql`${documents.issueDate} >= ${filters.from}` : undefined,
    filters.to ? sql`${documents.issueDate} <= ${filters.to}` : undefined,
    filters.sourceId ? eq(documents.sourceId, filters.sourceId) : undefined,
  ];
  if (filters.search) {
    const like = containsPattern(filters.search);
    conditions.push(
      or(
        ilike(documents.number, like),
        ilike(documents.sourceName, like),
        sql`${documents.customer}->>'name' ilike ${like}`,
        sql`${documents.customer}->>'company' ilike ${like}`,
      ),
    );
  }
  if (cursor) {
    conditions.push(
      or(
        lt(documents.createdAt, new Date(cursor.createdAt)),
        and(eq(documents.createdAt, new Date(cursor.createdAt)), lt(documents.id, cursor.id)),
      ),
    );
  }
  const rows = await db
    .select({
      id: documents.id,
      type: documents.type,
      status: documents.status,
      number: documents.number,
      customer: documents.customer,
      customerId: documents.customerId,
      issueDate: documents.issueDate,
      supplyDate: documents.supplyDate,
      totalCents: documents.totalCents,
      currency: documents.currency,
      source: documents.source,
      sourceName: documents.sourceName,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .where(t.where(documents, ...conditions))
    // Spelled like the index (DESC NULLS LAST; both columns are NOT NULL, so the order
    // is the same): a plain DESC means NULLS FIRST, and PostgreSQL then sorts the whole
    // organisation instead of reading the index (measured by the bench: 86 ms → 0.06 ms).
    .orderBy(sql`${documents.createdAt} desc nulls last`, sql`${documents.id} desc nulls last`)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
