import type { Db } from "@/db/client";
import {
  anonymiseCustomer,
  customerHasDocuments,
  deleteCustomer,
  deleteDocumentsById,
  eraseDocumentBuyerEmails,
  eraseOrderDeliveryPayloads,
  eraseOrderPayloads,
  findCustomerData,
  type CustomerMatch,
} from "@/db/queries/shopify-privacy";
import type { Tenant } from "@/db/tenant";
import type { Clock } from "@/lib/calendar/clock";

export type RedactCustomerSummary = {
  conceptsDeleted: number;
  documentsKept: number;
  customersDeleted: number;
  customersAnonymised: number;
  payloadsErased: number;
};

/**
 * Erases a customer's personal data where Belgian law allows it. Issued documents
 * are accounting records that must be kept unchanged for 10 years (VAT Code
 * art. 60), so they keep the name, address and VAT number they were issued with;
 * only the email address, which the law does not require, is removed from them.
 * Concepts were never issued and are deleted. A customer with issued documents
 * keeps what a future credit note needs (name, company, VAT number, billing
 * address) and loses everything else; a customer without any is deleted.
 * One transaction.
 */
export async function redactCustomerData(
  db: Db,
  t: Tenant,
  match: CustomerMatch,
  clock: Clock,
): Promise<RedactCustomerSummary> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const found = await findCustomerData(tx, t, match);
    const concepts = found.documents.filter((d) => d.status === "concept").map((d) => d.id);
    const issued = found.documents.filter((d) => d.status !== "concept").map((d) => d.id);
    await deleteDocumentsById(tx, t, concepts);
    await eraseDocumentBuyerEmails(tx, t, issued);
    let customersDeleted = 0;
    let customersAnonymised = 0;
    for (const customerId of found.customerIds) {
      if (await customerHasDocuments(tx, t, customerId)) {
        await anonymiseCustomer(tx, t, customerId, now);
        customersAnonymised++;
      } else {
        await deleteCustomer(tx, t, customerId);
        customersDeleted++;
      }
    }
    const orderIds = [
      ...new Set([...match.orderIds, ...found.documents.flatMap((d) => d.sourceId ?? [])]),
    ];
    const payloadsErased = await eraseOrderDeliveryPayloads(tx, t, orderIds);
    await eraseOrderPayloads(tx, t, orderIds);
    return {
      conceptsDeleted: concepts.length,
      documentsKept: issued.length,
      customersDeleted,
      customersAnonymised,
      payloadsErased,
    };
  });
}
