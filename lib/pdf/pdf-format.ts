import { formatBelgianVatNumber } from "@/lib/company/vat-number";
import type { IntlLocale } from "@/lib/money";
import type { PostalAddress } from "@/db/schema/customers";

// C0/C1 controls (except newline and tab) and bidi overrides: they break text layout
// or can visually reorder a name; nothing legitimate on an invoice needs them.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

// Emoji (and their joiners/selectors): DejaVu Sans has no glyphs for them, and the
// fallback boxes overlap the next letters. Symbols below U+1F000 (✓ ☎ ♥) are kept.
const EMOJI = /[\u{1F000}-\u{1FAFF}\u{E0020}-\u{E007F}]|\u{FE0E}|\u{FE0F}|\u{200D}|\u{20E3}/gu;

/** Text from merchants or shop customers, made safe to lay out. */
export function cleanText(value: string | null | undefined): string {
  return (value ?? "")
    .replace(UNPRINTABLE, "")
    .replace(EMOJI, "")
    .replace(/\t/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** `2026-03-05` → `05/03/2026` (fr/nl/en-BE) or `05.03.2026` (de-BE); a date, not an instant. */
export function formatDate(isoDate: string, locale: IntlLocale): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** `BE68539007547034` → `BE68 5390 0754 7034`. */
export function formatIban(iban: string): string {
  return iban
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, "$1 ");
}

/** Belgian numbers in their printed form; foreign ones as stored. */
export function formatVatNumber(vat: string | null | undefined): string | null {
  const value = cleanText(vat);
  if (!value) return null;
  return /^BE\d{10}$/.test(value) ? formatBelgianVatNumber(value) : value;
}

/** Street, postcode + city, and the country name when it is not Belgium. */
export function addressLines(address: PostalAddress, locale: IntlLocale): string[] {
  const street = cleanText(address.street);
  const city = [cleanText(address.postalCode), cleanText(address.city)].filter(Boolean).join(" ");
  const code = cleanText(address.country).toUpperCase();
  let country = "";
  if (code && code !== "BE") {
    try {
      country = new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
    } catch {
      country = code;
    }
  }
  return [...street.split("\n"), city, country].map((l) => l.trim()).filter(Boolean);
}
