import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { organisationId } from "./tenant-column";

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
    cause: text("cause").$type<"document_line" | "manual">().notNull(),
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
