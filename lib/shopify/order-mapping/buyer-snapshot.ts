import type { CustomerSnapshot, SnapshotAddress } from "@/db/schema/documents";
import type { MappedAddress, MappedBuyer } from "./buyer";
import type { DocumentLanguage } from "./document-language";

/** The country printed when an order gives none (Shopify's API samples): the shop's own. */
const SELLER_COUNTRY = "BE";

function snapshotAddress(address: MappedAddress, fallbackCountry: string): SnapshotAddress {
  return {
    street: address.line1,
    line2: address.line2,
    postalCode: address.postalCode,
    city: address.city,
    country: address.countryCode || fallbackCountry,
  };
}

const sameAddress = (a: MappedAddress, b: MappedAddress) =>
  a.line1 === b.line1 &&
  a.line2 === b.line2 &&
  a.postalCode === b.postalCode &&
  a.city === b.city &&
  a.countryCode === b.countryCode;

/**
 * The buyer of THIS order as the document names them (art. 5 §1, 3° KB nr. 1): billing
 * address first (else the shipping one), the delivery address when it differs, the
 * order's email, and a company or VAT number only when this order carries one. Whatever
 * an earlier order of the same Shopify customer said is not here: a returning customer
 * who moved, or who now buys privately, is printed as this order says. Pure.
 */
export function orderBuyerSnapshot(
  buyer: MappedBuyer,
  options: { readonly language: DocumentLanguage; readonly fallbackName: string },
): CustomerSnapshot {
  const billing = buyer.billingAddress ?? buyer.shippingAddress;
  const shipping = buyer.shippingAddress;
  const country = billing?.countryCode || buyer.countryCode || SELLER_COUNTRY;
  const empty = { street: "", line2: null, postalCode: "", city: "", country };
  return {
    name: buyer.name ?? billing?.company ?? buyer.email ?? options.fallbackName,
    // The company of the address that names the buyer: a private buyer who ships to
    // their office is not that company.
    company: billing ? billing.company : buyer.company,
    vatNumber: buyer.vatNumber,
    email: buyer.email,
    billing: billing ? snapshotAddress(billing, country) : empty,
    delivery:
      shipping && billing && !sameAddress(shipping, billing)
        ? snapshotAddress(shipping, country)
        : null,
    language: options.language,
    origin: "order",
  };
}
