import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleSchema, emptyArticleInput, type ArticleInput } from "@/lib/articles/article-schema";
import { conceptSchema, type ConceptInput } from "@/lib/documents/concept-schema";
import type { DocumentType } from "@/lib/documents/document-lifecycle";
import type { DbHandle } from "../client";
import { documentLines, stockMovements } from "../schema";
import { tenant, type Tenant } from "../tenant";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "../testing/test-db";
import { createArticle } from "./articles";
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
