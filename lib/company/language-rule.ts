import type { DocumentLanguage, LanguageRule } from "@/db/schema/organisations";

/** Belgium's language regions (Constitution art. 4); Brussels-Capital is bilingual. */
export type LanguageRegion = "dutch" | "french" | "german" | "brussels";

/**
 * The language region of a Belgian postal code. Postal codes follow the provinces:
 * 1000–1299 Brussels-Capital; 1300–1499 Walloon Brabant; 1500–3999 Flemish Brabant,
 * Antwerp and Limburg; 4000–7999 Liège, Namur, Hainaut and Luxembourg, of which
 * 4700–4799 is the German-speaking area (Eupen, Kelmis, Raeren, Lontzen, Bütgenbach,
 * Büllingen, Amel, Sankt Vith, Burg-Reuland); 8000–9999 West and East Flanders.
 * Null outside Belgium or for a code that is not four digits.
 */
export function languageRegionOf(country: string, postalCode: string): LanguageRegion | null {
  if (country.toUpperCase() !== "BE") return null;
  const code = postalCode.trim();
  if (!/^\d{4}$/.test(code)) return null;
  const n = Number(code);
  if (n < 1000) return null;
  if (n < 1300) return "brussels";
  if (n < 1500) return "french";
  if (n < 4000) return "dutch";
  if (n >= 4700 && n < 4800) return "german";
  if (n < 8000) return "french";
  return "dutch";
}

export interface LanguageRuleCompany {
  readonly languageRule: LanguageRule;
  readonly country: string;
  readonly postalCode: string;
}

/**
 * Whether documents for Belgian buyers must be in Dutch: the Flemish language decree of
 * 19 July 1973 makes a company established in the Dutch-language region draw up its
 * legally required documents, invoices included, in Dutch (docs/belgian-invoicing.md §9).
 * `auto` follows the company's address; `dutch` and `customer` are the merchant's choice.
 */
export function belgianBuyersInDutch(company: LanguageRuleCompany): boolean {
  if (company.languageRule === "dutch") return true;
  if (company.languageRule === "customer") return false;
  return languageRegionOf(company.country, company.postalCode) === "dutch";
}

/** The language a document must be in: Dutch for a Belgian buyer under the rule, else the one asked. */
export function legalDocumentLanguage(
  company: LanguageRuleCompany,
  buyerCountry: string | null | undefined,
  asked: DocumentLanguage,
): DocumentLanguage {
  return buyerCountry?.toUpperCase() === "BE" && belgianBuyersInDutch(company) ? "nl" : asked;
}
