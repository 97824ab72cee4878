import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { DocumentStatus, DocumentType } from "@/lib/documents/document-lifecycle";
import { formatMoney, type IntlLocale } from "@/lib/money";

export interface CustomerDocumentRow {
  id: string;
  type: DocumentType;
  status: DocumentStatus;
  number: string | null;
  /** Already formatted for the reader. */
  date: string;
  total: number;
  currency: string;
}

/** The customer's documents, newest first, twenty at a time. */
export async function CustomerDocuments({
  customerId,
  rows,
  nextCursor,
  isFirstPage,
  intlLocale,
}: {
  customerId: string;
  rows: CustomerDocumentRow[];
  nextCursor: string | null;
  isFirstPage: boolean;
  intlLocale: IntlLocale;
}) {
  const t = await getTranslations("customers.documents");
  return (
    <section className="card" aria-labelledby="customer-documents">
      <h2 id="customer-documents">{t("title")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("type")}</th>
                <th scope="col">{t("number")}</th>
                <th scope="col">{t("date")}</th>
                <th scope="col" style={{ textAlign: "right" }}>
                  {t("total")}
                </th>
                <th scope="col">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td>{t(`types.${d.type}`)}</td>
                  <td>
                    <Link href={`/documents/${d.id}`}>{d.number ?? t("concept")}</Link>
                  </td>
                  <td>{d.date}</td>
                  <td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                    {formatMoney(d.total, d.currency, intlLocale)}
                  </td>
                  <td>
                    <span className={d.status === "paid" ? "badge" : "badge badge-muted"}>
                      {t(`statuses.${d.status}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="form-actions" style={{ marginTop: "0.75rem", flexWrap: "wrap" }}>
        {!isFirstPage && <Link href={`/customers/${customerId}`}>{t("newest")}</Link>}
        {nextCursor && (
          <Link href={`/customers/${customerId}?after=${nextCursor}`}>{t("older")}</Link>
        )}
      </div>
    </section>
  );
}
