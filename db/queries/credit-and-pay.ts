import { eq, inArray, sql } from "drizzle-orm";
import { isFinalised, DocumentTransitionError } from "@/lib/documents/document-lifecycle";
import type { Db } from "../client";
import { documentLines, documents } from "../schema";
import type { Tenant } from "../tenant";
import { createConcept, recordDocumentEvent } from "./documents";

/**
 * A credit note concept that corrects a finalised invoice: its lines start as a copy
 * (a full credit) and the merchant removes or lowers lines for a partial one. The
 * amounts stay positive: the document type says it is a credit (Belgian practice
 * and Peppol's CreditNote both expect that).
 */
export async function createCreditNoteFor(
  db: Db,
  t: Tenant,
  invoiceId: string,
  from: { sourceKey?: string } = {},
): Promise<string> {
  const [invoice] = await db
    .select()
    .from(documents)
    .where(t.where(documents, eq(documents.id, invoiceId)));
  if (!invoice) throw new Error(`Document ${invoiceId} not found`);
  if (invoice.type !== "invoice" || !isFinalised(invoice.status)) {
    throw new DocumentTransitionError(invoice.status, "finalise");
  }
  // A paid invoice may still be credited (a refund); a fully credited one may not.
  const [credited] = await db
    .select({ cents: sql<string>`coalesce(sum(${documents.totalCents}), 0)` })
    .from(documents)
    .where(
      t.where(
        documents,
        eq(documents.creditedDocumentId, invoiceId),
        inArray(documents.status, ["sent", "paid", "partially_paid"]),
      ),
    );
  if (Number(credited?.cents ?? 0) >= invoice.totalCents) {
    throw new DocumentTransitionError(invoice.status, "finalise");
  }
  const lines = await db
    .select()
    .from(documentLines)
    .where(t.where(documentLines, eq(documentLines.documentId, invoiceId)))
    .orderBy(documentLines.position);
  const id = await createConcept(
    db,
    t,
    {
      type: "credit_note",
      customerId: invoice.customerId,
      language: invoice.language,
      issueDate: new Date().toISOString().slice(0, 10),
      dueDate: null,
      legend: "",
      lines: lines.map((l) => ({
        description: l.description,
        sku: l.sku,
        quantity: l.quantity,
        unitPrice: "",
        unitPriceCents: l.unitPriceCents,
        priceMode: l.priceMode,
        discountPercent: l.discountBp,
        discountBp: l.discountBp,
        vatCategory: l.vatCategory as never,
        vatRateBp: l.vatRateBp,
      })),
    },
    {
      source: invoice.source,
      sourceId: invoice.sourceId,
      sourceName: invoice.sourceName,
      currency: invoice.currency,
      fixedVat: invoice.fixedVat,
      creditedDocumentId: invoiceId,
      ...(from.sourceKey ? { sourceKey: from.sourceKey } : {}),
    },
  );
  await recordDocumentEvent(db, t, invoiceId, "credited", { creditNoteId: id });
  return id;
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
