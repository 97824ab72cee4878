import type { Db } from "@/db";
import { getPeppolSettings } from "@/db/queries/peppol-settings";
import type { Tenant } from "@/db/tenant";
import type { CustomerSnapshot } from "@/db/schema";
import { belgianBuyerParticipant } from "./buyer-participant";

/**
 * A Belgian company customer without an email address can still be invoiced: over
 * Peppol only, once the merchant is registered (the mandate's normal channel).
 */
export async function reachableOverPeppolOnly(
  db: Db,
  t: Tenant,
  document: { type: string },
  customer: CustomerSnapshot | null,
): Promise<boolean> {
  if (document.type !== "invoice" && document.type !== "credit_note") return false;
  if (!belgianBuyerParticipant(customer)) return false;
  return Boolean((await getPeppolSettings(db, t))?.senderId);
}
