import type { SellerSnapshot } from "@/db/schema";

type Seller = SellerSnapshot & Record<string, unknown>;

/** What an issued document keeps of the company: everything printed about the seller. */
export function sellerSnapshot(organisation: SellerSnapshot): SellerSnapshot {
  const { legalName, street, postalCode, city, country, vatNumber, iban, bic } = organisation;
  return { legalName, street, postalCode, city, country, vatNumber, iban, bic };
}

/**
 * The seller to print on a document: the company as it was when the document was
 * issued (its snapshot), the current company for concepts and older documents.
 */
export function sellerOf<O extends Seller>(organisation: O, snapshot: SellerSnapshot | null): O {
  return snapshot ? { ...organisation, ...snapshot } : organisation;
}
