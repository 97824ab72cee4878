import type { IntlLocale } from "@/lib/money";

/** The Belgian regional format of a UI locale ("fr" → "fr-BE"), for `Intl` and formatMoney. */
export function belgianLocale(uiLocale: string): IntlLocale {
  if (uiLocale === "fr") return "fr-BE";
  if (uiLocale === "nl") return "nl-BE";
  if (uiLocale === "de") return "de-BE";
  return "en-BE";
}

/** A calendar date as stored (`YYYY-MM-DD`), in the reader's format; no time zone shifts it. */
export function formatCalendarDate(isoDate: string, locale: IntlLocale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** A moment (import, delivery, connection) in Brussels time, in the reader's Belgian format. */
export function formatDateTime(
  instant: Date,
  locale: IntlLocale,
  style: "date" | "dateTime" = "dateTime",
): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: style === "date" ? "long" : "medium",
    ...(style === "dateTime" ? { timeStyle: "short" } : {}),
    timeZone: "Europe/Brussels",
  }).format(instant);
}
