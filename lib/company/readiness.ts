import type { LegalForm } from "@/db/schema/organisations";
import { isRegisteredLegalPerson } from "./legal-mentions";

/** What a Belgian invoice legally needs from the seller (art. 5 KB nr. 1) before the first one is sent. */
export type InvoicingField = "vatNumber" | "street" | "postalCode" | "city" | "iban";

export function missingForInvoicing(company: {
  vatNumber: string | null;
  street: string;
  postalCode: string;
  city: string;
  iban: string | null;
}): InvoicingField[] {
  const missing: InvoicingField[] = [];
  if (!company.vatNumber) missing.push("vatNumber");
  if (!company.street) missing.push("street");
  if (!company.postalCode) missing.push("postalCode");
  if (!company.city) missing.push("city");
  if (!company.iban) missing.push("iban");
  return missing;
}

/** Company-law mentions (art. 2:20 Companies and Associations Code) still to be filled in. */
export type LegalMentionField = "legalForm" | "registerCourt";

export function missingLegalMentions(company: {
  legalForm: LegalForm | null;
  registerCourt: string | null;
}): LegalMentionField[] {
  if (!company.legalForm) return ["legalForm"];
  if (isRegisteredLegalPerson(company.legalForm) && !company.registerCourt) {
    return ["registerCourt"];
  }
  return [];
}
