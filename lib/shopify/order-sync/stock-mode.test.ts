import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createArticle, getArticleBySku } from "@/db/queries/articles";
import { getDocument } from "@/db/queries/documents";
import { currentStock, stockHistory } from "@/db/queries/stock";
import { listProductsWithoutSku, listStockModeChanges } from "@/db/queries/stock-mode";
import { articles } from "@/db/schema";
import { openTestDb } from "@/db/testing/test-db";
import type { Tenant } from "@/db/tenant";
import { articleSchema } from "@/lib/articles/article-schema";
import { currentStockMode } from "@/lib/articles/stock-mode";
import { switchStockMode } from "@/lib/articles/switch-stock-mode";
import { systemClock } from "@/lib/calendar/clock";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import type { JobContext } from "@/lib/jobs/job-handler";
import { startQueue, type Queue } from "@/lib/jobs/queue";
import { testJobContext } from "@/lib/jobs/testing/test-worker";
import { orderDeliveries } from "../testing/order-deliveries.test-support";
import { TEST_SHOPIFY_ENV } from "../testing/shopify-test-env";

/**
 * The only refund fixture belongs to a test shop in US dollars; these tests are about the
 * refund, so its order and refund are read as if that shop counted in euro (a dollar
 * invoice cannot be sent without its VAT total in euro).
 */
function inEuro<T>(payload: T): T {
  return JSON.parse(JSON.stringify(payload).replaceAll('"USD"', '"EUR"')) as T;
}

let handle: DbHandle;
let ctx: JobContext;
let boss: Queue;
const { fixture, freshOrder, newShop, deliver, documentsOf } = orderDeliveries(() => ({
  handle,
  ctx,
}));

beforeAll(async () => {
  handle = await openTestDb();
  boss = await startQueue(handle);
  ctx = { ...testJobContext(handle, TEST_SHOPIFY_ENV), queue: boss };
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await handle?.close();
});

const CUP = "ADK-TAS-BLM"; // 2 × 24,95 incl. 21 % in eu-be-b2c-21-paid-fr.json
const PLATE = "ADK-ASS-27-BC"; // 1 × 32,50 incl. 21 %

async function stockOf(t: Tenant, sku: string) {
  const article = await getArticleBySku(handle.db, t, sku);
  if (!article) throw new Error(`no article ${sku}`);
  return currentStock(handle.db, t, article.id);
}

const toFacturo = (t: Tenant, counts?: Parameters<typeof switchStockMode>[2]["counts"]) =>
  switchStockMode(handle.db, t, { mode: "facturo", userId: null, counts }, systemClock);

describe("Shopify keeps the stock (the default)", () => {
  it("creates untracked articles for the line editor, and no invoice or refund moves stock", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: true });
    expect(await currentStockMode(handle.db, s.t)).toBe("shopify");
    // Even an article the merchant tracks by hand does not move for a Shopify document.
    const own = await createArticle(
      handle.db,
      s.t,
      articleSchema.parse({
        sku: PLATE,
        name: "Assiette (mine)",
        unitPrice: "20",
        vat: "S:2100",
        trackStock: true,
      }),
    );
    if (!own.ok) throw new Error(own.reason);
    expect(await deliver(s, "orders/paid", freshOrder("eu-be-b2c-21-paid-fr.json"))).toMatchObject({
      outcome: "document_sent",
    });
    expect(await getArticleBySku(handle.db, s.t, CUP)).toMatchObject({
      name: "Tasse en grès émaillé – Bleu de Meuse",
      source: "shopify",
      trackStock: false,
      unitPriceCents: 2062, // 24,95 / 1,21
      vatCategory: "S",
      vatRateBp: 2100,
    });
    expect(await getArticleBySku(handle.db, s.t, PLATE)).toMatchObject({
      name: "Assiette (mine)",
      source: "manual",
      unitPriceCents: 2000,
    });
    expect(await stockOf(s.t, PLATE)).toBe(0);
    expect(await stockOf(s.t, CUP)).toBe(0);
  });
});

describe("Facturo keeps the stock", () => {
  it("switching asks for a count: known SKUs are set to it, unknown ones are named, the switch is logged", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: true });
    // An order before the switch: its articles exist, untracked, and nothing moved.
    await deliver(s, "orders/paid", freshOrder("eu-be-b2c-21-paid-fr.json"));
    const result = await toFacturo(s.t, {
      csv: [
        { sku: CUP, quantityMilli: 10_000 },
        { sku: "NOT-IN-FACTURO", quantityMilli: 3_000 },
      ],
      shopify: [
        { sku: CUP, quantityMilli: 99_000 },
        { sku: PLATE, quantityMilli: 4_000 },
      ],
    });
    expect(result).toMatchObject({
      changed: true,
      startingCount: { sources: ["csv", "shopify"], counted: 2, unknownSkus: ["NOT-IN-FACTURO"] },
    });
    expect(await stockOf(s.t, CUP)).toBe(10_000); // the file's line wins over Shopify's level
    expect(await stockOf(s.t, PLATE)).toBe(4_000);
    expect((await getArticleBySku(handle.db, s.t, CUP))?.trackStock).toBe(true);
    const cup = await getArticleBySku(handle.db, s.t, CUP);
    const history = await stockHistory(handle.db, s.t, cup?.id ?? "");
    expect(history.map((m) => [m.cause, m.quantityMilli, m.note])).toEqual([
      ["import", 10_000, "count:csv"],
    ]);
    // Counting again to the same numbers moves nothing; choosing Facturo again changes nothing.
    await toFacturo(s.t, { csv: [{ sku: CUP, quantityMilli: 10_000 }] });
    expect(await stockHistory(handle.db, s.t, cup?.id ?? "")).toHaveLength(1);
    expect(await toFacturo(s.t)).toEqual({ changed: false, mode: "facturo" });
    const log = await listStockModeChanges(handle.db, s.t);
    expect(log.map((c) => c.mode)).toEqual(["facturo", "facturo"]);
  });

  it("an invoice lowers the stock of the articles it matches or creates, once per line", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: true });
    await toFacturo(s.t);
    const order = freshOrder("eu-be-b2c-21-paid-fr.json");
    expect(await deliver(s, "orders/paid", order)).toMatchObject({ outcome: "document_sent" });
    expect(await getArticleBySku(handle.db, s.t, CUP)).toMatchObject({
      source: "shopify",
      trackStock: true,
    });
    expect(await stockOf(s.t, CUP)).toBe(-2_000);
    expect(await stockOf(s.t, PLATE)).toBe(-1_000);
    // Repeated deliveries: one document, one article per SKU, the stock moved once.
    await deliver(s, "orders/paid", order);
    await deliver(s, "orders/updated", order);
    expect(await documentsOf(s)).toHaveLength(1);
    const made = await handle.db
      .select()
      .from(articles)
      .where(eq(articles.organisationId, s.t.organisationId));
    expect(made.map((a) => a.sku).sort()).toEqual([PLATE, CUP].sort());
    expect(await stockOf(s.t, CUP)).toBe(-2_000);
  });

  it("a cancelled order's credit note puts the stock back", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: true });
    await toFacturo(s.t);
    const order = freshOrder("eu-be-b2c-21-paid-fr.json");
    await deliver(s, "orders/paid", order);
    expect(await stockOf(s.t, CUP)).toBe(-2_000);
    const cancelled = await deliver(s, "orders/cancelled", {
      ...order,
      cancelled_at: "2026-03-05T10:00:00+01:00",
    });
    expect(cancelled).toMatchObject({ outcome: "credit_note_created" });
    expect(
      (await getDocument(handle.db, s.t, cancelled?.documentId ?? ""))?.document.status,
    ).not.toBe("concept");
    expect(await stockOf(s.t, CUP)).toBe(0);
    expect(await stockOf(s.t, PLATE)).toBe(0);
  });

  it("a refund raises the stock of what Shopify restocked, and only that", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: true });
    await toFacturo(s.t);
    const sku = "GD802-STOCK";
    const base = inEuro(
      freshOrder("testshop-usd-ontario-hst13-before-refund.json", { test: false }),
    );
    const order: Record<string, unknown> = {
      ...base,
      line_items: (base.line_items as Record<string, unknown>[]).map((l) => ({ ...l, sku })),
    };
    await deliver(s, "orders/paid", order);
    expect(await stockOf(s.t, sku)).toBe(-2_000);
    const refund: Record<string, unknown> = {
      ...inEuro(fixture("refunds/testshop-usd-ontario-hst13-refund-one-unit.json")),
      order_id: order.id,
    };
    expect(await deliver(s, "refunds/create", refund)).toMatchObject({
      outcome: "credit_note_created",
    });
    expect(await stockOf(s.t, sku)).toBe(-1_000);
    const noRestock = {
      ...refund,
      id: 993,
      admin_graphql_api_id: "gid://shopify/Refund/993",
      refund_line_items: (refund.refund_line_items as Record<string, unknown>[]).map((l) => ({
        ...l,
        restock_type: "no_restock",
      })),
    };
    expect(await deliver(s, "refunds/create", noRestock)).toMatchObject({
      outcome: "credit_note_created",
    });
    expect(await stockOf(s.t, sku)).toBe(-1_000);
  });

  it("order forms and delivery notes match articles but move no stock", async () => {
    for (const documentType of ["order_form", "delivery_note"] as const) {
      const s = await newShop({ documentType, trigger: "order_paid", autoSend: false });
      await toFacturo(s.t);
      const delivery = await deliver(s, "orders/paid", freshOrder("eu-be-b2c-21-paid-fr.json"));
      await finaliseDocument(
        handle.db,
        s.t,
        { documentId: delivery?.documentId ?? "" },
        systemClock,
      );
      expect((await getArticleBySku(handle.db, s.t, CUP))?.trackStock).toBe(true);
      expect(await stockOf(s.t, CUP)).toBe(0);
    }
  });

  it("a product without a SKU stays a free line, and is named once", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: false });
    const withoutSku = () => {
      const base = freshOrder("eu-be-b2c-21-paid-fr.json");
      return {
        ...base,
        line_items: (base.line_items as Record<string, unknown>[]).map((l) =>
          l.sku === CUP ? { ...l, sku: null } : l,
        ),
      };
    };
    // While Shopify keeps the stock, nobody needs to hear about it.
    await deliver(s, "orders/paid", withoutSku());
    expect(await listProductsWithoutSku(handle.db, s.t)).toEqual([]);
    await toFacturo(s.t);
    const first = await deliver(s, "orders/paid", withoutSku());
    await deliver(s, "orders/paid", withoutSku());
    const named = await listProductsWithoutSku(handle.db, s.t);
    expect(named.map((p) => [p.productKey, p.title, p.orderName])).toEqual([
      ["8008482689669", "Tasse en grès émaillé – Bleu de Meuse", "#1041"],
    ]);
    const lines = (await getDocument(handle.db, s.t, first?.documentId ?? ""))?.lines ?? [];
    expect(lines.map((l) => l.sku)).toEqual([null, PLATE, null]); // the cup, the plate, shipping
    expect(await getArticleBySku(handle.db, s.t, CUP)).toBeNull();
  });
});

describe("switching back to Shopify", () => {
  it("untracks Shopify's articles: nothing moves afterwards, not even a concept made before", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: false });
    await toFacturo(s.t, { csv: [] });
    const before = await deliver(s, "orders/paid", freshOrder("eu-be-b2c-21-paid-fr.json"));
    await finaliseDocument(handle.db, s.t, { documentId: before?.documentId ?? "" }, systemClock);
    expect(await stockOf(s.t, CUP)).toBe(-2_000);
    const waiting = await deliver(s, "orders/paid", freshOrder("eu-be-b2c-21-paid-fr.json"));

    expect(
      await switchStockMode(handle.db, s.t, { mode: "shopify", userId: null }, systemClock),
    ).toMatchObject({ changed: true, mode: "shopify", startingCount: null });
    expect((await getArticleBySku(handle.db, s.t, CUP))?.trackStock).toBe(false);
    await finaliseDocument(handle.db, s.t, { documentId: waiting?.documentId ?? "" }, systemClock);
    const after = await deliver(s, "orders/paid", freshOrder("eu-be-b2c-21-paid-fr.json"));
    await finaliseDocument(handle.db, s.t, { documentId: after?.documentId ?? "" }, systemClock);
    expect(await stockOf(s.t, CUP)).toBe(-2_000);
    expect((await listStockModeChanges(handle.db, s.t)).map((c) => c.mode)).toEqual([
      "shopify",
      "facturo",
    ]);
  });
});
