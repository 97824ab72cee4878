import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleSchema, emptyArticleInput, type ArticleInput } from "@/lib/articles/article-schema";
import { conceptSchema, type ConceptInput } from "@/lib/documents/concept-schema";
import type { DocumentType } from "@/lib/documents/document-lifecycle";
import type { DbHandle } from "../client";
import { documentLines, stockMovements } from "../schema";
import { tenant, type Tenant } from "../tenant";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "../testing/test-db";
import {
  countLowStockArticles,
  createArticle,
  createMissingShopifyArticles,
  listArticles,
} from "./articles";
import type { ArticleFields } from "@/lib/articles/article-schema";
import type { StockHistoryCause } from "@/lib/articles/stock-history-cause";
import { switchStockMode } from "@/lib/articles/switch-stock-mode";
import { createConcept } from "@/lib/documents/create-concept";
import {
  currentStock,
  recordDocumentLineMovement,
  recordManualCorrection,
  stockHistory,
} from "./stock";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { fixedClock } from "@/lib/calendar/clock";

let handle: DbHandle;
let t: Tenant;
let other: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  const user = await createUser(handle.db);
  t = tenant((await createOrg(handle.db, user.id)).id);
  other = tenant((await createOrg(handle.db, user.id)).id);
});
afterAll(() => handle?.close());

async function article(over: Partial<ArticleInput> = {}) {
  const sku = `SKU-${uniqueSuffix()}`;
  const result = await createArticle(
    handle.db,
    t,
    articleSchema.parse({
      ...emptyArticleInput,
      name: "Bougie",
      unitPrice: "10",
      sku,
      trackStock: true,
      ...over,
    }),
  );
  if (!result.ok) throw new Error(result.reason);
  return { id: result.id, sku: over.sku ?? sku };
}

/** A finalised document with one line per [sku, quantity]. */
async function finalised(type: DocumentType, lines: [string | null, string][]) {
  const input: ConceptInput = {
    type,
    customerId: null,
    language: "fr",
    issueDate: "2026-03-02",
    dueDate: "",
    legend: "",
    lines: lines.map(([sku, quantity]) => ({
      description: `Line ${sku ?? "free"}`,
      sku: sku ?? "",
      quantity,
      unitPrice: "10.00",
      priceMode: "excl",
      discountPercent: "",
      vatCategory: "S",
      vatRateBp: 2100,
    })),
  };
  const id = await createConcept(handle.db, t, conceptSchema.parse(input));
  const document = await finaliseDocument(
    handle.db,
    t,
    { documentId: id },
    fixedClock(new Date("2026-03-02T10:00:00Z")),
  );
  const rows = await handle.db
    .select()
    .from(documentLines)
    .where(eq(documentLines.documentId, id))
    .orderBy(documentLines.position);
  return { document, lines: rows };
}

describe("stock ledger", () => {
  it("an invoice takes stock out, with a movement linked to its line and document", async () => {
    const candle = await article();
    await recordManualCorrection(handle.db, t, candle.id, 10_000, "Opening stock");
    const { document, lines } = await finalised("invoice", [[candle.sku, "3"]]);

    expect(await currentStock(handle.db, t, candle.id)).toBe(7000);
    const [latest] = await stockHistory(handle.db, t, candle.id);
    expect(latest).toMatchObject({
      quantityMilli: -3000,
      cause: "document_line",
      note: null,
      document: { id: document.id, type: "invoice", number: document.number },
    });
    const [movement] = await handle.db
      .select()
      .from(stockMovements)
      .where(eq(stockMovements.articleId, candle.id))
      .orderBy(stockMovements.createdAt);
    expect(movement).toMatchObject({ cause: "manual", note: "Opening stock" });
    expect(
      await handle.db
        .select()
        .from(stockMovements)
        .where(eq(stockMovements.documentLineId, lines[0]!.id)),
    ).toHaveLength(1);
  });

  it("moves a line's stock once: a replay is a no-op", async () => {
    const candle = await article();
    const { lines } = await finalised("invoice", [[candle.sku, "1.5"]]);
    const line = lines[0]!;
    expect(await currentStock(handle.db, t, candle.id)).toBe(-1500);

    const replayed = await recordDocumentLineMovement(handle.db, t, {
      articleId: candle.id,
      documentLineId: line.id,
      quantityMilli: -1500,
    });
    expect(replayed).toBe(false);
    expect(await currentStock(handle.db, t, candle.id)).toBe(-1500);
    expect(await stockHistory(handle.db, t, candle.id)).toHaveLength(1);
  });

  it.each(["order_form", "delivery_note"] as const)(
    "a finalised %s does not move stock",
    async (type) => {
      const candle = await article();
      await finalised(type, [[candle.sku, "2"]]);
      expect(await currentStock(handle.db, t, candle.id)).toBe(0);
      expect(await stockHistory(handle.db, t, candle.id)).toEqual([]);
    },
  );

  it("a credit note puts stock back", async () => {
    const candle = await article();
    await finalised("invoice", [[candle.sku, "4"]]);
    const { document } = await finalised("credit_note", [[candle.sku, "1"]]);
    expect(await currentStock(handle.db, t, candle.id)).toBe(-3000);
    const [latest] = await stockHistory(handle.db, t, candle.id);
    expect(latest).toMatchObject({
      quantityMilli: 1000,
      document: { id: document.id, type: "credit_note" },
    });
  });

  it("untracked articles and lines without a known SKU never move", async () => {
    const untracked = await article({ trackStock: false });
    const tracked = await article();
    await finalised("invoice", [
      [untracked.sku, "2"],
      [null, "1"],
      [`UNKNOWN-${uniqueSuffix()}`, "1"],
      [tracked.sku, "0.25"],
    ]);
    expect(await currentStock(handle.db, t, untracked.id)).toBe(0);
    expect(await stockHistory(handle.db, t, untracked.id)).toEqual([]);
    expect(await currentStock(handle.db, t, tracked.id)).toBe(-250);
  });

  it("records manual corrections with their note, and allows negative stock", async () => {
    const candle = await article();
    await recordManualCorrection(handle.db, t, candle.id, 2000, "Inventory count");
    const id = await recordManualCorrection(handle.db, t, candle.id, -5500, "Broken in transport");
    expect(id).toEqual(expect.any(String));
    expect(await currentStock(handle.db, t, candle.id)).toBe(-3500);
    expect(
      (await stockHistory(handle.db, t, candle.id)).map((m) => [m.quantityMilli, m.note, m.cause]),
    ).toEqual([
      [-5500, "Broken in transport", "manual"],
      [2000, "Inventory count", "manual"],
    ]);
    await expect(recordManualCorrection(handle.db, t, candle.id, 0, "Nothing")).rejects.toThrow();
  });

  it("lists movements newest first in the order they were entered, even with one timestamp", async () => {
    const candle = await article();
    // In one transaction every row gets the same now(), on both databases; PGlite's clock
    // also moves in whole milliseconds, so two quick corrections can share it just the same.
    const notes = Array.from({ length: 12 }, (_, i) => `Count ${i + 1}`);
    await handle.db.transaction(async (tx) => {
      for (const note of notes) await recordManualCorrection(tx, t, candle.id, 1000, note);
    });
    const history = await stockHistory(handle.db, t, candle.id);
    expect(new Set(history.map((m) => m.createdAt.getTime())).size).toBe(1);
    expect(history.map((m) => m.note)).toEqual(notes.toReversed());
  });

  it("keeps one organisation's ledger out of another's reach", async () => {
    const candle = await article();
    await recordManualCorrection(handle.db, t, candle.id, 1000, "Mine");
    expect(await recordManualCorrection(handle.db, other, candle.id, 9000, "Theirs")).toBeNull();
    expect(await currentStock(handle.db, other, candle.id)).toBe(0);
    expect(await stockHistory(handle.db, other, candle.id)).toEqual([]);
    expect(await currentStock(handle.db, t, candle.id)).toBe(1000);
  });
});

describe("what the Articles page shows", () => {
  it("filters the history per cause: invoice, credit note, correction, starting count", async () => {
    const candle = await article();
    await recordManualCorrection(handle.db, t, candle.id, 5000, "Delivery");
    await switchStockMode(
      handle.db,
      t,
      {
        mode: "facturo",
        userId: null,
        counts: { csv: [{ sku: candle.sku, quantityMilli: 8000 }] },
      },
      fixedClock(new Date("2026-03-02T09:00:00Z")),
    );
    await finalised("invoice", [[candle.sku, "2"]]);
    await finalised("credit_note", [[candle.sku, "1"]]);
    const causes = async (cause?: StockHistoryCause) =>
      (await stockHistory(handle.db, t, candle.id, 100, cause)).map((m) => m.quantityMilli);
    expect(await causes()).toEqual([1000, -2000, 3000, 5000]);
    expect(await causes("invoice")).toEqual([-2000]);
    expect(await causes("credit_note")).toEqual([1000]);
    expect(await causes("correction")).toEqual([5000]);
    expect(await causes("import")).toEqual([3000]);
  });

  it("lists articles from Shopify and those at or below their low-stock threshold", async () => {
    const user = await createUser(handle.db);
    const shop = tenant((await createOrg(handle.db, user.id)).id);
    const make = async (sku: string, over: Partial<ArticleFields>) => {
      const fields = {
        ...articleSchema.parse({ ...emptyArticleInput, name: sku, unitPrice: "1", sku }),
        ...over,
      };
      const made = await createArticle(handle.db, shop, fields);
      if (!made.ok) throw new Error(made.reason);
      return made.id;
    };
    const low = await make("LOW", { trackStock: true, lowStockMilli: 2000 });
    await recordManualCorrection(handle.db, shop, low, 2000, "Count");
    const fine = await make("FINE", { trackStock: true, lowStockMilli: 2000 });
    await recordManualCorrection(handle.db, shop, fine, 2500, "Count");
    await make("EMPTY", { trackStock: true, lowStockMilli: 0 }); // 0 in stock: at its threshold
    await make("UNTRACKED", { trackStock: false, lowStockMilli: 5000 });
    await make("NO-ALERT", { trackStock: true });
    await createMissingShopifyArticles(
      handle.db,
      shop,
      [
        {
          sku: "SHOP-1",
          name: "From the shop",
          unitPriceCents: 100,
          vatCategory: "S",
          vatRateBp: 2100,
        },
      ],
      false,
    );
    const skus = async (query: Parameters<typeof listArticles>[2]) =>
      (await listArticles(handle.db, shop, query)).rows.map((a) => a.sku);
    expect(await skus({ lowStock: true })).toEqual(["EMPTY", "LOW"]);
    expect(await countLowStockArticles(handle.db, shop)).toBe(2);
    expect(await skus({ fromShopify: true })).toEqual(["SHOP-1"]);
    expect((await listArticles(handle.db, shop, { fromShopify: true })).total).toBe(1);
    expect(await countLowStockArticles(handle.db, other)).toBe(0);
  });
});
