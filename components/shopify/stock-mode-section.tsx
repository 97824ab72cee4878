import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { belgianLocale, formatDateTime } from "@/components/documents/format";
import type { listStockModeChanges } from "@/db/queries/stock-mode";
import type { StockMode } from "@/lib/articles/stock-mode";
import { StockModeForm } from "./stock-mode-form";
import styles from "./stock-mode.module.css";

type ModeChange = Awaited<ReturnType<typeof listStockModeChanges>>[number];

/** The Shopify page's stock section: where stock is kept, the seed's advice, and the log. */
export async function StockModeSection(props: {
  mode: StockMode;
  changes: ModeChange[];
  productsWithoutSku: number;
}) {
  const [t, locale] = await Promise.all([getTranslations("shopifyStock"), getLocale()]);
  const intl = belgianLocale(locale);
  return (
    <section className="card" aria-labelledby="stock-title" data-testid="stock-mode">
      <h2 id="stock-title">{t("title")}</h2>
      <p data-testid="stock-mode-current" data-mode={props.mode}>
        <strong>{t("currentIs", { mode: t(`modes.${props.mode}`) })}</strong>
      </p>
      <div id="stock-advice" className="muted">
        <p>{t("advice.choose")}</p>
        <p>{t("advice.facturo")}</p>
        <p>{t("advice.afterwards")}</p>
      </div>
      <StockModeForm current={props.mode} />
      {props.mode === "facturo" && props.productsWithoutSku > 0 && (
        <p className="notice">
          <Link href="/apps/shopify/inbox">
            {t("withoutSku", { count: props.productsWithoutSku })}
          </Link>
        </p>
      )}
      {props.changes.length > 0 && (
        <>
          <h3>{t("log.title")}</h3>
          <ul className={styles.log} data-testid="stock-mode-log">
            {props.changes.map((change) => (
              <li key={change.id}>
                {formatDateTime(change.createdAt, intl)} ·{" "}
                {t("log.entry", {
                  mode: t(`modes.${change.mode}`),
                  who: change.userEmail ?? t("log.someone"),
                })}
                {change.startingCount && (
                  <span className="muted">
                    {" "}
                    ·{" "}
                    {t("log.count", {
                      counted: change.startingCount.counted,
                      unknown: change.startingCount.unknownSkus.length,
                    })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
