import type { Db } from "@/db/client";
import { snapshotCustomer } from "@/db/queries/customer-snapshot";
import { getOrganisation } from "@/db/queries/organisations";
import { legalDocumentLanguage } from "@/lib/company/language-rule";
import {
  lockDocument,
  recordDocumentEvent,
  replaceConceptContent,
  type DocumentRow,
} from "@/db/queries/documents";
import type { Tenant } from "@/db/tenant";
import type { Clock } from "@/lib/calendar/clock";
import type { Concept } from "./concept-schema";
import { assertTransition } from "./document-lifecycle";

export interface UpdateConceptInput {
  documentId: string;
  concept: Concept;
}

/**
 * Whether an edit keeps the buyer the concept names. A snapshot of the order (or of the
 * credited invoice) stays as long as the merchant keeps its customer: the order's address
 * and VAT number are the buyer's for this sale, whatever the customer record says. Picking
 * another customer names that customer instead (`origin: "customer"`).
 */
export function keepsBuyerSnapshot(
  current: Pick<DocumentRow, "customer" | "customerId">,
  concept: Pick<Concept, "customerId">,
): boolean {
  const origin = current.customer?.origin;
  return (origin === "order" || origin === "invoice") && concept.customerId === current.customerId;
}

/**
 * Replaces a concept's content; a finalised document refuses (it is corrected by a
 * credit note). One transaction under the document's lock, so an edit and a
 * finalisation at the same moment never both win.
 */
export async function updateConcept(
  db: Db,
  t: Tenant,
  input: UpdateConceptInput,
  clock: Clock,
): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const current = await lockDocument(tx, t, input.documentId);
    assertTransition(current.type, current.status, "edit");
    const customer = keepsBuyerSnapshot(current, input.concept)
      ? current.customer
      : await snapshotCustomer(tx, t, input.concept.customerId);
    const language = legalDocumentLanguage(
      await getOrganisation(tx, t.organisationId),
      customer?.billing.country,
      input.concept.language,
    );
    await replaceConceptContent(tx, t, current, { ...input.concept, language }, customer, now);
    await recordDocumentEvent(tx, t, current.id, "edited");
  });
}
