import { getTranslations } from "next-intl/server";
import { formatStock } from "@/lib/articles/format-stock";
import styles from "./stock-badge.module.css";

/**
 * The stock as a number, with a warning badge (text, not only colour) when it is negative,
 * or at or below the article's low-stock threshold.
 */
export async function StockLevel({
  stockMilli,
  trackStock,
  lowStockMilli = null,
  intlLocale,
}: {
  stockMilli: number;
  trackStock: boolean;
  lowStockMilli?: number | null;
  intlLocale: string;
}) {
  const t = await getTranslations("articles");
  if (!trackStock && stockMilli === 0) return <span className="muted">{t("notTracked")}</span>;
  return (
    <span style={{ whiteSpace: "nowrap" }}>
      {formatStock(stockMilli, intlLocale)}
      {stockMilli < 0 ? (
        <span className={styles.negative}>
          <span aria-hidden="true">⚠ </span>
          {t("negativeStock")}
        </span>
      ) : (
        trackStock &&
        lowStockMilli !== null &&
        stockMilli <= lowStockMilli && (
          <span className={styles.low} data-testid="low-stock">
            <span aria-hidden="true">▼ </span>
            {t("lowStockBadge")}
          </span>
        )
      )}
    </span>
  );
}
