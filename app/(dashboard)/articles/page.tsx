import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { StockLevel } from "@/components/articles/stock-level";
import { ListPagination } from "@/components/customers/list-pagination";
import { ListSearch } from "@/components/customers/list-search";
import { ListPageHeader } from "@/components/ui/list-page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { listArticles } from "@/db/queries/articles";
import { listQuery } from "@/lib/customers/list-query";
import styles from "@/components/articles/stock-badge.module.css";

const ARTICLE_FILTERS = ["all", "shopify", "low"] as const;
type ArticleFilter = (typeof ARTICLE_FILTERS)[number];

/** `?show=shopify|low`; anything else is the whole list. */
function articleFilterOf(value: string | string[] | undefined): ArticleFilter {
  const first = Array.isArray(value) ? value[0] : value;
  return ARTICLE_FILTERS.find((filter) => filter === first) ?? "all";
}
import { formatMoney, type IntlLocale } from "@/lib/money";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("articles"))("title") };
}

export default async function ArticlesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, tenant } = await requireOrg();
  const t = await getTranslations();
  const intlLocale = t("common.intlLocale") as IntlLocale;
  const params = await searchParams;
  const { search, page } = listQuery(params);
  const show = articleFilterOf(params.show);
  const keep: Record<string, string> = show === "all" ? {} : { show };
  const result = await listArticles(db, tenant, {
    search,
    page,
    fromShopify: show === "shopify",
    lowStock: show === "low",
  });
  const header = (
    <ListPageHeader
      title={t("articles.title")}
      intro={t("articles.intro")}
      newHref="/articles/new"
      newLabel={t("articles.new")}
    />
  );
  if (result.total === 0 && !search && show === "all") {
    return (
      <>
        {header}
        <EmptyState
          title={t("articles.emptyTitle")}
          text={t("articles.emptyText")}
          action={{ href: "/articles/new", label: t("articles.new") }}
        />
      </>
    );
  }
  return (
    <>
      {header}
      <nav className={styles.filters} aria-label={t("articles.filters.label")}>
        {ARTICLE_FILTERS.map((filter) => (
          <Link
            key={filter}
            href={filter === "all" ? "/articles" : `/articles?show=${filter}`}
            aria-current={filter === show ? "page" : undefined}
            className={filter === show ? "btn btn-primary" : "btn"}
          >
            {t(`articles.filters.${filter}`)}
          </Link>
        ))}
      </nav>
      <ListSearch
        action="/articles"
        keep={keep}
        search={search}
        labels={{
          label: t("articles.search.label"),
          placeholder: t("articles.search.placeholder"),
          submit: t("articles.search.submit"),
          clear: t("articles.search.clear"),
        }}
      />
      <p className="muted" role="status">
        {result.total === 0
          ? search
            ? t("articles.search.noResults", { search })
            : t("articles.filters.none")
          : t("articles.count", { count: result.total })}
      </p>
      {result.rows.length > 0 && (
        <div className="table-wrap">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("articles.columns.name")}</th>
                <th scope="col">{t("articles.columns.sku")}</th>
                <th scope="col" style={{ textAlign: "right" }}>
                  {t("articles.columns.price")}
                </th>
                <th scope="col">{t("articles.columns.vat")}</th>
                <th scope="col">{t("articles.columns.stock")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={`/articles/${a.id}`}>{a.name}</Link>
                    {a.source === "shopify" && (
                      <span className={styles.source}>{t("articles.fromShopify")}</span>
                    )}
                  </td>
                  <td>
                    <code>{a.sku}</code>
                  </td>
                  <td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                    {formatMoney(a.unitPriceCents, "EUR", intlLocale)}
                  </td>
                  <td style={{ whiteSpace: "nowrap" }}>
                    {t(`articles.form.vatChoices.${a.vatCategory}${a.vatRateBp}`)}
                  </td>
                  <td>
                    <StockLevel
                      stockMilli={a.stockMilli}
                      trackStock={a.trackStock}
                      lowStockMilli={a.lowStockMilli}
                      intlLocale={intlLocale}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListPagination
        basePath="/articles"
        keep={keep}
        search={search}
        page={result.page}
        pageCount={result.pageCount}
        labels={{
          label: t("articles.pagination.label"),
          previous: t("articles.pagination.previous"),
          next: t("articles.pagination.next"),
          status: t("articles.pagination.status", {
            page: result.page,
            pageCount: result.pageCount,
          }),
        }}
      />
    </>
  );
}
