import { getLocale, getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { belgianLocale, formatDateTime } from "@/components/documents/format";
import { listOnlinePayments } from "@/db/queries/online-payments";
import { getConfig } from "@/lib/config/env";
import { formatMoney } from "@/lib/money";
import { customerInvoiceUrl } from "@/lib/payments/online/payment-urls";

/**
 * A finalised invoice's page for the customer, and its payment requests at Mollie
 * and Bancontact Pro: which one the customer used, which expired.
 */
export async function OnlinePaymentsCard({
  documentId,
  publicToken,
}: {
  documentId: string;
  publicToken: string | null;
}) {
  if (!publicToken) return null;
  const { db, tenant } = await requireOrg();
  const payments = await listOnlinePayments(db, tenant, documentId);
  const [t, locale] = await Promise.all([getTranslations("onlinePayments"), getLocale()]);
  const intl = belgianLocale(locale);
  const pageUrl = customerInvoiceUrl(getConfig().APP_URL, publicToken);
  return (
    <section className="card" aria-labelledby="online-payments-title">
      <h2 id="online-payments-title">{t("title")}</h2>
      <p>
        {t("customerPage")}:{" "}
        <a href={pageUrl} style={{ overflowWrap: "anywhere" }} data-testid="customer-page-link">
          {pageUrl}
        </a>
      </p>
      {payments.length > 0 && (
        <div className="table-wrap">
          <table className="list" data-testid="online-payments">
            <thead>
              <tr>
                <th scope="col">{t("provider")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("amount")}</th>
                <th scope="col">{t("created")}</th>
                <th scope="col">{t("link")}</th>
              </tr>
            </thead>
            <tbody>
              {payments.map((payment) => (
                <tr key={payment.id} data-status={payment.status}>
                  <td>
                    {t(`providers.${payment.provider}`)}
                    {payment.mode === "test" && <span className="badge">{t("testMode")}</span>}
                  </td>
                  <td>{t(`statuses.${payment.status}`)}</td>
                  <td>{formatMoney(payment.amountCents, payment.currency, intl)}</td>
                  <td>{formatDateTime(payment.createdAt, intl)}</td>
                  <td>
                    {payment.checkoutUrl && payment.status !== "paid" ? (
                      <a href={payment.checkoutUrl} rel="noreferrer" target="_blank">
                        {t("open")}
                      </a>
                    ) : (
                      <span className="muted">{payment.providerPaymentId}</span>
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
