import type { IntlLocale } from "@/lib/money";
import { formatPercent } from "@/lib/money";
import { HOME_VAT_COUNTRY } from "@/lib/vat";

type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * "21 % VAT", "NL btw 21 %", "Reverse charge"…: `t` is scoped to `documents.vat`.
 * Another member state's VAT (an OSS sale) names its state; Belgium's is unmarked.
 */
export function vatLabel(
  t: Translate,
  category: string,
  rateBp: number,
  locale: IntlLocale,
  country: string = HOME_VAT_COUNTRY,
) {
  if (category === "S") {
    const rate = formatPercent(rateBp, locale);
    return country === HOME_VAT_COUNTRY
      ? t("rate", { rate })
      : t("memberStateRate", { country, rate });
  }
  return ["Z", "E", "AE", "K", "G", "O"].includes(category) ? t(category) : category;
}
