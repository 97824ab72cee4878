import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import { vatCountryOf, vatGroupKey, type VatBreakdownEntry } from "@/lib/vat";
import styles from "./documents.module.css";
import { belgianLocale } from "./format";
import { vatLabel } from "./vat-label";

/** VAT per rate and the three totals; used by the live preview and the document page. */
export function TotalsSummary({
  totals,
  currency,
}: {
  totals: {
    vatBreakdown: readonly VatBreakdownEntry[];
    netCents: number;
    vatCents: number;
    grossCents: number;
  };
  currency: string;
}) {
  const t = useTranslations("documents.totals");
  const tv = useTranslations("documents.vat");
  const locale = belgianLocale(useLocale());
  const money = (cents: number) => formatMoney(cents, currency, locale);
  return (
    <div className={styles.totals}>
      {totals.vatBreakdown.length > 0 && (
        <table className="list" style={{ marginBottom: "0.75rem" }}>
          <caption className="muted" style={{ textAlign: "left" }}>
            {t("breakdown")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("vat")}</th>
              <th scope="col" className={styles.amount}>
                {t("taxable")}
              </th>
              <th scope="col" className={styles.amount}>
                {t("vatAmount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.vatBreakdown.map((entry) => (
              <tr key={vatGroupKey(entry)}>
                <td>{vatLabel(tv, entry.category, entry.rateBp, locale, vatCountryOf(entry))}</td>
                <td className={styles.amount}>{money(entry.taxableCents)}</td>
                <td className={styles.amount}>{money(entry.vatCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className={styles.facts}>
        <dt>{t("net")}</dt>
        <dd>{money(totals.netCents)}</dd>
        <dt>{t("vat")}</dt>
        <dd>{money(totals.vatCents)}</dd>
        <dt className={styles.grandTotal}>{t("total")}</dt>
        <dd className={styles.grandTotal}>{money(totals.grossCents)}</dd>
      </dl>
    </div>
  );
}
