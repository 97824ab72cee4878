import type { DocumentLanguage, LegalForm } from "@/db/schema/organisations";
import { formatBelgianVatNumber } from "./vat-number";

/**
 * What the Companies and Associations Code (art. 2:20) asks every document of a legal
 * person to state: name, legal form, registered office, enterprise number, "RPR"/"RPM"
 * with the court (division) of the seat, "in liquidation" when so, and the website and
 * email when the document shows them (docs/belgian-invoicing.md §2.1).
 */

/** Printed abbreviations: Dutch and French are the forms' legal names; en/de show both. */
const LEGAL_FORM_TEXT: Readonly<
  Record<Exclude<LegalForm, "sole_trader">, [nl: string, fr: string]>
> = {
  bv: ["BV", "SRL"],
  nv: ["NV", "SA"],
  cv: ["CV", "SC"],
  vof: ["VOF", "SNC"],
  commv: ["CommV", "SComm"],
  maatschap: ["Maatschap", "Société simple"],
  vzw: ["VZW", "ASBL"],
  ivzw: ["IVZW", "AISBL"],
  stichting: ["Stichting", "Fondation"],
  se: ["SE", "SE"],
};

/** The legal form as printed after the name; null for a natural person or an unset form. */
export function legalFormText(form: LegalForm | null, language: DocumentLanguage): string | null {
  if (!form || form === "sole_trader") return null;
  const [nl, fr] = LEGAL_FORM_TEXT[form];
  if (language === "nl") return nl;
  if (language === "fr") return fr;
  return nl === fr ? nl : `${nl}/${fr}`;
}

/** Both names, for the settings list: "BV / SRL". */
export function legalFormChoiceText(form: Exclude<LegalForm, "sole_trader">): string {
  const [nl, fr] = LEGAL_FORM_TEXT[form];
  return nl === fr ? nl : `${nl} / ${fr}`;
}

/** The name followed by its legal form, unless the name already ends with it ("Dupont SRL"). */
export function nameWithLegalForm(
  name: string,
  form: LegalForm | null,
  language: DocumentLanguage,
): string {
  const text = legalFormText(form, language);
  if (!text || !form || form === "sole_trader") return name;
  const words = name
    .toLowerCase()
    .split(/[\s,.]+/)
    .filter(Boolean);
  const last = words.at(-1) ?? "";
  const known = LEGAL_FORM_TEXT[form].map((t) => t.toLowerCase().replace(/\s+/g, " "));
  if (known.some((t) => name.toLowerCase().trimEnd().endsWith(` ${t}`) || last === t)) return name;
  return `${name} ${text}`;
}

/** Whether the company is a legal person registered in the register of legal persons. */
export function isRegisteredLegalPerson(form: LegalForm | null): boolean {
  return form !== null && form !== "sole_trader" && form !== "maatschap";
}

/** The register's letters in the document's language: RPR (Dutch), RPM (French), both otherwise. */
export function registerText(court: string | null, language: DocumentLanguage): string | null {
  if (!court) return null;
  const letters = language === "nl" ? "RPR" : language === "fr" ? "RPM" : "RPR/RPM";
  return `${letters} ${court}`;
}

/** The enterprise number: the one entered, else the digits of a Belgian VAT number. */
export function enterpriseNumberOf(company: {
  enterpriseNumber?: string | null;
  vatNumber: string | null;
}): string | null {
  if (company.enterpriseNumber) return company.enterpriseNumber;
  return company.vatNumber && /^BE\d{10}$/.test(company.vatNumber)
    ? company.vatNumber.slice(2)
    : null;
}

/** `0123456749` → `0123.456.749`. */
export function formatEnterpriseNumber(digits: string): string {
  return formatBelgianVatNumber(`BE${digits}`).slice(3);
}

const ENTERPRISE_NUMBER_LABEL: Readonly<Record<DocumentLanguage, string>> = {
  nl: "Ondernemingsnr.",
  fr: "N° d'entreprise",
  en: "Enterprise no.",
  de: "Unternehmensnr.",
};

const IN_LIQUIDATION: Readonly<Record<DocumentLanguage, string>> = {
  nl: "in vereffening",
  fr: "en liquidation",
  en: "in liquidation",
  de: "in Liquidation",
};

/** With its colon: French puts a (no-break) space before it. */
const REGISTERED_OFFICE: Readonly<Record<DocumentLanguage, string>> = {
  nl: "Maatschappelijke zetel:",
  fr: "Siège social\u00a0:",
  en: "Registered office:",
  de: "Gesellschaftssitz:",
};

export function enterpriseNumberLabel(language: DocumentLanguage): string {
  return ENTERPRISE_NUMBER_LABEL[language];
}

export function inLiquidationText(language: DocumentLanguage): string {
  return IN_LIQUIDATION[language];
}

export function registeredOfficeLabel(language: DocumentLanguage): string {
  return REGISTERED_OFFICE[language];
}
