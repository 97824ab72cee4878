import type { Db } from "@/db/client";
import {
  creditedCents,
  listDocumentLines,
  lockDocument,
  recordDocumentEvent,
} from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import type { CustomerSnapshot } from "@/db/schema";
import type { Tenant } from "@/db/tenant";
import { brusselsDay } from "@/lib/calendar/brussels-date";
import type { Clock } from "@/lib/calendar/clock";
import type { VatCategory } from "@/lib/vat";
import { DocumentTransitionError } from "./document-lifecycle";
import { isCreditable, knownDeliveryDate } from "./document-state";

/** The invoice's buyer as a credit note keeps it (never re-taken from the customer record). */
export function invoiceBuyer(customer: CustomerSnapshot | null): CustomerSnapshot | null {
  return customer ? { ...customer, origin: "invoice" } : null;
}

export interface CreateCreditNoteInput {
  invoiceId: string;
  /** The outside event it answers (a Shopify cancellation): unique, so a replay makes none. */
  sourceKey?: string;
}

/**
 * A credit note concept that corrects a finalised invoice: its lines start as a copy
 * (a full credit) and the merchant removes or lowers lines for a partial one. The
 * amounts stay positive: the document type says it is a credit (Belgian practice
 * and Peppol's CreditNote both expect that). A paid invoice may still be credited (a
 * refund); a fully credited one may not. One transaction, under the invoice's lock.
 */
export async function createCreditNote(
  db: Db,
  t: Tenant,
  input: CreateCreditNoteInput,
  clock: Clock,
): Promise<string> {
  const today = brusselsDay(clock.now());
  return db.transaction(async (tx) => {
    const invoice = await lockDocument(tx, t, input.invoiceId);
    if (!isCreditable(invoice, await creditedCents(tx, t, invoice.id))) {
      throw new DocumentTransitionError(invoice.status, "finalise");
    }
    const lines = await listDocumentLines(tx, t, invoice.id);
    const id = await createConcept(
      tx,
      t,
      {
        type: "credit_note",
        customerId: invoice.customerId,
        language: invoice.language,
        issueDate: today,
        dueDate: null,
        // Its own taxable event is the correction, dated when it is issued: the invoice's
        // supply date would put the correction in the wrong period.
        supplyDate: null,
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
          discountAmount: "",
          discountCents: l.discountCents,
          vatCategory: l.vatCategory as VatCategory,
          vatRateBp: l.vatRateBp,
          vatCountry: l.vatCountry,
        })),
      },
      {
        source: invoice.source,
        sourceId: invoice.sourceId,
        sourceName: invoice.sourceName,
        currency: invoice.currency,
        fixedVat: invoice.fixedVat,
        creditedDocumentId: invoice.id,
        // A credit note names the buyer of the invoice it corrects, as that invoice did.
        customerSnapshot: invoiceBuyer(invoice.customer),
        // The goods it concerns left when the invoice says (an intra-EU supply states it).
        deliveryDate: knownDeliveryDate(
          invoice,
          lines.map((l) => l.vatCategory),
        ),
        ...(input.sourceKey ? { sourceKey: input.sourceKey } : {}),
      },
    );
    await recordDocumentEvent(tx, t, invoice.id, "credited", { creditNoteId: id });
    return id;
  });
}
