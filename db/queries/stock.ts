import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { StockHistoryCause } from "@/lib/articles/stock-history-cause";
import type { DocumentType } from "@/lib/documents/document-lifecycle";
import type { Db } from "../client";
import {
  articles,
  documentLines,
  documents,
  stockMovements,
  type StockMovementCause,
} from "../schema";
import { parseQuantity } from "@/lib/money";
import type { Tenant } from "../tenant";
import type { Tx } from "./documents";

/**
 * Stock is a ledger (db/schema/articles.ts): never a stored number, always the sum
 * of movements. Quantities are thousandths of a unit, signed. Stock may go negative:
 * a shop sells what it has not counted yet, and the merchant sees a warning instead
 * of a refused invoice.
 */
export async function currentStock(db: Db, t: Tenant, articleId: string): Promise<number> {
  const [row] = await db
    .select({
      milli: sql<number>`coalesce(sum(${stockMovements.quantityMilli}), 0)::bigint`.mapWith(Number),
    })
    .from(stockMovements)
    .where(t.where(stockMovements, eq(stockMovements.articleId, articleId)));
  return row?.milli ?? 0;
}

export interface StockMovement {
  id: string;
  quantityMilli: number;
  cause: StockMovementCause;
  note: string | null;
  createdAt: Date;
  /** For a document line: the document that moved the stock. */
  document: { id: string; type: DocumentType; number: string | null } | null;
}

function causeCondition(cause: StockHistoryCause | undefined) {
  switch (cause) {
    case undefined:
      return undefined;
    case "invoice":
    case "credit_note":
      return and(eq(stockMovements.cause, "document_line"), eq(documents.type, cause));
    case "correction":
      return eq(stockMovements.cause, "manual");
    case "import":
      return eq(stockMovements.cause, "import");
  }
}

/**
 * Newest first in the order of entry (the `entry` sequence, so movements of one moment
 * keep their order), each with its cause: a note, or the document of its line.
 */
export async function stockHistory(
  db: Db,
  t: Tenant,
  articleId: string,
  limit = 100,
  cause?: StockHistoryCause,
): Promise<StockMovement[]> {
  const rows = await db
    .select({
      id: stockMovements.id,
      quantityMilli: stockMovements.quantityMilli,
      cause: stockMovements.cause,
      note: stockMovements.note,
      createdAt: stockMovements.createdAt,
      documentId: documents.id,
      documentType: documents.type,
      documentNumber: documents.number,
    })
    .from(stockMovements)
    .leftJoin(
      documentLines,
      and(
        eq(documentLines.id, stockMovements.documentLineId),
        eq(documentLines.organisationId, t.organisationId),
      ),
    )
    .leftJoin(
      documents,
      and(
        eq(documents.id, documentLines.documentId),
        eq(documents.organisationId, t.organisationId),
      ),
    )
    .where(t.where(stockMovements, eq(stockMovements.articleId, articleId), causeCondition(cause)))
    .orderBy(desc(stockMovements.entry))
    .limit(limit);
  return rows.map(({ documentId, documentType, documentNumber, ...movement }) => ({
    ...movement,
    document:
      documentId && documentType
        ? { id: documentId, type: documentType, number: documentNumber }
        : null,
  }));
}

/** Returns whether the article is this tenant's (nothing is recorded otherwise). */
async function ownsArticle(db: Db, t: Tenant, articleId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(t.where(articles, eq(articles.id, articleId)));
  return Boolean(row);
}

/**
 * A correction by hand (inventory count, breakage, a delivery from the supplier),
 * with the merchant's note. Returns the movement's id, or null for an article that
 * is not this tenant's.
 */
export async function recordManualCorrection(
  db: Db,
  t: Tenant,
  articleId: string,
  quantityDelta: number,
  note: string,
): Promise<string | null> {
  if (!Number.isSafeInteger(quantityDelta) || quantityDelta === 0) {
    throw new Error(`A stock correction is a non-zero number of thousandths, not ${quantityDelta}`);
  }
  if (!(await ownsArticle(db, t, articleId))) return null;
  const [row] = await db
    .insert(stockMovements)
    .values(t.owned({ articleId, quantityMilli: quantityDelta, cause: "manual" as const, note }))
    .returning({ id: stockMovements.id });
  return row?.id ?? null;
}

/**
 * The movement of one document line (finalisation, a Shopify fulfilment). A line
 * moves stock at most once: a replay finds the unique index taken and returns false.
 */
export async function recordDocumentLineMovement(
  db: Db,
  t: Tenant,
  movement: { articleId: string; documentLineId: string; quantityMilli: number },
): Promise<boolean> {
  const [line] = await db
    .select({ id: documentLines.id })
    .from(documentLines)
    .where(t.where(documentLines, eq(documentLines.id, movement.documentLineId)));
  if (!line || !(await ownsArticle(db, t, movement.articleId))) return false;
  const rows = await db
    .insert(stockMovements)
    .values(t.owned({ ...movement, cause: "document_line" as const }))
    .onConflictDoNothing()
    .returning({ id: stockMovements.id });
  return rows.length > 0;
}

/**
 * The stock movements of a finalised document's lines: `-1` takes the quantities out
 * (an invoice), `+1` puts back the lines marked to restock (a credit note). Only
 * articles that track stock move; a line moves at most once (unique index).
 */
export async function moveDocumentStock(
  tx: Tx,
  t: Tenant,
  documentId: string,
  direction: -1 | 1,
): Promise<void> {
  const lines = await tx
    .select()
    .from(documentLines)
    .where(t.where(documentLines, eq(documentLines.documentId, documentId)));
  const skus = [...new Set(lines.map((l) => l.sku).filter((s): s is string => Boolean(s)))];
  if (skus.length === 0) return;
  const tracked = await tx
    .select({ id: articles.id, sku: articles.sku })
    .from(articles)
    .where(t.where(articles, inArray(articles.sku, skus), eq(articles.trackStock, true)));
  const bySku = new Map(tracked.map((a) => [a.sku, a.id]));
  const movements = lines.flatMap((line) => {
    if (direction > 0 && !line.restock) return [];
    const articleId = line.sku ? bySku.get(line.sku) : undefined;
    if (!articleId) return [];
    const quantityMilli = direction * parseQuantity(line.quantity).thousandths;
    return [
      t.owned({
        articleId,
        quantityMilli,
        cause: "document_line" as const,
        documentLineId: line.id,
      }),
    ];
  });
  if (movements.length > 0) await tx.insert(stockMovements).values(movements).onConflictDoNothing();
}
