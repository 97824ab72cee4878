import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createArticle } from "@/db/queries/articles";
import { getDocument } from "@/db/queries/documents";
import { updateConcept } from "@/lib/documents/update-concept";
import { listPayments } from "@/db/queries/payments";
import { currentStock, recordManualCorrection } from "@/db/queries/stock";
import {
  customers,
  documents,
  shopifyConnections,
  shopifyWebhookDeliveries,
  documentSends,
} from "@/db/schema";
import { concept, line } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { testJobContext } from "@/lib/jobs/testing/test-worker";
import { tenant, type Tenant } from "@/db/tenant";
import { articleSchema } from "@/lib/articles/article-schema";
import type { JobContext } from "@/lib/jobs/job-handler";
import { startQueue, type Queue } from "@/lib/jobs/queue";
import {
  connectTestShop,
  signedWebhookRequest,
  TEST_SHOPIFY_ENV,
} from "../testing/shopify-test-env";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import { processShopifyDeliveryHandler } from "@/lib/shopify/jobs/process-delivery.handler";
import { receiveWebhook } from "../intake/receive-webhook";
import type { OrderSettings } from "./order-settings";
import { SHOPIFY_FIXTURES } from "@/test/fixtures";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { systemClock } from "@/lib/calendar/clock";
import { switchStockMode } from "@/lib/articles/switch-stock-mode";

/**
 * The only refund fixture belongs to a test shop in US dollars; these tests are about the
 * refund, so its order and refund are read as if that shop counted in euro (a dollar
 * invoice cannot be sent without its VAT total in euro).
 */
function inEuro<T>(payload: T): T {
  return JSON.parse(JSON.stringify(payload).replaceAll('"USD"', '"EUR"')) as T;
}

const FIXTURES = SHOPIFY_FIXTURES;
const orderFixture = (name: string) => fixture(`orders/${name}`);
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as Record<string, unknown>;

let handle: DbHandle;
let ctx: JobContext;
let boss: Queue;

interface Shop {
  t: Tenant;
  shop: string;
}

let nextOrderId = 7_000_000_000_000;

/** A fixture as a new order of this test (its own id, so tests do not share documents). */
function freshOrder(name: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const id = ++nextOrderId;
  return {
    ...orderFixture(name),
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    ...changes,
  };
}

async function newShop(settings: Partial<OrderSettings>): Promise<Shop> {
  const t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  const shop = `sync-${uniqueSuffix()}.myshopify.com`;
  const connectionId = await connectTestShop(handle.db, t, shop, ctx.config.ENCRYPTION_KEY);
  await handle.db
    .update(shopifyConnections)
    .set({ settings })
    .where(eq(shopifyConnections.id, connectionId));
  return { t, shop };
}

/** Webhook → intake → stored delivery; returns the queued job (not run yet). */
async function receive({ shop }: Shop, topic: string, body: unknown) {
  const queued: { organisationId: string; deliveryId: string }[] = [];
  const result = await receiveWebhook(
    { db: handle.db, config: ctx.config, enqueueDelivery: async (d) => queued.push(d) },
    signedWebhookRequest({ topic, shop, body: JSON.stringify(body) }),
  );
  expect(result.status).toBe(200);
  return queued;
}

async function deliver(s: Shop, topic: string, body: unknown) {
  const jobs = await receive(s, topic, body);
  for (const job of jobs) await processShopifyDeliveryHandler.run(job, ctx);
  const [row] = await handle.db
    .select()
    .from(shopifyWebhookDeliveries)
    .where(eq(shopifyWebhookDeliveries.id, jobs[0]?.deliveryId ?? ""));
  return row;
}

async function documentsOf({ t }: Shop) {
  return handle.db.select().from(documents).where(eq(documents.organisationId, t.organisationId));
}

beforeAll(async () => {
  handle = await openTestDb();
  boss = await startQueue(handle);
  ctx = { ...testJobContext(handle, TEST_SHOPIFY_ENV), queue: boss };
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await handle?.close();
});

describe("an order becomes a document", () => {
  it("creates a concept invoice with Shopify's totals, its customer and the order's reference", async () => {
    const s = await newShop({ trigger: "order_created", autoSend: false });
    const order = freshOrder("eu-be-mixed-6-21-unpaid-nl.json");
    const delivery = await deliver(s, "orders/create", order);
    expect(delivery).toMatchObject({ status: "processed", outcome: "concept_created" });
    const found = await getDocument(handle.db, s.t, delivery?.documentId ?? "");
    expect(found?.document).toMatchObject({
      type: "invoice",
      status: "concept",
      source: "shopify",
      sourceId: String(order.id),
      sourceName: "#1042",
      totalCents: 9037,
      totalVatCents: 1201,
      currency: "EUR",
      paidOnIssue: null,
    });
    expect(found?.document.customer).toMatchObject({
      name: "Pieter Verstraete",
      email: "pieter.verstraete@example.com",
    });
    expect(found?.lines.map((l) => l.sku)).toContain("BAR-MINI-ZW");
  });

  it("makes one document whatever the deliveries: repeats, paid before created, 50 at once", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: false });
    const order = freshOrder("eu-be-b2c-21-paid-fr.json");
    await deliver(s, "orders/paid", order);
    await deliver(s, "orders/create", order);
    for (let i = 0; i < 10; i++) await deliver(s, "orders/create", order);
    const burst = await Promise.all(
      Array.from({ length: 50 }, () => receive(s, "orders/updated", order)),
    );
    await Promise.all(burst.flat().map((job) => processShopifyDeliveryHandler.run(job, ctx)));
    const made = await documentsOf(s);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ totalCents: 8935, totalVatCents: 1551 });
    const deliveries = await handle.db
      .select()
      .from(shopifyWebhookDeliveries)
      .where(eq(shopifyWebhookDeliveries.shop, s.shop));
    expect(deliveries).toHaveLength(62);
    expect(deliveries.filter((d) => d.status === "failed")).toEqual([]);
  });

  it("creates the buyer once when their first order's deliveries arrive together", async () => {
    const s = await newShop({ trigger: "order_created", autoSend: false });
    const order = freshOrder("eu-be-b2b-vat-number-en.json");
    const burst = await Promise.all(
      ["orders/create", "orders/paid", "orders/updated"].map((topic) => receive(s, topic, order)),
    );
    await Promise.all(burst.flat().map((job) => processShopifyDeliveryHandler.run(job, ctx)));
    const buyers = await handle.db
      .select()
      .from(customers)
      .where(eq(customers.organisationId, s.t.organisationId));
    expect(buyers).toHaveLength(1);
    expect(await documentsOf(s)).toHaveLength(1);
  });

  it("waits for the chosen action: a pending order under 'order paid' makes nothing until it is paid", async () => {
    const s = await newShop({ trigger: "order_paid" });
    const order = freshOrder("eu-be-mixed-6-21-unpaid-nl.json");
    expect(await deliver(s, "orders/create", order)).toMatchObject({
      status: "ignored",
      outcome: "waiting_for_order_paid",
    });
    expect(await documentsOf(s)).toHaveLength(0);
    const paid = await deliver(s, "orders/paid", { ...order, financial_status: "paid" });
    expect(paid?.outcome).toBe("concept_created");
    const [document] = await documentsOf(s);
    expect(document?.paidOnIssue).toMatchObject({ method: "shopify", reference: "Bank Deposit" });
  });

  it("sends automatically: numbered, paid with the gateway noted, emailed to the order's address", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: true });
    const order = freshOrder("eu-be-b2c-21-paid-fr.json");
    expect(await deliver(s, "orders/create", order)).toMatchObject({ outcome: "document_sent" });
    const [document] = await documentsOf(s);
    expect(document).toMatchObject({ status: "paid", paidCents: 8935 });
    expect(document?.number).toMatch(/^\d{4}-\d{4}$/);
    // Issued as paid: the ledger holds the payment, so it shows (and can be undone).
    expect(
      (await listPayments(handle.db, s.t, document?.id ?? "")).map((p) => [
        p.amountCents,
        p.method,
      ]),
    ).toEqual([[8935, "shopify"]]);
    const sends = await handle.db
      .select()
      .from(documentSends)
      .where(eq(documentSends.documentId, document?.id ?? ""));
    expect(sends.map((x) => x.toAddress)).toEqual(["louise.dubois@example.be"]);
  });

  it("finishes an automatic send that a dying worker left as a concept, when the delivery is retried", async () => {
    const s = await newShop({ trigger: "order_created", autoSend: true });
    const order = freshOrder("eu-be-b2c-21-paid-fr.json");
    // The first attempt created the concept and died before sending: as if auto-send were off.
    await handle.db
      .update(shopifyConnections)
      .set({ settings: { trigger: "order_created", autoSend: false } })
      .where(eq(shopifyConnections.shop, s.shop));
    await deliver(s, "orders/create", order);
    expect((await documentsOf(s))[0]?.status).toBe("concept");
    await handle.db
      .update(shopifyConnections)
      .set({ settings: { trigger: "order_created", autoSend: true } })
      .where(eq(shopifyConnections.shop, s.shop));
    expect(await deliver(s, "orders/create", order)).toMatchObject({ outcome: "document_sent" });
    const [document] = await documentsOf(s);
    expect(document?.status).toBe("paid");
    // Once sent, a further delivery sends nothing again.
    await deliver(s, "orders/create", order);
    const sends = await handle.db
      .select()
      .from(documentSends)
      .where(eq(documentSends.documentId, document?.id ?? ""));
    expect(sends).toHaveLength(1);
  });

  it("queues again an email whose job a dying worker never queued, when the delivery is retried", async () => {
    const s = await newShop({ trigger: "order_created", autoSend: true });
    const order = freshOrder("eu-be-b2c-21-paid-fr.json");
    await deliver(s, "orders/create", order);
    const [document] = await documentsOf(s);
    // As if the worker died after storing the send, before queueing its job.
    const jobs = () =>
      handle.db.execute(
        sql`select count(*)::int as n from pgboss.job where name = ${sendDocumentJob.name} and data->>'organisationId' = ${s.t.organisationId}`,
      );
    const countJobs = async () =>
      Number(((await jobs()) as { rows: { n: number }[] }).rows[0]?.n ?? 0);
    expect(await countJobs()).toBe(1);
    await handle.db.execute(
      sql`delete from pgboss.job where name = ${sendDocumentJob.name} and data->>'organisationId' = ${s.t.organisationId}`,
    );
    await deliver(s, "orders/create", order);
    expect(await countJobs()).toBe(1);
    const sends = await handle.db
      .select()
      .from(documentSends)
      .where(eq(documentSends.documentId, document?.id ?? ""));
    expect(sends).toHaveLength(1);
  });

  it("keeps a concept and says why when an automatic send has no address", async () => {
    const s = await newShop({ trigger: "order_created", autoSend: true });
    const order = freshOrder("eu-be-b2c-21-paid-fr.json", {
      email: null,
      contact_email: null,
      customer: null,
    });
    const delivery = await deliver(s, "orders/create", order);
    expect(delivery).toMatchObject({ status: "failed", outcome: "missing_email" });
    const [document] = await documentsOf(s);
    expect(document?.status).toBe("concept");
    expect(delivery?.documentId).toBe(document?.id);
  });

  it("marks the invoice paid when an order created unpaid is paid later", async () => {
    const s = await newShop({ trigger: "order_created", autoSend: true });
    const order = freshOrder("eu-be-mixed-6-21-unpaid-nl.json");
    await deliver(s, "orders/create", order);
    const [sent] = await documentsOf(s);
    expect(sent?.status).toBe("sent");
    expect(await deliver(s, "orders/paid", { ...order, financial_status: "paid" })).toMatchObject({
      outcome: "marked_paid",
    });
    const [paid] = await documentsOf(s);
    expect(paid).toMatchObject({ status: "paid", paidCents: 9037 });
    // Shopify repeats orders/paid: the payment is still recorded once.
    await deliver(s, "orders/paid", { ...order, financial_status: "paid" });
    expect(await listPayments(handle.db, s.t, paid?.id ?? "")).toHaveLength(1);
  });

  it("creates order forms and delivery notes when chosen, and ignores Shopify test orders", async () => {
    const s = await newShop({ documentType: "delivery_note", trigger: "order_fulfilled" });
    const order = freshOrder("eu-nl-oss-21-de.json");
    expect((await deliver(s, "orders/paid", order))?.outcome).toBe("waiting_for_order_fulfilled");
    expect(
      (await deliver(s, "orders/fulfilled", { ...order, fulfillment_status: "fulfilled" }))
        ?.outcome,
    ).toBe("concept_created");
    const test = freshOrder("testshop-usd-ontario-hst13-before-refund.json");
    expect((await deliver(s, "orders/fulfilled", test))?.outcome).toBe("test_order");
    const made = await documentsOf(s);
    expect(made.map((d) => d.type)).toEqual(["delivery_note"]);
  });

  it("keeps a delivery that verifies but is not an order, marked failed with the reason", async () => {
    const s = await newShop({});
    const delivery = await deliver(s, "orders/create", { id: 1, name: "#1" });
    expect(delivery).toMatchObject({ status: "failed", outcome: "unexpected_payload" });
    expect(delivery?.error).toBeTruthy();
  });
});

describe("what the review found", () => {
  it("an edited Shopify concept computes its own VAT instead of keeping Shopify's", async () => {
    const s = await newShop({ trigger: "order_created", autoSend: false });
    const delivery = await deliver(s, "orders/create", freshOrder("eu-be-b2c-21-paid-fr.json"));
    const id = delivery?.documentId ?? "";
    await updateConcept(
      handle.db,
      s.t,
      { documentId: id, concept: concept({ lines: [line()] }) },
      systemClock,
    );
    const edited = (await getDocument(handle.db, s.t, id))?.document;
    expect(edited).toMatchObject({
      fixedVat: null,
      totalNetCents: 1000,
      totalVatCents: 210,
      totalCents: 1210,
    });
  });

  it("does not send a document that does not add up to Shopify's total, and says why", async () => {
    const s = await newShop({ trigger: "order_created", autoSend: true });
    const money = { amount: "99.99", currency_code: "EUR" };
    const order = freshOrder("eu-be-b2c-21-paid-fr.json", {
      total_price: "99.99",
      total_price_set: { shop_money: money, presentment_money: money },
    });
    const delivery = await deliver(s, "orders/create", order);
    expect(delivery).toMatchObject({ status: "failed", outcome: "totals_mismatch" });
    const [document] = await documentsOf(s);
    expect(document?.status).toBe("concept");
  });

  it("issues a free paid order as paid, and cancelling it later changes nothing", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: true });
    const order = freshOrder("eu-be-free-order.json");
    await deliver(s, "orders/create", order);
    const [issued] = await documentsOf(s);
    expect(issued).toMatchObject({ status: "paid", totalCents: 0 });
    const cancelled = await deliver(s, "orders/cancelled", {
      ...order,
      cancelled_at: "2026-03-30T10:00:00+02:00",
    });
    expect(cancelled).toMatchObject({ status: "ignored", outcome: "already_credited" });
  });

  it("a returning buyer who now orders for a company gets the company's VAT number on the invoice", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: false });
    await deliver(s, "orders/create", freshOrder("eu-be-b2c-21-paid-fr.json"));
    const b2b = freshOrder("eu-be-b2c-21-paid-fr.json", {
      note_attributes: [{ name: "vat_number", value: "BE0403170701" }],
    });
    const delivery = await deliver(s, "orders/create", b2b);
    const document = (await getDocument(handle.db, s.t, delivery?.documentId ?? ""))?.document;
    expect(document?.customer?.vatNumber).toBe("BE0403170701");
  });
});

describe("cancellations and refunds", () => {
  it("cancels a concept, and credits a sent invoice in full", async () => {
    const s = await newShop({ trigger: "order_created", autoSend: false });
    const kept = freshOrder("eu-be-b2c-21-paid-fr.json");
    await deliver(s, "orders/create", kept);
    expect(
      (await deliver(s, "orders/cancelled", { ...kept, cancelled_at: "2026-03-05T10:00:00+01:00" }))
        ?.outcome,
    ).toBe("concept_cancelled");
    const issued = freshOrder("eu-be-mixed-6-21-unpaid-nl.json");
    const created = await deliver(s, "orders/create", issued);
    await finaliseDocument(handle.db, s.t, { documentId: created?.documentId ?? "" }, systemClock);
    const cancelled = { ...issued, cancelled_at: "2026-03-05T10:00:00+01:00" };
    const first = await deliver(s, "orders/cancelled", cancelled);
    expect(first?.outcome).toBe("credit_note_created");
    expect((await deliver(s, "orders/cancelled", cancelled))?.outcome).toBe("already_credited");
    const creditNote = (await getDocument(handle.db, s.t, first?.documentId ?? ""))?.document;
    expect(creditNote).toMatchObject({
      type: "credit_note",
      status: "concept",
      creditedDocumentId: created?.documentId,
      totalCents: 9037,
    });
  });

  it("credits a refund on the invoice, once, and restocks only what came back", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: true });
    // Facturo keeps the stock of Shopify's articles only once the merchant chose so.
    await switchStockMode(handle.db, s.t, { mode: "facturo", userId: null }, systemClock);
    const sku = `GD802-${uniqueSuffix()}`;
    const article = await createArticle(
      handle.db,
      s.t,
      articleSchema.parse({
        sku,
        name: "Headphones",
        unitPrice: "199.00",
        vat: "S:2100",
        trackStock: true,
      }),
    );
    if (!article.ok) throw new Error("article");
    await recordManualCorrection(handle.db, s.t, article.id, 10_000, "initial");
    const base = inEuro(
      freshOrder("testshop-usd-ontario-hst13-before-refund.json", { test: false }),
    );
    const order: Record<string, unknown> = {
      ...base,
      line_items: (base.line_items as Record<string, unknown>[]).map((l) => ({ ...l, sku })),
    };
    await deliver(s, "orders/paid", order);
    expect(await currentStock(handle.db, s.t, article.id)).toBe(8_000);

    const refund: Record<string, unknown> = {
      ...inEuro(fixture("refunds/testshop-usd-ontario-hst13-refund-one-unit.json")),
      order_id: order.id,
    };
    const credited = await deliver(s, "refunds/create", refund);
    expect(credited).toMatchObject({ status: "processed", outcome: "credit_note_created" });
    const creditNote = (await getDocument(handle.db, s.t, credited?.documentId ?? ""))?.document;
    expect(creditNote).toMatchObject({
      type: "credit_note",
      totalCents: 22487,
      totalVatCents: 2587,
    });
    // restock_type "cancel" puts the unit back.
    expect(await currentStock(handle.db, s.t, article.id)).toBe(9_000);
    expect((await deliver(s, "refunds/create", refund))?.outcome).toBe("already_credited");

    const noRestock: Record<string, unknown> = {
      ...refund,
      id: 991,
      admin_graphql_api_id: "gid://shopify/Refund/991",
      refund_line_items: structuredClone(refund.refund_line_items),
    };
    (noRestock.refund_line_items as Record<string, unknown>[]).forEach(
      (line) => (line.restock_type = "no_restock"),
    );
    expect((await deliver(s, "refunds/create", noRestock))?.outcome).toBe("credit_note_created");
    expect(await currentStock(handle.db, s.t, article.id)).toBe(9_000);

    const tooMuch = { ...refund, id: 992, admin_graphql_api_id: "gid://shopify/Refund/992" };
    expect(await deliver(s, "refunds/create", tooMuch)).toMatchObject({
      status: "failed",
      outcome: "credit_exceeds_invoice",
    });
  });
});
