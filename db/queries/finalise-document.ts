import { and, eq, inArray, sql } from "drizzle-orm";
import {
  assertTransition,
  canTransition,
  statusAfterPayment,
} from "@/lib/documents/document-lifecycle";
import { sellerSnapshot } from "@/lib/company/seller-snapshot";
import { defaultSeries } from "@/lib/documents/default-series";
import { renderText } from "@/lib/documents/default-texts";
import { documentTextValues } from "@/lib/documents/text-values";
import { chooseNextSequence } from "@/lib/numbering/choose-next-sequence";
import { formatDocumentNumber } from "@/lib/numbering/format-document-number";
import { brusselsDay, getBrusselsDate } from "@/lib/calendar/brussels-date";
import { addDays } from "@/lib/calendar/calendar-days";
import { seriesPeriodKey } from "@/lib/numbering/series-period-key";
import {
  deriveStructuredCommunication,
  type SeriesSlot,
} from "@/lib/structured-communication/derive-structured-communication";
import { parseQuantity } from "@/lib/money";
import type { Db } from "../client";
import {
  articles,
  documentCounters,
  documentLines,
  documents,
  documentSeries,
  payments,
  stockMovements,
} from "../schema";
import type { Tenant } from "../tenant";
import { snapshotCustomer } from "./customer-snapshot";
import { resolveDocumentTexts } from "./document-texts";
import { creditedCents } from "./credit-and-pay";
import { lockDocument, recordDocumentEvent } from "./documents";
import { getOrganisation } from "./organisations";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The series of a type, created with the defaults on first use. */
async function getSeries(tx: Tx, t: Tenant, type: keyof typeof defaultSeries) {
  await tx
    .insert(documentSeries)
    .values(t.owned({ type, ...defaultSeries[type] }))
    .onConflictDoNothing();
  const [series] = await tx
    .select()
    .from(documentSeries)
    .where(t.where(documentSeries, eq(documentSeries.type, type)));
  if (!series) throw new Error(`No ${type} series`);
  return series;
}

/**
 * Takes the next number of a series. The counter row is created or incremented in
 * one statement, and its row lock is held until the finalising transaction ends:
 * concurrent finalisations queue on it, and a rolled-back one gives its number back.
 */
async function takeNextSequence(
  tx: Tx,
  t: Tenant,
  series: typeof documentSeries.$inferSelect,
  periodKey: string,
): Promise<number> {
  const first = chooseNextSequence({
    periodKey,
    lastIssued: null,
    migrationStart:
      series.startSequence && series.startPeriodKey
        ? { periodKey: series.startPeriodKey, nextSequence: series.startSequence }
        : null,
  });
  const [counter] = await tx
    .insert(documentCounters)
    .values(t.owned({ type: series.type, periodKey, lastSequence: first }))
    .onConflictDoUpdate({
      target: [documentCounters.organisationId, documentCounters.type, documentCounters.periodKey],
      set: { lastSequence: sql`${documentCounters.lastSequence} + 1` },
    })
    .returning({ lastSequence: documentCounters.lastSequence });
  if (!counter) throw new Error("Counter upsert returned nothing");
  return counter.lastSequence;
}

/**
 * A finalised credit note settles the invoice it corrects for its amount, so a fully
 * credited invoice no longer shows as due (and cannot be paid or credited again).
 */
async function settleCreditedInvoice(
  tx: Tx,
  t: Tenant,
  invoiceId: string,
  creditNote: { id: string; number: string | null; totalCents: number },
) {
  const invoice = await lockDocument(tx, t, invoiceId);
  const open = invoice.totalCents - invoice.paidCents;
  const settled = Math.min(open, creditNote.totalCents);
  if (settled <= 0 || !canTransition(invoice.type, invoice.status, "record_payment")) return;
  const paidCents = invoice.paidCents + settled;
  await tx
    .update(documents)
    .set({
      paidCents,
      status: statusAfterPayment(invoice.totalCents, paidCents),
      updatedAt: new Date(),
    })
    .where(t.where(documents, eq(documents.id, invoiceId)));
  await recordDocumentEvent(tx, t, invoiceId, "credited", {
    creditNoteId: creditNote.id,
    creditNoteNumber: creditNote.number,
    amountCents: settled,
  });
}

/** Invoices take stock out, credit notes put it back; other types never move stock. */
async function moveStock(tx: Tx, t: Tenant, documentId: string, direction: -1 | 1) {
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

/** A credit note that would credit an invoice for more than its total. */
export class CreditExceedsInvoiceError extends Error {
  constructor(public readonly remainingCents: number) {
    super(`The credit notes would exceed the invoice (at most ${remainingCents} cents left)`);
    this.name = "CreditExceedsInvoiceError";
  }
}

/**
 * An invoice is credited at most once in full: the issued credit notes plus this one
 * may not exceed its total. The invoice row is locked first, so two credit notes
 * finalised at once are checked one after the other.
 */
async function assertCreditFits(tx: Tx, t: Tenant, invoiceId: string, creditCents: number) {
  const invoice = await lockDocument(tx, t, invoiceId);
  const remaining = invoice.totalCents - (await creditedCents(tx, t, invoiceId));
  if (creditCents > remaining) throw new CreditExceedsInvoiceError(Math.max(remaining, 0));
}

/**
 * Concept → sent: number, structured communication (invoices), frozen customer, stock.
 * All or nothing, in one transaction, so a failed finalisation leaves no gap.
 */
export async function finaliseDocument(db: Db, t: Tenant, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const document = await lockDocument(tx, t, id);
    assertTransition(document.type, document.status, "finalise");
    if (document.type === "credit_note" && document.creditedDocumentId)
      await assertCreditFits(tx, t, document.creditedDocumentId, document.totalCents);
    const series = await getSeries(tx, t, document.type);
    const periodKey = seriesPeriodKey(series, now);
    const sequence = await takeNextSequence(tx, t, series, periodKey);
    const number = formatDocumentNumber(series.pattern, { sequence, date: now });
    let structuredCommunication: string | null = null;
    if (document.type === "invoice") {
      const derived = deriveStructuredCommunication({
        seriesSlot: series.ogmSlot as SeriesSlot,
        year: getBrusselsDate(now).year,
        sequence,
      });
      if (!derived.ok)
        throw new Error(`Cannot derive a structured communication: ${derived.problem}`);
      structuredCommunication = derived.digits;
    }
    // Numbers must follow dates (art. 5 KB nr. 1): a document is dated the day it is
    // finalised. Payment terms: the concept's due date if later, else the organisation's.
    const issueDate = brusselsDay(now);
    const organisation = await getOrganisation(tx, t.organisationId);
    const termsDue = addDays(issueDate, organisation.paymentTermsDays);
    const dueDate =
      document.type === "invoice"
        ? document.dueDate && document.dueDate > issueDate
          ? document.dueDate
          : termsDue
        : document.dueDate;
    const customer = (await snapshotCustomer(tx, t, document.customerId)) ?? document.customer;
    // The merchant's own caption (or the built-in one) unless the concept has its own.
    let legend = document.legend;
    if (!legend) {
      const resolved = await resolveDocumentTexts(tx, t, {
        type: document.type,
        state: document.paidOnIssue ? "paid" : "unpaid",
        documentLanguage: document.language,
      });
      legend = renderText(
        resolved.texts.legend,
        documentTextValues({
          ...document,
          language: resolved.language,
          number,
          dueDate,
          structuredCommunication,
          customerName: customer?.name ?? null,
          companyName: organisation.legalName,
        }),
      );
    }
    const [finalised] = await tx
      .update(documents)
      .set({
        status: "sent",
        issueDate,
        dueDate,
        legend,
        number,
        sequence,
        periodKey,
        structuredCommunication,
        customer,
        seller: sellerSnapshot(organisation),
        finalisedAt: now,
        updatedAt: now,
      })
      .where(t.where(documents, eq(documents.id, id), and(eq(documents.status, "concept"))))
      .returning();
    if (!finalised) throw new Error("Finalisation lost its row");
    if (document.type === "invoice") await moveStock(tx, t, id, -1);
    if (document.type === "invoice" && document.paidOnIssue) {
      await tx
        .update(documents)
        .set({ status: "paid", paidCents: finalised.totalCents })
        .where(t.where(documents, eq(documents.id, id)));
      if (finalised.totalCents > 0) {
        await tx.insert(payments).values(
          t.owned({
            documentId: id,
            amountCents: finalised.totalCents,
            method: document.paidOnIssue.method,
            paidOn: issueDate,
            reference: document.paidOnIssue.reference,
            sourceKey: `paid-on-issue:${id}`,
          }),
        );
      }
      await recordDocumentEvent(tx, t, id, "paid", {
        amountCents: finalised.totalCents,
        method: document.paidOnIssue.method,
        reference: document.paidOnIssue.reference,
        paidOn: issueDate,
      });
      finalised.status = "paid";
      finalised.paidCents = finalised.totalCents;
    }
    if (document.type === "credit_note") {
      await moveStock(tx, t, id, 1);
      if (document.creditedDocumentId)
        await settleCreditedInvoice(tx, t, document.creditedDocumentId, finalised);
    }
    await recordDocumentEvent(tx, t, id, "finalised", { number });
    return finalised;
  });
}
