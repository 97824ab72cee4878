import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./stock-badge.module.css";

/** On the home (Documents): how many tracked articles reached their low-stock threshold. */
export async function LowStockNotice({ count }: { count: number }) {
  if (count === 0) return null;
  const t = await getTranslations("articles.lowStockHome");
  return (
    <p className="notice" role="status" data-testid="low-stock-home">
      <span className={styles.low}>
        <span aria-hidden="true">▼ </span>
        {t("badge")}
      </span>{" "}
      {t("text", { count })} <Link href="/articles?show=low">{t("link")}</Link>
    </p>
  );
}
