import type { Db } from "@/db/client";
import { snapshotCustomer } from "@/db/queries/customer-snapshot";
import {
  insertDocument,
  recordDocumentEvent,
  setDocumentTotals,
  writeLinesAndTotals,
} from "@/db/queries/documents";
import type { CustomerSnapshot, PaidOnIssue } from "@/db/schema";
import type { Tenant } from "@/db/tenant";
import type { FixedVatAmount } from "@/lib/vat";
import { getOrganisation } from "@/db/queries/organisations";
import { legalDocumentLanguage } from "@/lib/company/language-rule";
import type { Concept } from "./concept-schema";
import { vatInEuroWithoutSource } from "./vat-in-euro";

export interface ConceptSource {
  source?: "manual" | "shopify";
  sourceId?: string | null;
  sourceName?: string | null;
  fixedVat?: FixedVatAmount[] | null;
  currency?: string;
  /** Unique per organisation: a second concept with the same key is refused (see the schema). */
  sourceKey?: string | null;
  paidOnIssue?: PaidOnIssue | null;
  /**
   * The buyer as the source names them (a Shopify order's own buyer); without it the
   * snapshot is taken from the concept's customer record.
   */
  customerSnapshot?: CustomerSnapshot | null;
  /** When the goods left, as the source knows it (Shopify's first fulfilment). */
  deliveryDate?: string | null;
  /** The invoice a credit note corrects. */
  creditedDocumentId?: string | null;
  /** Per line: false when credited goods do not return to stock. */
  lineRestock?: readonly boolean[];
  /** The VAT total in euro of a document in another currency, as the source states it. */
  vatTotalEurCents?: number | null;
}

/**
 * A new concept (by hand or from a source such as Shopify), priced, with its "created"
 * event. One transaction. No clock: nothing in it depends on the time (the rows take
 * the database's).
 */
export async function createConcept(
  db: Db,
  t: Tenant,
  concept: Concept,
  from: ConceptSource = {},
): Promise<string> {
  return db.transaction(async (tx) => {
    const currency = from.currency ?? "EUR";
    const customer = from.customerSnapshot ?? (await snapshotCustomer(tx, t, concept.customerId));
    const id = await insertDocument(tx, t, {
      type: concept.type,
      customerId: concept.customerId,
      customer,
      // Dutch for a Belgian buyer of a company in the Dutch-language region (its setting).
      language: legalDocumentLanguage(
        await getOrganisation(tx, t.organisationId),
        customer?.billing.country,
        concept.language,
      ),
      issueDate: concept.issueDate,
      dueDate: concept.dueDate,
      supplyDate: concept.supplyDate,
      deliveryDate: from.deliveryDate ?? null,
      legend: concept.legend,
      currency,
      source: from.source ?? "manual",
      sourceId: from.sourceId ?? null,
      sourceName: from.sourceName ?? null,
      fixedVat: from.fixedVat ?? null,
      sourceKey: from.sourceKey ?? null,
      paidOnIssue: from.paidOnIssue ?? null,
      creditedDocumentId: from.creditedDocumentId ?? null,
    });
    const totals = await writeLinesAndTotals(
      tx,
      t,
      id,
      concept,
      from.fixedVat ?? null,
      currency,
      from.lineRestock,
    );
    await setDocumentTotals(tx, t, id, {
      ...totals,
      vatTotalEurCents:
        from.vatTotalEurCents ?? vatInEuroWithoutSource(currency, totals.totalVatCents),
    });
    await recordDocumentEvent(tx, t, id, "created", {
      source: from.source ?? "manual",
      sourceName: from.sourceName ?? null,
    });
    return id;
  });
}
