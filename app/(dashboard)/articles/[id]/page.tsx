import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { ArticleForm } from "@/components/articles/article-form";
import { StockHistory } from "@/components/articles/stock-history";
import { StockCorrectionForm } from "@/components/articles/stock-correction-form";
import { StockLevel } from "@/components/articles/stock-level";
import { getArticle } from "@/db/queries/articles";
import { currentStock, stockHistory } from "@/db/queries/stock";
import { STOCK_HISTORY_CAUSES } from "@/lib/articles/stock-history-cause";
import { vatChoiceOf } from "@/lib/articles/article-vat";
import { isUuid } from "@/lib/customers/list-query";
import { centsToDecimalString, formatQuantity } from "@/lib/money";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(id: string) {
  if (!isUuid(id)) notFound();
  const { db, tenant } = await requireOrg();
  const article = await getArticle(db, tenant, id);
  if (!article) notFound();
  return { db, tenant, article };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await load((await params).id);
  return { title: article.name };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const causeParam = (await searchParams).cause;
  const cause = STOCK_HISTORY_CAUSES.find((c) => c === causeParam);
  const { db, tenant, article } = await load(id);
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const intlLocale = t("common.intlLocale");
  const [stock, history] = await Promise.all([
    currentStock(db, tenant, id),
    stockHistory(db, tenant, id, 100, cause),
  ]);
  return (
    <>
      <div className="page-header">
        <Link href="/articles">← {t("articles.back")}</Link>
        <h1>{article.name}</h1>
        {article.sku && (
          <p>
            <code>{article.sku}</code>
          </p>
        )}
      </div>
      <ArticleForm
        id={id}
        defaults={{
          sku: article.sku ?? "",
          name: article.name,
          unitPrice: centsToDecimalString(article.unitPriceCents),
          vat: vatChoiceOf(article.vatCategory, article.vatRateBp),
          trackStock: article.trackStock,
          lowStock:
            article.lowStockMilli === null
              ? ""
              : formatQuantity({ thousandths: article.lowStockMilli }),
        }}
      />
      <section className="card form" aria-labelledby="stock-title">
        <h2 id="stock-title">{t("articles.stock.title")}</h2>
        <p style={{ display: "flex", gap: "0.75rem", alignItems: "baseline", flexWrap: "wrap" }}>
          <strong>{t("articles.stock.current")}</strong>
          <StockLevel
            stockMilli={stock}
            trackStock={article.trackStock}
            lowStockMilli={article.lowStockMilli}
            intlLocale={intlLocale}
          />
        </p>
        {!article.trackStock && (
          <p className="muted">
            {article.source === "shopify"
              ? t("articles.stock.managedInShopifyText")
              : t("articles.stock.notTrackedText")}
          </p>
        )}
        {stock < 0 && (
          <p className="notice" role="status">
            {t("articles.stock.negativeWarning")}
          </p>
        )}
        <StockCorrectionForm articleId={id} />
      </section>
      <StockHistory
        movements={history.map((m) => ({
          ...m,
          date: format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" }),
        }))}
        intlLocale={intlLocale}
        articleId={id}
        cause={cause ?? null}
      />
    </>
  );
}
