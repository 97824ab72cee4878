import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StockMovement } from "@/db/queries/stock";
import { formatStock } from "@/lib/articles/format-stock";

/** The ledger, newest first: each movement with its cause (a note, or the document). */
export async function StockHistory({
  movements,
  intlLocale,
}: {
  movements: (StockMovement & { date: string })[];
  intlLocale: string;
}) {
  const t = await getTranslations("articles.stock");
  return (
    <section className="card" aria-labelledby="stock-history">
      <h2 id="stock-history">{t("history.title")}</h2>
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
