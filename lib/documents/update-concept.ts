import type { Db } from "@/db/client";
import { lockDocument, recordDocumentEvent, replaceConceptContent } from "@/db/queries/documents";
import type { Tenant } from "@/db/tenant";
import type { Clock } from "@/lib/calendar/clock";
import type { Concept } from "./concept-schema";
import { assertTransition } from "./document-lifecycle";

export interface UpdateConceptInput {
  documentId: string;
  concept: Concept;
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
    await replaceConceptContent(tx, t, current, input.concept, now);
    await recordDocumentEvent(tx, t, current.id, "edited");
  });
}
