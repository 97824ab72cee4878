import type { Db } from "@/db/client";
import { lockDocument, recordDocumentEvent, setDocumentStatus } from "@/db/queries/documents";
import type { Tenant } from "@/db/tenant";
import type { Clock } from "@/lib/calendar/clock";
import { assertTransition } from "./document-lifecycle";

export interface CancelConceptInput {
  documentId: string;
}

/**
 * A concept that will not be issued is cancelled (kept, with its history); an issued
 * document refuses: it is corrected by a credit note. One transaction under its lock.
 */
export async function cancelConcept(
  db: Db,
  t: Tenant,
  input: CancelConceptInput,
  clock: Clock,
): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const current = await lockDocument(tx, t, input.documentId);
    assertTransition(current.type, current.status, "cancel");
    await setDocumentStatus(tx, t, current.id, "cancelled", now);
    await recordDocumentEvent(tx, t, current.id, "cancelled");
  });
}
