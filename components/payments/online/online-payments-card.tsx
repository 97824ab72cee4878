import { getLocale, getTranslations } from "next-intl/server";
import { belgianLocale, formatDateTime } from "@/components/documents/format";
import type { OnlinePayment } from "@/db/queries/online-payments";
import { getConfig } from "@/lib/config/env";
import { formatMoney } from "@/lib/money";
import { customerInvoiceUrl } from "@/lib/payments/online/payment-urls";
import styles from "./online-payments.module.css";

/**
 * A finalised invoice's page for the customer, and its payment requests at Mollie
 * and Bancontact Pro: which one the customer used, which expired (the page loads them).
 */
export async function OnlinePaymentsCard({
  publicToken,
  payments,
}: {
  publicToken: string | null;
  payments: OnlinePayment[];
}) {
  if (!publicToken) return null;
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
        <ul className={styles.list} data-testid="online-payments">
          {payments.map((payment) => (
            <li key={payment.id} data-status={payment.status}>
              <strong>{t(`providers.${payment.provider}`)}</strong>
              {payment.mode === "test" && <span className="badge">{t("testMode")}</span>}
              <span>{t(`statuses.${payment.status}`)}</span>
              <span className={styles.amount}>
                {formatMoney(payment.amountCents, payment.currency, intl)}
              </span>
              <span className="muted">{formatDateTime(payment.createdAt, intl)}</span>
              {payment.checkoutUrl &&
                (payment.status === "open" || payment.status === "pending") && (
                  <a href={payment.checkoutUrl} rel="noreferrer" target="_blank">
                    {t("open")}
                  </a>
                )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
