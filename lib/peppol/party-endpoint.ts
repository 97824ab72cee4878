import { checkBelgianVatNumber, normaliseBelgianVatNumber } from "@/lib/company/vat-number";
import { UblError } from "./ubl-error";
import type { PeppolEndpoint, UblBuyer, UblSeller } from "./ubl-input";
import { endpointFromVatNumber } from "./vat-endpoint-schemes";

/** Belgian enterprise numbers (KBO/BCE): the Peppol scheme that Belgium's mandate is built on. */
export const BELGIAN_ENTERPRISE_SCHEME = "0208";

/**
 * The 10-digit enterprise number of a Belgian VAT or enterprise number (`BE0123456749`,
 * `0123.456.749`, old 9-digit form), or null when it is not one with valid check digits.
 * PEPPOL-COMMON-R043 rejects (fatally) any 0208 identifier whose check digits are wrong,
 * so an invalid number must never reach the XML.
 */
export function belgianEnterpriseNumber(value: string | null | undefined): string | null {
  if (!value) return null;
  const compact = value.replace(/[\s.\-/]/g, "").toUpperCase();
  if (!/^(BE)?\d{9,10}$/.test(compact)) return null;
  return checkBelgianVatNumber(compact) === null
    ? normaliseBelgianVatNumber(compact).slice(2)
    : null;
}

export interface PartyIdentifiers {
  readonly vatNumber?: string | null;
  readonly enterpriseNumber?: string | null;
}

/** A party's Belgian enterprise number: the given one, else the one inside a `BE` VAT number. */
export function partyEnterpriseNumber(party: PartyIdentifiers): string | null {
  return (
    belgianEnterpriseNumber(party.enterpriseNumber) ??
    (party.vatNumber?.trim().toUpperCase().startsWith("BE")
      ? belgianEnterpriseNumber(party.vatNumber)
      : null)
  );
}

/**
 * The Peppol address a party most likely has, from its identifiers:
 * 1. a Belgian enterprise number (given, or inside a `BE` VAT number) → `0208`: the
 *    scheme the Belgian administration recommends and every Belgian access point
 *    registers (docs/belgian-invoicing.md §3.2); 9925 (`BE` + VAT number) exists but is secondary;
 * 2. another VAT number → its country's scheme (`vat-endpoint-schemes.ts`);
 * 3. nothing → null.
 */
export function partyEndpoint(party: PartyIdentifiers): PeppolEndpoint | null {
  const enterprise = partyEnterpriseNumber(party);
  if (enterprise) return { scheme: BELGIAN_ENTERPRISE_SCHEME, id: enterprise };
  return party.vatNumber ? endpointFromVatNumber(party.vatNumber) : null;
}

export type BuyerEndpointSource = "registered" | "derived" | "seller_copy";

export interface BuyerEndpoint extends PeppolEndpoint {
  readonly source: BuyerEndpointSource;
  /** False when the document must not be sent over Peppol: the buyer has no address there. */
  readonly deliverable: boolean;
}

/**
 * The buyer's electronic address (BT-49). Peppol makes it mandatory (PEPPOL-EN16931-R010)
 * and accepts only EAS schemes from its own list (CL008, which leaves out `EM` e-mail),
 * so a consumer, who has no Peppol identity at all, cannot be given an honest one.
 * Consumers are outside the Belgian mandate: their UBL is only for archives and the
 * accountant. For them the seller's own endpoint is written — a real, valid address that
 * routes back to the merchant if the file is ever sent by mistake, never to a stranger —
 * and `deliverable: false` tells the sending code to keep it off the network.
 */
export function resolveBuyerEndpoint(
  buyer: PartyIdentifiers & { readonly endpoint?: PeppolEndpoint | null },
  sellerEndpoint: PeppolEndpoint,
): BuyerEndpoint {
  if (buyer.endpoint) return { ...buyer.endpoint, source: "registered", deliverable: true };
  const derived = partyEndpoint(buyer);
  if (derived) return { ...derived, source: "derived", deliverable: true };
  return { ...sellerEndpoint, source: "seller_copy", deliverable: false };
}

/** The seller's Peppol address: the party must have one (PEPPOL-EN16931-R020). */
export function sellerEndpoint(seller: UblSeller): PeppolEndpoint {
  const endpoint = partyEndpoint(seller);
  if (!endpoint) {
    const message = `seller VAT number "${seller.vatNumber}" gives no Peppol address`;
    throw new UblError("seller_incomplete", message, "PEPPOL-EN16931-R020");
  }
  return endpoint;
}

export interface DocumentEndpoints {
  readonly seller: PeppolEndpoint;
  readonly buyer: BuyerEndpoint;
}

/**
 * Sender and receiver of a document on the Peppol network, as `buildUbl` writes them.
 * The sending code checks `buyer.deliverable` before handing the XML to an access point
 * (and may look the buyer up in the Peppol Directory first).
 */
export function documentEndpoints(input: {
  readonly seller: UblSeller;
  readonly buyer: UblBuyer;
}): DocumentEndpoints {
  const seller = sellerEndpoint(input.seller);
  return { seller, buyer: resolveBuyerEndpoint(input.buyer, seller) };
}
