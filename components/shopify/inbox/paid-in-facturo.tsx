import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { belgianLocale, formatCalendarDate } from "@/components/documents/format";
import type { PaidInFacturo } from "@/db/queries/payments";
import { formatMoney } from "@/lib/money";

/**
 * Orders whose invoice was paid in Facturo (bank transfer, Mollie, by hand):
 * Shopify still shows them unpaid, so the merchant can mark them paid there.
 */
export async function PaidInFacturoList({ payments }: { payments: PaidInFacturo[] }) {
  if (payments.length === 0) return null;
  const [t, tMethods, locale] = await Promise.all([
    getTranslations("shopifyInbox.paidInFacturo"),
    getTranslations("documents.methods"),
    getLocale(),
  ]);
  const intl = belgianLocale(locale);
  return (
    <section className="card" aria-labelledby="paid-in-facturo-title">
      <h2 id="paid-in-facturo-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <ul>
        {payments.map((payment) => (
          <li key={payment.paymentId}>
            {t(payment.invoicePaid ? "paid" : "partlyPaid", {
              order: payment.orderName ?? "",
              amount: formatMoney(payment.amountCents, payment.currency, intl),
              method: tMethods(payment.method),
              date: formatCalendarDate(payment.paidOn, intl),
            })}{" "}
            <Link href={`/documents/${payment.documentId}`}>
              {t("invoice", { number: payment.number ?? "" })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
