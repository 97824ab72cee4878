export type DocumentLanguage = "fr" | "nl" | "en" | "de";

const LANGUAGES: readonly DocumentLanguage[] = ["fr", "nl", "en", "de"];

/**
 * Shopify's `customer_locale` (BCP 47: `nl-BE`, `fr`, `de-CH`, `en-NL`) → the document
 * language. Only the language part counts: a German-speaking customer in the
 * Netherlands reads German. Anything else is null, and the caller uses the
 * organisation's default language.
 */
export function languageFromLocale(locale: string | null | undefined): DocumentLanguage | null {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return LANGUAGES.find((language) => language === primary) ?? null;
}
