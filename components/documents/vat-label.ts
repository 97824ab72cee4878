import type { IntlLocale } from "@/lib/money";
import { formatPercent } from "@/lib/money";

type Translate = (key: string, values?: Record<string, string>) => string;

/** "21 % VAT", "Reverse charge"…: `t` is scoped to `documents.vat`. */
export function vatLabel(t: Translate, category: string, rateBp: number, locale: IntlLocale) {
  if (category === "S") return t("rate", { rate: formatPercent(rateBp, locale) });
  return ["Z", "E", "AE", "K", "G", "O"].includes(category) ? t(category) : category;
}
