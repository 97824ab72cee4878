/** UI languages. Documents also exist in German (see DocumentLanguage), the UI not yet. */
export const uiLocales = ["en", "fr", "nl"] as const;
export type UiLocale = (typeof uiLocales)[number];
export const defaultUiLocale: UiLocale = "en";
export const localeCookie = "NEXT_LOCALE";

export function isUiLocale(value: string | undefined | null): value is UiLocale {
  return (uiLocales as readonly string[]).includes(value ?? "");
}

/** Picks the best UI locale from an Accept-Language header (quality-ordered). */
export function negotiateLocale(acceptLanguage: string | null | undefined): UiLocale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.split("=")[1]) : 1 };
    })
    .filter((entry) => entry.lang && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isUiLocale) ?? defaultUiLocale;
}

/** Belgian regional formats for amounts and dates: fr-BE, nl-BE, en-BE. */
export function intlLocale(locale: UiLocale): string {
  return `${locale}-BE`;
}
