import type { Db } from "@/db/client";
import { resolveDocumentTexts } from "@/db/queries/document-texts";
import {
  creditedCents,
  lineCategories,
  lockDocument,
  recordDocumentEvent,
  setDocumentPayment,
  storeFinalisation,
  type DocumentRow,
  type Tx,
} from "@/db/queries/documents";
import { getOrganisation } from "@/db/queries/organisations";
import { insertPayment } from "@/db/queries/payments";
import { ensureSeries, takeNextSequence } from "@/db/queries/series";
import { moveDocumentStock } from "@/db/queries/stock";
import type { Tenant } from "@/db/tenant";
import { currentStockMode, documentMovesStock } from "@/lib/articles/stock-mode";
import { brusselsDay, getBrusselsDate } from "@/lib/calendar/brussels-date";
import { addDays } from "@/lib/calendar/calendar-days";
import type { Clock } from "@/lib/calendar/clock";
import { sellerSnapshot } from "@/lib/company/seller-snapshot";
import { formatDocumentNumber } from "@/lib/numbering/format-document-number";
import { seriesPeriodKey } from "@/lib/numbering/series-period-key";
import {
  deriveStructuredCommunication,
  type SeriesSlot,
} from "@/lib/structured-communication/derive-structured-communication";
import { renderText } from "./default-texts";
import { documentBuyer } from "./document-buyer";
import { assertTransition, canTransition, statusAfterPayment } from "./document-lifecycle";
import {
  creditRoomCents,
  needsDeliveryDate,
  paidInFullOnIssue,
  paidOnIssueCents,
  settledByCreditNote,
} from "./document-state";
import { documentTextValues } from "./text-values";

/** A credit note that would credit an invoice for more than its total. */
export class CreditExceedsInvoiceError extends Error {
  constructor(public readonly remainingCents: number) {
    super(`The credit notes would exceed the invoice (at most ${remainingCents} cents left)`);
    this.name = "CreditExceedsInvoiceError";
  }
}

/** An intra-EU supply of goods without the date the goods left (BR-IC-11): enter it first. */
export class DeliveryDateRequiredError extends Error {
  constructor() {
    super("An intra-EU supply of goods needs its delivery date before it is issued");
    this.name = "DeliveryDateRequiredError";
  }
}

export interface FinaliseDocumentInput {
  documentId: string;
}

/**
 * Concept → sent: number, structured communication (invoices), frozen seller and
 * customer, caption, stock; for a credit note, the invoice it settles; for an order
 * its shop already took the money for, the payment. All or nothing, in one
 * transaction, so a failed finalisation leaves no gap in the numbers.
 */
export async function finaliseDocument(
  db: Db,
  t: Tenant,
  input: FinaliseDocumentInput,
  clock: Clock,
): Promise<DocumentRow> {
  const now = clock.now();
  const id = input.documentId;
  return db.transaction(async (tx) => {
    const document = await lockDocument(tx, t, id);
    assertTransition(document.type, document.status, "finalise");
    if (needsDeliveryDate(document, await lineCategories(tx, t, id)))
      throw new DeliveryDateRequiredError();
    if (document.type === "credit_note" && document.creditedDocumentId)
      await assertCreditFits(tx, t, document.creditedDocumentId, document.totalCents);
    const series = await ensureSeries(tx, t, document.type);
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
    // The buyer of an order (or of the credited invoice) stays as that document named
    // them; a concept made for a customer record names the customer as they are now.
    const customer = await documentBuyer(tx, t, document);
    // The merchant's own caption (or the built-in one) unless the concept has its own.
    let legend = document.legend;
    if (!legend) {
      const resolved = await resolveDocumentTexts(tx, t, {
        type: document.type,
        state: paidInFullOnIssue(document) ? "paid" : "unpaid",
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
    const finalised = await storeFinalisation(
      tx,
      t,
      id,
      {
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
      },
      now,
    );
    const movesStock = documentMovesStock(document.source, await currentStockMode(tx, t));
    if (document.type === "invoice" && movesStock) await moveDocumentStock(tx, t, id, -1);
    if (document.type === "invoice" && document.paidOnIssue) {
      const paid = await recordPaidOnIssue(tx, t, finalised, document.paidOnIssue, now);
      finalised.status = paid.status;
      finalised.paidCents = paid.paidCents;
    }
    if (document.type === "credit_note") {
      if (movesStock) await moveDocumentStock(tx, t, id, 1);
      if (document.creditedDocumentId)
        await settleCreditedInvoice(tx, t, document.creditedDocumentId, finalised, now);
    }
    await recordDocumentEvent(tx, t, id, "finalised", { number });
    return finalised;
  });
}

/**
 * An invoice is credited at most once in full: the issued credit notes plus this one
 * may not exceed its total. The invoice row is locked first, so two credit notes
 * finalised at once are checked one after the other.
 */
async function assertCreditFits(tx: Tx, t: Tenant, invoiceId: string, creditCents: number) {
  const invoice = await lockDocument(tx, t, invoiceId);
  const remaining = creditRoomCents(invoice, await creditedCents(tx, t, invoiceId));
  if (creditCents > remaining) throw new CreditExceedsInvoiceError(remaining);
}

/**
 * A finalised credit note settles the invoice it corrects for its amount, so a fully
 * credited invoice no longer shows as due (and cannot be paid or credited again).
 */
async function settleCreditedInvoice(
  tx: Tx,
  t: Tenant,
  invoiceId: string,
  creditNote: Pick<DocumentRow, "id" | "number" | "totalCents">,
  now: Date,
) {
  const invoice = await lockDocument(tx, t, invoiceId);
  const settled = settledByCreditNote(invoice, creditNote.totalCents);
  if (settled <= 0 || !canTransition(invoice.type, invoice.status, "record_payment")) return;
  const paidCents = invoice.paidCents + settled;
  const status = statusAfterPayment(invoice.totalCents, paidCents);
  await setDocumentPayment(tx, t, invoiceId, { paidCents, status }, now);
  await recordDocumentEvent(tx, t, invoiceId, "credited", {
    creditNoteId: creditNote.id,
    creditNoteNumber: creditNote.number,
    amountCents: settled,
  });
}

/**
 * An order its shop already took money for is issued with that payment: exactly what
 * the shop received (a partially paid order's deposit; a paid order's total), so an
 * edited concept never shows more paid than was: the rest stays due, with its
 * structured communication. A free order is simply paid.
 */
async function recordPaidOnIssue(
  tx: Tx,
  t: Tenant,
  invoice: DocumentRow,
  paidOnIssue: NonNullable<DocumentRow["paidOnIssue"]>,
  now: Date,
): Promise<{ paidCents: number; status: DocumentRow["status"] }> {
  const amountCents = paidOnIssueCents({ totalCents: invoice.totalCents, paidOnIssue });
  // The day the money arrived when the shop said it (never after the invoice's date).
  const paidOn =
    paidOnIssue.paidOn && paidOnIssue.paidOn <= invoice.issueDate
      ? paidOnIssue.paidOn
      : invoice.issueDate;
  const paid = {
    paidCents: amountCents,
    status: statusAfterPayment(invoice.totalCents, amountCents),
  };
  await setDocumentPayment(tx, t, invoice.id, paid, now);
  if (amountCents > 0) {
    await insertPayment(tx, t, {
      documentId: invoice.id,
      amountCents,
      method: paidOnIssue.method,
      paidOn,
      reference: paidOnIssue.reference,
      sourceKey: `paid-on-issue:${invoice.id}`,
    });
  }
  if (amountCents > 0 || paid.status === "paid") {
    await recordDocumentEvent(tx, t, invoice.id, "paid", {
      amountCents,
      method: paidOnIssue.method,
      reference: paidOnIssue.reference,
      paidOn,
    });
  }
  return paid;
}
