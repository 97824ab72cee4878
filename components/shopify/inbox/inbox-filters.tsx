import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { belgianLocale } from "@/components/documents/format";
import type { InboxCounts, InboxFilters } from "@/db/queries/shopify-deliveries";
import { INBOX_PATH, inboxHref, inboxStatusChips } from "./inbox-query";
import styles from "./inbox.module.css";

/**
 * Status chips with their counts, and the order search: plain links and a GET
 * form, so a filtered inbox is a URL the merchant can bookmark or send to support.
 */
export function InboxFiltersBar({
  filters,
  counts,
}: {
  filters: InboxFilters;
  counts: InboxCounts;
}) {
  const t = useTranslations("shopifyInbox.filters");
  const number = new Intl.NumberFormat(belgianLocale(useLocale()));
  const chips = [
    { status: undefined, label: t("all"), count: counts.all },
    ...inboxStatusChips.map((status) => ({ status, label: t(status), count: counts[status] })),
  ];
  return (
    <>
      <nav aria-label={t("statusLabel")}>
        <ul className={styles.chips}>
          {chips.map(({ status, label, count }) => (
            <li key={status ?? "all"}>
              <Link
                href={inboxHref({ ...filters, status })}
                aria-current={filters.status === status ? "page" : undefined}
                aria-label={t("count", { label, count })}
              >
                {label}
                <span
                  className={`${styles.count} ${status === "failed" && count > 0 ? styles.countAttention : ""}`}
                  aria-hidden="true"
                >
                  {number.format(count)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={INBOX_PATH} className="card" role="search">
        {filters.status && <input type="hidden" name="status" value={filters.status} />}
        <div className={styles.search}>
          <div className="field">
            <label htmlFor="inbox-q">{t("search")}</label>
            <input
              id="inbox-q"
              name="q"
              type="search"
              defaultValue={filters.search ?? ""}
              aria-describedby="inbox-q-hint"
              maxLength={100}
              inputMode="search"
            />
            <span id="inbox-q-hint" className="hint">
              {t("searchHint")}
            </span>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              {t("apply")}
            </button>
            {filters.search && (
              <Link href={inboxHref({ status: filters.status })}>{t("clear")}</Link>
            )}
          </div>
        </div>
      </form>
    </>
  );
}
