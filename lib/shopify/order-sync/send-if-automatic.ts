import type { Db } from "@/db";
import type { Tenant } from "@/db/tenant";
import type { Clock } from "@/lib/calendar/clock";
import type { Queue } from "@/lib/jobs/queue";
import { queueDocumentSends, SendBlockedError } from "@/lib/documents/queue-document-send";

/** Why an automatic send did not happen; the document then waits as a concept. */
export type SendProblem =
  | "missing_email"
  | "company_incomplete"
  | "vat_number_required"
  | "delivery_date_required"
  | "vat_in_euro_required"
  | "franchise_vat_charged"
  | "totals_mismatch"
  | "vat_difference";

export type SendOutcome = { sent: true } | { sent: false; problem?: SendProblem };

/**
 * "Send automatically by email": number the document and queue its email, to the
 * order's address. What stops it (no email on the order, company details missing,
 * a reverse charge without the buyer's VAT number, an intra-EU supply whose goods have
 * not left yet) leaves a concept and a reason the merchant sees in the sync inbox.
 */
export async function sendIfAutomatic(
  deps: { db: Db; queue: Queue; clock: Clock },
  t: Tenant,
  documentId: string,
): Promise<SendOutcome> {
  try {
    const result = await queueDocumentSends(deps.db, t, [documentId], deps.queue, deps.clock, {
      dailyLimit: false,
    });
    if (result.queued.includes(documentId)) return { sent: true };
    return { sent: false, problem: "missing_email" };
  } catch (error) {
    if (error instanceof SendBlockedError) return { sent: false, problem: error.code };
    throw error;
  }
}
