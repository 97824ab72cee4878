import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { organisationId } from "./tenant-column";

export type ArticleSource = "manual" | "shopify";

/** Why stock moved: a document line (invoice or credit note), a correction, a starting count. */
export type StockMovementCause = "document_line" | "manual" | "import";

/** Where the stock of articles sold in Shopify is kept (lib/articles/stock-mode.ts). */
export type StockMode = "facturo" | "shopify";

export const articles = pgTable(
  "article",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    sku: text("sku"),
    name: text("name").notNull(),
    /** Price excluding VAT, in cents. */
    unitPriceCents: bigint("unit_price_cents", { mode: "number" }).notNull().default(0),
    vatCategory: text("vat_category").notNull().default("S"),
    /** Basis points: 2100 = 21 %. */
    vatRateBp: integer("vat_rate_bp").notNull().default(2100),
    trackStock: boolean("track_stock").notNull().default(false),
    /**
     * "shopify": created from a Shopify order line (matched by SKU). Whether such an
     * article tracks stock follows the organisation's stock mode (stock_mode_change).
     */
    source: text("source").$type<ArticleSource>().notNull().default("manual"),
    /** Thousandths: at or below this stock the article is flagged "low stock"; null = no flag. */
    lowStockMilli: bigint("low_stock_milli", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("article_org_sku")
      .on(t.organisationId, t.sku)
      .where(sql`${t.sku} is not null`),
    index("article_org_name").on(t.organisationId, t.name),
  ],
);

/**
 * Stock is a ledger: the current stock is the sum of movements. Each movement names
 * its cause; a document line moves stock at most once (unique index), so replaying
 * a finalisation or a Shopify delivery never counts twice.
 */
export const stockMovements = pgTable(
  "stock_movement",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /**
     * The order of entry, from a sequence: what the history is sorted by. Not created_at,
     * which rows of one transaction share (and PGlite's clock moves in whole milliseconds).
     */
    entry: bigint("entry", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    organisationId: organisationId(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** Thousandths of a unit, signed: −1500 = 1.5 units out. */
    quantityMilli: bigint("quantity_milli", { mode: "number" }).notNull(),
    cause: text("cause").$type<StockMovementCause>().notNull(),
    documentLineId: uuid("document_line_id"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("stock_movement_article_entry").on(t.organisationId, t.articleId, t.entry),
    uniqueIndex("stock_movement_line")
      .on(t.documentLineId)
      .where(sql`${t.documentLineId} is not null`),
  ],
);

/**
 * Each switch of where stock is managed, newest last: the current mode is the latest row
 * (none: "shopify", Facturo keeps no stock for Shopify articles). The log the merchant
 * sees, with who switched and what the starting count did.
 */
export const stockModeChanges = pgTable(
  "stock_mode_change",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entry: bigint("entry", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    organisationId: organisationId(),
    mode: text("mode").$type<StockMode>().notNull(),
    /** The user who switched; null when the account is gone. */
    userId: text("user_id"),
    /** What the starting count did: { counted, unchanged, unknownSkus, source }. */
    startingCount: jsonb("starting_count").$type<StartingCountSummary | null>(),
    createdAt: createdAt(),
  },
  (t) => [index("stock_mode_change_org_entry").on(t.organisationId, t.entry)],
);

export interface StartingCountSummary {
  /** "csv", "shopify" (Shopify's levels) or both, CSV lines winning. */
  sources: ("csv" | "shopify")[];
  /** Articles whose stock was set to the count. */
  counted: number;
  /** SKUs counted that Facturo has no article for (skipped). */
  unknownSkus: string[];
}

/**
 * A Shopify product sold without a SKU while Facturo manages stock: its lines stay free
 * lines. One row per product, so the sync inbox says it once.
 */
export const shopifyProductsWithoutSku = pgTable(
  "shopify_product_without_sku",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    /** Shopify's product id, or the line's title when the line names no product. */
    productKey: text("product_key").notNull(),
    title: text("title").notNull(),
    /** The first order it was seen in ("#1042"). */
    orderName: text("order_name"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("shopify_product_without_sku_key").on(t.organisationId, t.productKey)],
);
