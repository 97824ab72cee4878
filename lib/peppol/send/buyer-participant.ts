import type { CustomerSnapshot } from "@/db/schema/documents";
import { BELGIAN_ENTERPRISE_SCHEME, partyEnterpriseNumber } from "../party-endpoint";
import type { PeppolParticipant } from "../transport/participant";

/**
 * The buyer's Peppol id when the document falls under the Belgian mandate: a customer
 * with a valid Belgian VAT or enterprise number is a Belgian business (B2B), reached
 * at `0208:<enterprise number>`, the scheme every Belgian access point registers.
 * Null for consumers and foreign buyers: their documents are not sent over Peppol.
 */
export function belgianBuyerParticipant(
  customer: Pick<CustomerSnapshot, "vatNumber"> | null,
): PeppolParticipant | null {
  const enterprise = customer ? partyEnterpriseNumber({ vatNumber: customer.vatNumber }) : null;
  return enterprise ? { scheme: BELGIAN_ENTERPRISE_SCHEME, id: enterprise } : null;
}
