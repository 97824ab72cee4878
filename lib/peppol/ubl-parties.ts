import {
  BELGIAN_ENTERPRISE_SCHEME,
  partyEnterpriseNumber,
  type BuyerEndpoint,
} from "./party-endpoint";
import { UblError } from "./ubl-error";
import type { PeppolEndpoint, UblAddress, UblBuyer, UblSeller } from "./ubl-input";
import { cac, cbc, xmlText, type XmlNode } from "./xml-writer";

export interface PartyOptions {
  /**
   * Leave VAT numbers out: a document of "not subject to VAT" lines must not carry the
   * seller's or buyer's VAT identifier (BR-O-02).
   */
  readonly omitVatNumbers: boolean;
}

/**
 * AccountingSupplierParty (BG-4): endpoint, address, VAT number (BT-31, with its country
 * prefix, BR-CO-09) and legal entity. A Belgian company's legal registration identifier
 * (BT-30) is its enterprise number under 0208, which also keeps BR-CO-26 satisfied when
 * the VAT number has to be left out (BR-O-02).
 */
export function writeSellerParty(
  root: XmlNode,
  seller: UblSeller,
  endpoint: PeppolEndpoint,
  options: PartyOptions,
): void {
  if (!xmlText(seller.name)) throw new UblError("seller_incomplete", "seller has no name", "BR-06");
  assertCountry(seller.country, "seller", "BR-09");
  assertVatPrefix(seller.vatNumber, "seller");
  const party = cac(cac(root, "AccountingSupplierParty"), "Party");
  cbc(party, "EndpointID", endpoint.id, { schemeID: endpoint.scheme });
  writeAddress(cac(party, "PostalAddress"), seller);
  if (!options.omitVatNumbers) writeVatNumber(party, seller.vatNumber);
  const legal = cac(party, "PartyLegalEntity");
  cbc(legal, "RegistrationName", seller.name);
  const enterprise = partyEnterpriseNumber(seller);
  if (enterprise) cbc(legal, "CompanyID", enterprise, { schemeID: BELGIAN_ENTERPRISE_SCHEME });
  else if (options.omitVatNumbers) {
    throw new UblError("seller_incomplete", "seller has no legal identifier", "BR-CO-26");
  }
  cbc(legal, "CompanyLegalForm", seller.legalInformation ? xmlText(seller.legalInformation) : null);
  const phone = seller.contact?.phone ? xmlText(seller.contact.phone) : "";
  const email = seller.contact?.email ? xmlText(seller.contact.email) : "";
  if (phone || email) {
    const contact = cac(party, "Contact");
    cbc(contact, "Telephone", phone);
    cbc(contact, "ElectronicMail", email);
  }
}

/**
 * AccountingCustomerParty (BG-7). The registration name is the company when there is
 * one, else the person; the person of a company goes to the contact. A consumer has no
 * VAT number (BT-48 is optional outside AE/K) and gets the endpoint `resolveBuyerEndpoint`
 * chose. A Belgian company also gets its enterprise number as legal identifier (BT-47).
 */
export function writeBuyerParty(
  root: XmlNode,
  buyer: UblBuyer,
  endpoint: BuyerEndpoint,
  options: PartyOptions,
): void {
  const company = xmlText(buyer.company ?? "");
  const person = xmlText(buyer.name);
  if (!company && !person) throw new UblError("buyer_incomplete", "buyer has no name", "BR-07");
  assertCountry(buyer.country, "buyer", "BR-11");
  if (buyer.vatNumber) assertVatPrefix(buyer.vatNumber, "buyer");
  const party = cac(cac(root, "AccountingCustomerParty"), "Party");
  cbc(party, "EndpointID", endpoint.id, { schemeID: endpoint.scheme });
  writeAddress(cac(party, "PostalAddress"), buyer);
  if (buyer.vatNumber && !options.omitVatNumbers) writeVatNumber(party, buyer.vatNumber);
  const legal = cac(party, "PartyLegalEntity");
  cbc(legal, "RegistrationName", company || person);
  const enterprise = partyEnterpriseNumber(buyer);
  if (enterprise) cbc(legal, "CompanyID", enterprise, { schemeID: BELGIAN_ENTERPRISE_SCHEME });
  const contactName = company && person && person !== company ? person : null;
  const email = buyer.email ? xmlText(buyer.email) : "";
  if (contactName || email) {
    const contact = cac(party, "Contact");
    cbc(contact, "Name", contactName);
    cbc(contact, "ElectronicMail", email);
  }
}

/** PostalAddress / Address: only the parts that exist; the country is mandatory. */
export function writeAddress(node: XmlNode, address: UblAddress): void {
  cbc(node, "StreetName", address.street);
  cbc(node, "CityName", address.city);
  cbc(node, "PostalZone", address.postalCode);
  cbc(cac(node, "Country"), "IdentificationCode", address.country.toUpperCase());
}

function writeVatNumber(party: XmlNode, vatNumber: string): void {
  const scheme = cac(party, "PartyTaxScheme");
  cbc(scheme, "CompanyID", vatNumber.replace(/\s/g, "").toUpperCase());
  cbc(cac(scheme, "TaxScheme"), "ID", "VAT");
}

function assertCountry(country: string, who: "seller" | "buyer", rule: string): void {
  if (!/^[A-Za-z]{2}$/.test(country)) {
    const code = who === "seller" ? "seller_incomplete" : "buyer_incomplete";
    throw new UblError(code, `${who} country "${country}" is not an ISO 3166 code`, rule);
  }
}

/** BR-CO-09: a VAT identifier starts with the ISO country code (Greece: EL). */
function assertVatPrefix(vatNumber: string, who: "seller" | "buyer"): void {
  if (!/^[A-Za-z]{2}/.test(vatNumber.trim())) {
    const code = who === "seller" ? "seller_incomplete" : "buyer_incomplete";
    throw new UblError(code, `${who} VAT number "${vatNumber}" has no country prefix`, "BR-CO-09");
  }
}
