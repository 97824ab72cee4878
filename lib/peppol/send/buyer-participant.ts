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

/** The VAT-number scheme of Belgium on Peppol (`9925:BE0123456749`): optional, secondary. */
export const BELGIAN_VAT_SCHEME = "9925";

/**
 * Where a Belgian business may be found on Peppol, in the order to look: `0208` (the
 * enterprise number every Belgian company must be registered under), then `9925` (its
 * VAT number, which some registrations use instead). Empty for consumers and foreign buyers.
 */
export function belgianBuyerParticipants(
  customer: Pick<CustomerSnapshot, "vatNumber"> | null,
): PeppolParticipant[] {
  const enterprise = belgianBuyerParticipant(customer);
  if (!enterprise) return [];
  return [enterprise, { scheme: BELGIAN_VAT_SCHEME, id: `BE${enterprise.id}` }];
}
