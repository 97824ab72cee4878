import { formatQuantity } from "@/lib/money";

/**
 * Display only: thousandths in the reader's locale ("1,5" in fr-BE). The decimal text
 * goes to Intl as a string, so it never passes through a float.
 */
export function formatStock(thousandths: number, intlLocale: string, signed = false): string {
  return new Intl.NumberFormat(intlLocale, {
    maximumFractionDigits: 3,
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(formatQuantity({ thousandths }) as Intl.StringNumericLiteral);
}
