import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StockMovement } from "@/db/queries/stock";
import { STOCK_HISTORY_CAUSES, type StockHistoryCause } from "@/lib/articles/stock-history-cause";
import styles from "./stock-badge.module.css";
import { formatStock } from "@/lib/articles/format-stock";

/** The ledger, newest first: each movement with its cause (a note, or the document). */
export async function StockHistory({
  movements,
  intlLocale,
  articleId,
  cause,
}: {
  movements: (StockMovement & { date: string })[];
  intlLocale: string;
  articleId: string;
  /** The cause the history is filtered on, or null for all. */
  cause: StockHistoryCause | null;
}) {
  const t = await getTranslations("articles.stock");
  return (
    <section className="card" aria-labelledby="stock-history">
      <h2 id="stock-history">{t("history.title")}</h2>
      <nav className={styles.filters} aria-label={t("history.cause")}>
        {[null, ...STOCK_HISTORY_CAUSES].map((option) => (
          <Link
            key={option ?? "all"}
            href={`/articles/${articleId}${option ? `?cause=${option}` : ""}`}
            aria-current={option === cause ? "page" : undefined}
            className={option === cause ? "btn btn-primary" : "btn"}
          >
            {t(`history.causes.${option ?? "all"}`)}
          </Link>
        ))}
      </nav>
      {movements.length === 0 ? (
        <p className="muted">{t("history.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("history.date")}</th>
                <th scope="col" style={{ textAlign: "right" }}>
                  {t("history.change")}
                </th>
                <th scope="col">{t("history.cause")}</th>
              </tr>
            </thead>
            <tbody>
              {movements.map((m) => (
                <tr key={m.id}>
                  <td style={{ whiteSpace: "nowrap" }}>{m.date}</td>
                  <td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                    {formatStock(m.quantityMilli, intlLocale, true)}
                  </td>
                  <td>
                    {m.cause === "import" ? (
                      <>
                        {t("history.import")}
                        {(m.note === "count:csv" || m.note === "count:shopify") && (
                          <span className="muted">
                            {" "}
                            —{" "}
                            {t(`history.importFrom.${m.note === "count:csv" ? "csv" : "shopify"}`)}
                          </span>
                        )}
                      </>
                    ) : m.cause === "manual" ? (
                      <>
                        {t("history.manual")}
                        {m.note && <span className="muted"> — {m.note}</span>}
                      </>
                    ) : m.document ? (
                      <Link href={`/documents/${m.document.id}`}>
                        {t(`types.${m.document.type}`)} {m.document.number ?? t("history.concept")}
                      </Link>
                    ) : (
                      <span className="muted">{t("history.deletedDocument")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
