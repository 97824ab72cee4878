import type { SellerSnapshot } from "@/db/schema";

type Seller = Required<SellerSnapshot>;

/** What an issued document keeps of the company: everything printed about the seller. */
export function sellerSnapshot(organisation: Seller): Required<SellerSnapshot> {
  return {
    legalName: organisation.legalName,
    street: organisation.street,
    postalCode: organisation.postalCode,
    city: organisation.city,
    country: organisation.country,
    vatNumber: organisation.vatNumber,
    iban: organisation.iban,
    bic: organisation.bic,
    legalForm: organisation.legalForm,
    enterpriseNumber: organisation.enterpriseNumber,
    registerCourt: organisation.registerCourt,
    registeredStreet: organisation.registeredStreet,
    registeredPostalCode: organisation.registeredPostalCode,
    registeredCity: organisation.registeredCity,
    inLiquidation: organisation.inLiquidation,
    contactEmail: organisation.contactEmail,
    phone: organisation.phone,
    website: organisation.website,
    vatFranchise: organisation.vatFranchise,
  };
}

/** What a snapshot taken before a field was kept stands for: nothing printed. */
const NOT_KEPT = {
  legalForm: null,
  enterpriseNumber: null,
  registerCourt: null,
  registeredStreet: null,
  registeredPostalCode: null,
  registeredCity: null,
  inLiquidation: false,
  contactEmail: null,
  phone: null,
  website: null,
  vatFranchise: false,
} as const satisfies Partial<Seller>;

/**
 * The seller to print on a document: the company as it was when the document was
 * issued (its snapshot), the current company for concepts. A field the snapshot does
 * not hold (an older document) is empty, never today's value: a later change of the
 * company never rewrites an issued document.
 */
export function sellerOf<O extends Seller>(organisation: O, snapshot: SellerSnapshot | null): O {
  return snapshot ? { ...organisation, ...NOT_KEPT, ...snapshot } : organisation;
}
