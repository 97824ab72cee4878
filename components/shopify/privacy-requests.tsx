import { getLocale, getTranslations } from "next-intl/server";
import { belgianLocale, formatDateTime } from "@/components/documents/format";
import type { PrivacyRequest } from "@/db/queries/shopify-privacy";

const n = (summary: Record<string, number>, key: string) => summary[key] ?? 0;

/** Shopify's GDPR requests and what Facturo did with each. */
export async function PrivacyRequests({ requests }: { requests: PrivacyRequest[] }) {
  const [t, locale] = await Promise.all([getTranslations("shopify.privacy"), getLocale()]);
  const intl = belgianLocale(locale);
  const resultOf = (request: PrivacyRequest) => {
    const s = request.summary;
    if (request.topic === "customers/data_request") {
      return t("dataRequestSummary", {
        customers: n(s, "customers"),
        documents: n(s, "documents"),
      });
    }
    if (request.topic === "customers/redact") {
      return t("redactSummary", {
        customersDeleted: n(s, "customersDeleted"),
        conceptsDeleted: n(s, "conceptsDeleted"),
        customersAnonymised: n(s, "customersAnonymised"),
        documentsKept: n(s, "documentsKept"),
      });
    }
    return t("shopRedactSummary");
  };
  return (
    <section className="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <div className="table-wrap">
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t("date")}</th>
              <th scope="col">{t("request")}</th>
              <th scope="col">{t("customer")}</th>
              <th scope="col">{t("result")}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id}>
                <td>{formatDateTime(request.createdAt, intl)}</td>
                <td>{t(`topics.${request.topic}`)}</td>
                <td>
                  {request.customerEmail ?? request.shopifyCustomerId ?? t("unknownCustomer")}
                </td>
                <td>{resultOf(request)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
