import type { UiLocale } from "./locales";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import nl from "./messages/nl.json";

/** All UI strings. English is the reference: the other files must have the same keys. */
export type Messages = typeof en;

const catalogs: Record<UiLocale, Messages> = { en, fr, nl };

export function loadMessages(locale: UiLocale): Messages {
  return catalogs[locale];
}
