import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActiveApp } from "@/app/_server/require-active-app";
import { RefreshWhile } from "@/components/shopify/refresh-while";
import { DeliveriesTable } from "@/components/shopify/inbox/deliveries-table";
import { InboxFiltersBar } from "@/components/shopify/inbox/inbox-filters";
import {
  inboxHref,
  parseInboxQuery,
  type SearchParams,
} from "@/components/shopify/inbox/inbox-query";
import styles from "@/components/shopify/inbox/inbox.module.css";
import { RetryAllButton } from "@/components/shopify/inbox/retry-all-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PaidInFacturoList } from "@/components/shopify/inbox/paid-in-facturo";
import { ProductsWithoutSkuList } from "@/components/shopify/inbox/products-without-sku";
import { listProductsWithoutSku } from "@/db/queries/stock-mode";
import { currentStockMode } from "@/lib/articles/stock-mode";
import { listShopifyInvoicesPaidInFacturo } from "@/db/queries/payments";
import { countInboxDeliveries, listInboxDeliveries } from "@/db/queries/shopify-deliveries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shopifyInbox"))("title") };
}

/** The sync inbox: where a merchant looks when an order did not become a document. */
export default async function ShopifyInboxPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { db, tenant } = await requireActiveApp("shopify");
  const t = await getTranslations("shopifyInbox");
  const { filters, before } = parseInboxQuery(await searchParams);
  const [{ rows, nextBefore }, counts, paidInFacturo, stockMode, withoutSku] = await Promise.all([
    listInboxDeliveries(db, tenant, filters, before),
    countInboxDeliveries(db, tenant, { search: filters.search }),
    listShopifyInvoicesPaidInFacturo(db, tenant),
    currentStockMode(db, tenant),
    listProductsWithoutSku(db, tenant),
  ]);

  const header = (
    <div className="page-header">
      <Link href="/apps/shopify">← {t("back")}</Link>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
    </div>
  );

  if (counts.all === 0 && !filters.search) {
    return (
      <>
        {header}
        <EmptyState
          title={t("empty.title")}
          text={t("empty.text")}
          action={{ href: "/apps/shopify", label: t("empty.action") }}
        />
      </>
    );
  }

  return (
    <>
      {header}
      {/* Waiting rows change within seconds: follow them without a reload. */}
      <RefreshWhile active={counts.received > 0} everyMs={3000} forMs={60_000} />
      {/* Retry all takes every failed delivery: offered only where the count says so. */}
      {counts.failed > 0 && !filters.search && (!filters.status || filters.status === "failed") && (
        <div className={`alert ${styles.attention}`}>
          <p>{t("retry.allIntro", { count: counts.failed })}</p>
          <RetryAllButton />
        </div>
      )}
      <PaidInFacturoList payments={paidInFacturo} />
      {stockMode === "facturo" && <ProductsWithoutSkuList products={withoutSku} />}
      <InboxFiltersBar filters={filters} counts={counts} />
      {rows.length === 0 ? (
        <p className="card muted" role="status">
          {filters.search ? (
            <>
              {t("list.noResults")}{" "}
              <Link href={inboxHref({ status: filters.status })}>{t("filters.clear")}</Link>
            </>
          ) : (
            <>
              {t("list.noneWithStatus")} <Link href={inboxHref({})}>{t("list.showAll")}</Link>
            </>
          )}
        </p>
      ) : (
        <DeliveriesTable rows={rows} />
      )}
      {(nextBefore || before) && (
        <nav className={styles.pager} aria-label={t("list.pages")}>
          {before && <Link href={inboxHref(filters)}>{t("list.firstPage")}</Link>}
          {nextBefore && (
            <Link href={inboxHref(filters, nextBefore)} className="btn">
              {t("list.nextPage")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
