import { getLocale, getTranslations } from "next-intl/server";
import { belgianLocale, formatDateTime } from "@/components/documents/format";
import type { listProductsWithoutSku } from "@/db/queries/stock-mode";

type ProductWithoutSku = Awaited<ReturnType<typeof listProductsWithoutSku>>[number];

/**
 * Shopify products sold without a SKU while Facturo keeps the stock: each named once,
 * with the order it first came in. Their lines stay free lines and move no stock.
 */
export async function ProductsWithoutSkuList({ products }: { products: ProductWithoutSku[] }) {
  if (products.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("shopifyStock.inbox"), getLocale()]);
  const intl = belgianLocale(locale);
  return (
    <section className="card" aria-labelledby="without-sku-title" data-testid="without-sku">
      <h2 id="without-sku-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <ul>
        {products.map((product) => (
          <li key={product.id}>
            <strong>{product.title}</strong>{" "}
            <span className="muted">
              {t("firstSeen", {
                order: product.orderName ?? "",
                date: formatDateTime(product.createdAt, intl, "date"),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
