import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { belgianLocale } from "@/components/documents/format";
import type { InboxDelivery } from "@/db/queries/shopify-deliveries";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { orderLabel, outcomeMessageKey, topicMessageKey } from "./delivery-text";
import styles from "./inbox.module.css";
import { RetryButton } from "./retry-button";

/** The inbox's rows: when, what happened in Shopify, which order, and what Facturo did. */
export async function DeliveriesTable({ rows }: { rows: InboxDelivery[] }) {
  const [t, locale, timeZone] = await Promise.all([
    getTranslations("shopifyInbox"),
    getLocale(),
    getTimeZone(),
  ]);
  // The reader's Belgian format ("28 Nov 2026, 22:37"); next-intl's formatter would use
  // the bare UI locale ("en": "Nov 28, 2026, 10:37 PM").
  const intl = belgianLocale(locale);
  const dateTime = new Intl.DateTimeFormat(intl, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  const number = new Intl.NumberFormat(intl);
  const has = (key: string) => t.has(key);
  return (
    <div className="table-wrap">
      <table className={`list ${styles.inboxTable}`}>
        <caption className="visually-hidden">{t("list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("list.received")}</th>
            <th scope="col">{t("list.event")}</th>
            <th scope="col">{t("list.order")}</th>
            <th scope="col">{t("list.status")}</th>
            <th scope="col">{t("list.result")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const topicKey = topicMessageKey(row.topic, has);
            const order = orderLabel(row);
            const failed = row.status === "failed";
            const showDetails = failed || Boolean(row.error);
            return (
              <tr key={row.id} className={failed ? styles.failedRow : undefined}>
                <td className={`${styles.nowrap} ${styles.cellDate}`}>
                  <time dateTime={row.receivedAt.toISOString()}>
                    {dateTime.format(row.receivedAt)}
                  </time>
                </td>
                <td className={styles.cellEvent}>
                  {topicKey ? t(topicKey) : <span className={styles.raw}>{row.topic}</span>}
                </td>
                <td
                  className={`${styles.nowrap} ${styles.cellOrder} ${order ? "" : styles.noOrder}`}
                >
                  {order ?? t("list.noOrder")}
                </td>
                <td className={styles.cellStatus}>
                  <DeliveryStatusBadge status={row.status} />
                </td>
                <td className={`${styles.result} ${styles.cellResult}`}>
                  <p>{t(outcomeMessageKey(row, has))}</p>
                  {row.duplicates > 0 && (
                    <p className={`muted ${styles.small}`}>
                      {t("list.receivedTimes", { count: row.duplicates + 1 })}
                    </p>
                  )}
                  {(row.documentId || (failed && row.canRetry)) && (
                    <div className={styles.resultActions}>
                      {failed && row.canRetry && <RetryButton deliveryId={row.id} order={order} />}
                      {row.documentId && (
                        <Link href={`/documents/${row.documentId}`}>{t("list.openDocument")}</Link>
                      )}
                    </div>
                  )}
                  {showDetails && (
                    <details className={styles.details}>
                      <summary>{t("details.summary")}</summary>
                      <dl className={styles.facts}>
                        <dt>{t("details.error")}</dt>
                        <dd>
                          {row.error ? (
                            <pre className={styles.error}>{row.error}</pre>
                          ) : (
                            t("details.noError")
                          )}
                        </dd>
                        <dt>{t("details.topic")}</dt>
                        <dd className={styles.raw}>{row.topic}</dd>
                        <dt>{t("details.shop")}</dt>
                        <dd>{row.shop}</dd>
                        {row.resourceId && (
                          <>
                            <dt>{t("details.resource")}</dt>
                            <dd className={styles.raw}>{row.resourceId}</dd>
                          </>
                        )}
                        <dt>{t("details.attempts")}</dt>
                        <dd>{number.format(row.attempts)}</dd>
                        <dt>{t("details.duplicates")}</dt>
                        <dd>{t("details.duplicatesValue", { count: row.duplicates + 1 })}</dd>
                      </dl>
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
