import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { getDocument, listDocuments } from "@/db/queries/documents";
import { listPayments } from "@/db/queries/payments";
import {
  customers,
  documentSends,
  documents,
  shopifyConnections,
  shopifyWebhookDeliveries,
} from "@/db/schema";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { tenant, type Tenant } from "@/db/tenant";
import { brusselsToday } from "@/lib/calendar/brussels-date";
import { systemClock } from "@/lib/calendar/clock";
import { line } from "@/db/testing/document-factory";
import type { Concept } from "@/lib/documents/concept-schema";
import type { VatCategory } from "@/lib/vat";
import { documentState } from "@/lib/documents/document-state";
import { queueDocumentSends } from "@/lib/documents/queue-document-send";
import { updateConcept } from "@/lib/documents/update-concept";
import type { JobContext } from "@/lib/jobs/job-handler";
import { startQueue, type Queue } from "@/lib/jobs/queue";
import { testJobContext } from "@/lib/jobs/testing/test-worker";
import { loadDocumentPdfModel } from "@/lib/pdf/render-document-pdf";
import { renderDocumentUbl } from "@/lib/peppol/render-document-ubl";
import { validateUbl } from "@/lib/peppol/validation/validate-ubl";
import { processShopifyDeliveryHandler } from "@/lib/shopify/jobs/process-delivery.handler";
import { SHOPIFY_FIXTURES } from "@/test/fixtures";
import { receiveWebhook } from "../intake/receive-webhook";
import {
  connectTestShop,
  signedWebhookRequest,
  TEST_SHOPIFY_ENV,
} from "../testing/shopify-test-env";
import { VAT_DIFFERENCE_EVENT, vatDifferenceGroups } from "./vat-difference-event";
import type { OrderSettings } from "./order-settings";

/**
 * The only refund fixture belongs to a test shop in US dollars; these tests are about the
 * refund, so its order and refund are read as if that shop counted in euro (a dollar
 * invoice cannot be sent without its VAT total in euro).
 */
function inEuro<T>(payload: T): T {
  return JSON.parse(JSON.stringify(payload).replaceAll('"USD"', '"EUR"')) as T;
}

/**
 * Issue 14 through the real webhook path (HMAC, stored delivery, job, order sync), on the
 * test database (PGlite, or PostgreSQL with DATABASE_URL): the buyer of each order, the
 * dates of the supply, and exactly the money Shopify received.
 */

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(SHOPIFY_FIXTURES, name), "utf8")) as Record<string, unknown>;

let handle: DbHandle;
let ctx: JobContext;
let boss: Queue;
let nextId = 7_400_000_000_000;

interface Shop {
  t: Tenant;
  shop: string;
}

/** A fixture as an order of this test: its own order id, the customer's id kept unless asked. */
function order(name: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const id = ++nextId;
  return {
    ...fixture(`orders/${name}`),
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    ...changes,
  };
}

async function newShop(settings: Partial<OrderSettings>): Promise<Shop> {
  const t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  const shop = `issue14-${uniqueSuffix()}.myshopify.com`;
  const connectionId = await connectTestShop(handle.db, t, shop, ctx.config.ENCRYPTION_KEY);
  await handle.db
    .update(shopifyConnections)
    .set({ settings })
    .where(eq(shopifyConnections.id, connectionId));
  return { t, shop };
}

async function deliver({ shop }: Shop, topic: string, body: unknown) {
  const queued: { organisationId: string; deliveryId: string }[] = [];
  const result = await receiveWebhook(
    { db: handle.db, config: ctx.config, enqueueDelivery: async (d) => queued.push(d) },
    signedWebhookRequest({ topic, shop, body: JSON.stringify(body) }),
  );
  expect(result.status).toBe(200);
  for (const job of queued) await processShopifyDeliveryHandler.run(job, ctx);
  return delivery(queued[0]?.deliveryId ?? "");
}

async function delivery(id: string) {
  const [row] = await handle.db
    .select()
    .from(shopifyWebhookDeliveries)
    .where(eq(shopifyWebhookDeliveries.id, id));
  return row;
}

async function documentOf(s: Shop, id: string | null | undefined) {
  const found = await getDocument(handle.db, s.t, id ?? "");
  if (!found) throw new Error(`no document ${id}`);
  return found;
}

const categories = (lines: { vatCategory: string }[]) => lines.map((l) => l.vatCategory);

/** A stored concept as the form would save it again, with the merchant's changes. */
function asConcept(
  found: Awaited<ReturnType<typeof documentOf>>,
  changes: Partial<Concept> = {},
): Concept {
  const { document } = found;
  return {
    type: document.type,
    customerId: document.customerId,
    language: document.language,
    issueDate: document.issueDate,
    dueDate: document.dueDate,
    supplyDate: document.supplyDate,
    legend: document.legend,
    lines: found.lines.map((l) =>
      line({
        description: l.description,
        sku: l.sku,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        priceMode: l.priceMode,
        discountBp: l.discountBp,
        discountPercent: l.discountBp,
        vatCategory: l.vatCategory as VatCategory,
        vatRateBp: l.vatRateBp,
      }),
    ),
    ...changes,
  };
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

describe("the buyer on the document is the buyer of that order, frozen (audit regression)", () => {
  it("a returning customer now billed to Zürich, privately: Zürich, no company, no VAT number, an export", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: true });
    const first = await deliver(s, "orders/paid", order("eu-returning-nl-company-k-en.json"));
    const second = await deliver(s, "orders/paid", order("eu-returning-ch-private-nl.json"));
    expect([first?.outcome, second?.outcome]).toEqual(["document_sent", "document_sent"]);

    // One customer record for the merchant's list: the same Shopify customer.
    const records = await handle.db
      .select()
      .from(customers)
      .where(eq(customers.organisationId, s.t.organisationId));
    expect(records).toHaveLength(1);

    const company = await documentOf(s, first?.documentId);
    const zurich = await documentOf(s, second?.documentId);
    expect(company.document.customerId).toBe(records[0]?.id);
    expect(zurich.document.customerId).toBe(records[0]?.id);
    expect(zurich.document.customer).toEqual({
      name: "Sanne de Vries",
      company: null,
      vatNumber: null,
      email: "sanne@devries-koffie.example.nl",
      billing: {
        street: "Zeltweg 27",
        line2: null,
        postalCode: "8032",
        city: "Zürich",
        country: "CH",
      },
      delivery: null,
      language: "nl",
      origin: "order",
    });
    // The VAT treatment follows this order: goods leaving the EU.
    expect(categories(zurich.lines)).toEqual(["G", "G", "G"]);
    // The first invoice still names the Dutch company: the second order changed nothing on it.
    expect(company.document.customer).toMatchObject({
      company: "Koffiebranderij De Vries B.V.",
      vatNumber: "NL859310447B01",
      billing: { city: "Amsterdam", country: "NL" },
    });
    expect(categories(company.lines)).toEqual(["K", "K", "K"]);

    // The PDF prints the Zürich buyer and the export mention, nothing of the old company.
    const pdf = await loadDocumentPdfModel(handle.db, s.t, zurich.document.id);
    expect(pdf.buyer).toMatchObject({
      name: "Sanne de Vries",
      contact: null,
      vatNumber: null,
      // In the document's language: French, the company's (Foreign customers is off).
      addressLines: ["Zeltweg 27", "8032 Zürich", "Suisse"],
    });
    expect(JSON.stringify(pdf)).not.toMatch(/Koffiebranderij|NL859310447B01|Amsterdam/);
    expect(pdf.mentions.join(" ")).toMatch(/exportation/i);

    // The UBL says the same, and passes the Peppol rules.
    const ubl = (await renderDocumentUbl(handle.db, s.t, zurich.document.id)).xml;
    expect(ubl).toContain("<cbc:CityName>Zürich</cbc:CityName>");
    expect(ubl).not.toContain("NL859310447B01");
    expect((await validateUbl(ubl)).failures).toEqual([]);

    // Each invoice went to its own order's address.
    const sends = await handle.db
      .select()
      .from(documentSends)
      .where(eq(documentSends.organisationId, s.t.organisationId));
    expect(sends.map((send) => send.toAddress)).toEqual([
      "sanne@devries-koffie.example.nl",
      "sanne@devries-koffie.example.nl",
    ]);
  });

  it("a private order from a customer who earlier ordered as a company prints no company and no VAT number", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: false });
    const b2b = order("eu-be-b2b-vat-number-en.json");
    const customer = b2b.customer as Record<string, unknown>;
    const billing = b2b.billing_address as Record<string, unknown>;
    const privately = order("eu-be-b2b-vat-number-en.json", {
      note_attributes: [],
      billing_address: { ...billing, company: null },
      shipping_address: { ...billing, company: null },
      customer,
    });
    const first = await deliver(s, "orders/create", b2b);
    const second = await deliver(s, "orders/create", privately);
    const company = await documentOf(s, first?.documentId);
    const consumer = await documentOf(s, second?.documentId);
    expect(company.document.customer).toMatchObject({
      company: "Studio Verbeke BV",
      vatNumber: "BE0403170701",
    });
    expect(consumer.document.customer).toMatchObject({
      name: "Annelies Verbeke",
      company: null,
      vatNumber: null,
    });
    // B2B: VAT per rate, as the law computes it; B2C: what the customer paid, Shopify's.
    expect(company.document.fixedVat).toBeNull();
    expect(consumer.document.fixedVat).toEqual([
      { country: "BE", category: "S", rateBp: 2100, vatCents: 4772 },
    ]);

    // Issued as the merchant would: the snapshot stays the order's, even after the merchant
    // edits the customer record (the record serves the future, never this document).
    await handle.db
      .update(customers)
      .set({ billingStreet: "Elders 1", company: "Other BV", vatNumber: "BE0123456749" })
      .where(eq(customers.id, consumer.document.customerId ?? ""));
    await queueDocumentSends(handle.db, s.t, [consumer.document.id], boss, systemClock);
    const issued = await documentOf(s, consumer.document.id);
    expect(issued.document.status).toBe("paid");
    expect(issued.document.customer).toEqual(consumer.document.customer);
    const pdf = await loadDocumentPdfModel(handle.db, s.t, consumer.document.id);
    expect(pdf.buyer).toMatchObject({ name: "Annelies Verbeke", vatNumber: null });
    expect(pdf.buyer?.addressLines).toEqual(["Bruul 74", "2800 Mechelen"]);
  });

  it("picking another customer on a Shopify concept names that customer instead", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: false });
    const first = await deliver(s, "orders/create", order("eu-be-b2c-21-paid-fr.json"));
    const other = await deliver(s, "orders/create", order("eu-be-b2b-vat-number-en.json"));
    const concept = await documentOf(s, first?.documentId);
    const otherCustomerId = (await documentOf(s, other?.documentId)).document.customerId;

    // Same customer, the caption changed: still the order's buyer.
    const id = concept.document.id;
    await updateConcept(
      handle.db,
      s.t,
      { documentId: id, concept: asConcept(concept, { legend: "x" }) },
      systemClock,
    );
    expect((await documentOf(s, id)).document.customer?.origin).toBe("order");

    await updateConcept(
      handle.db,
      s.t,
      { documentId: id, concept: asConcept(concept, { customerId: otherCustomerId }) },
      systemClock,
    );
    expect((await documentOf(s, concept.document.id)).document.customer).toMatchObject({
      origin: "customer",
      company: "Studio Verbeke BV",
    });
  });
});

describe("dates of the supply", () => {
  it("an intra-EU supply waits for its goods to leave, then is sent with its delivery date", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: true });
    const shipped = order("eu-returning-nl-company-k-en.json");
    const placed = { ...shipped, fulfillments: [], fulfillment_status: null };
    const before = await deliver(s, "orders/paid", placed);
    expect(before).toMatchObject({ status: "failed", outcome: "delivery_date_required" });
    const waiting = await documentOf(s, before?.documentId);
    expect(waiting.document).toMatchObject({
      status: "concept",
      supplyDate: null,
      deliveryDate: null,
    });
    const state = documentState(waiting.document, {
      today: brusselsToday(),
      lineCategories: categories(waiting.lines),
    });
    expect(state.notices.deliveryDateRequired).toBe(true);

    // orders/fulfilled: the goods left on 10 September; the concept learns it and goes out.
    const after = await deliver(s, "orders/fulfilled", shipped);
    expect(after?.outcome).toBe("document_sent");
    const issued = await documentOf(s, before?.documentId);
    expect(issued.document).toMatchObject({
      status: "paid",
      supplyDate: "2026-09-10",
      deliveryDate: "2026-09-10",
      issueDate: brusselsToday(),
    });
    const ubl = (await renderDocumentUbl(handle.db, s.t, issued.document.id)).xml;
    expect(ubl).toContain("<cbc:TaxPointDate>2026-09-10</cbc:TaxPointDate>");
    expect(ubl).toContain("<cbc:ActualDeliveryDate>2026-09-10</cbc:ActualDeliveryDate>");
    expect((await validateUbl(ubl)).failures).toEqual([]);
    const pdf = await loadDocumentPdfModel(handle.db, s.t, issued.document.id);
    expect(pdf.supplyDate).toBe("10/09/2026");
  });

  it("a concept from an order paid at checkout carries the payment day; the list can flag its deadline", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: false });
    const made = await deliver(s, "orders/create", order("eu-returning-ch-private-nl.json"));
    const concept = await documentOf(s, made?.documentId);
    expect(concept.document).toMatchObject({ supplyDate: "2026-11-24", deliveryDate: null });
    const { rows } = await listDocuments(handle.db, s.t, {}, null);
    expect(rows[0]).toMatchObject({ supplyDate: "2026-11-24", issueDate: "2026-11-24" });
  });
});

describe("amounts taken from Shopify", () => {
  it("a partially paid B2B order is issued with the deposit recorded and the rest due", async () => {
    const s = await newShop({ trigger: "order_created", autoSend: true });
    const placed = order("eu-be-b2b-partially-paid-nl.json");
    const made = await deliver(s, "orders/create", placed);
    expect(made?.outcome).toBe("document_sent");
    const { document } = await documentOf(s, made?.documentId);
    expect(document).toMatchObject({
      status: "partially_paid",
      totalCents: 34560,
      totalVatCents: 4243, // VAT per rate for a Belgian business buyer
      paidCents: 10000,
      supplyDate: "2026-11-16",
    });
    expect(document.structuredCommunication).toMatch(/^\d{12}$/);
    expect(
      (await listPayments(handle.db, s.t, document.id)).map((p) => [p.amountCents, p.paidOn]),
    ).toEqual([[10000, "2026-11-16"]]);
    // What is printed to pay: the rest, with its structured communication and QR code.
    const pdf = await loadDocumentPdfModel(handle.db, s.t, document.id);
    const spaced = (text: string | null | undefined) => text?.replace(/\s/g, " ");
    expect([pdf.totals.paid, pdf.totals.due].map(spaced)).toEqual(["100,00 €", "245,60 €"]);
    expect(spaced(pdf.payment?.amountDue)).toBe("245,60 €");
    expect(pdf.payment?.qrCode?.payload).toContain("EUR245.6");

    // The rest is paid in Shopify: recorded once, whatever the repeats.
    const paid = { ...placed, financial_status: "paid", total_outstanding: "0.00" };
    expect((await deliver(s, "orders/paid", paid))?.outcome).toBe("marked_paid");
    await deliver(s, "orders/updated", paid);
    const settled = (await documentOf(s, document.id)).document;
    expect(settled).toMatchObject({ status: "paid", paidCents: 34560 });
    expect((await listPayments(handle.db, s.t, document.id)).map((p) => p.amountCents)).toEqual([
      10000, 24560,
    ]);
  });

  it("an edited paid concept records only what Shopify received: the difference stays due", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: false });
    const made = await deliver(s, "orders/create", order("eu-be-b2c-21-paid-fr.json"));
    const concept = await documentOf(s, made?.documentId);
    expect(concept.document.paidOnIssue).toMatchObject({ amountCents: 8935, paidOn: "2026-02-12" });
    const edit = asConcept(concept);
    const extra = line({ description: "Gift wrap", unitPriceCents: 2000, priceMode: "incl" });
    await updateConcept(
      handle.db,
      s.t,
      { documentId: concept.document.id, concept: { ...edit, lines: [...edit.lines, extra] } },
      systemClock,
    );
    const edited = (await documentOf(s, concept.document.id)).document;
    expect(edited.totalCents).toBe(10935);
    // The page warns before sending what will be recorded.
    expect(documentState(edited, { today: brusselsToday() }).notices.paidOnIssueCents).toBe(8935);

    await queueDocumentSends(handle.db, s.t, [edited.id], boss, systemClock);
    const issued = (await documentOf(s, edited.id)).document;
    expect(issued).toMatchObject({ status: "partially_paid", paidCents: 8935 });
    expect(issued.totalCents - issued.paidCents).toBe(2000);
    expect(issued.structuredCommunication).toMatch(/^\d{12}$/);
  });

  it("Shopify's tax off the per-rate VAT beyond a cent per line stops the automatic send, with the reason", async () => {
    const s = await newShop({ trigger: "order_created", autoSend: true });
    // Shopify's sample #1001: 3 lines at 6 % on 587.00 taxed 11.94 (its subtotal corrected
    // so every total matches and only the tax is wrong).
    const wrongTax = order("docs-order-1001-discount-code-tax-lines-refund.json", {
      subtotal_price: "587.00",
      subtotal_price_set: null,
      refunds: [],
    });
    const made = await deliver(s, "orders/create", wrongTax);
    expect(made).toMatchObject({ status: "failed", outcome: "vat_difference" });
    const held = await documentOf(s, made?.documentId);
    expect(held.document.status).toBe("concept");
    expect(held.events.find((e) => e.kind === VAT_DIFFERENCE_EVENT)?.details).toEqual({
      groups: [
        {
          country: "BE",
          category: "S",
          rateBp: 600,
          shopifyCents: 1194,
          perRateCents: 3522,
          lines: 3,
        },
      ],
    });
    // The document page reads the same groups to say which rate and by how much.
    expect(vatDifferenceGroups(held.events)).toHaveLength(1);
    expect(
      documentState(held.document, {
        today: brusselsToday(),
        vatDifference: vatDifferenceGroups(held.events).length > 0,
      }).notices.vatDifference,
    ).toBe(true);
    // A later delivery of the order does not send it either: the merchant checks it first.
    await deliver(s, "orders/updated", wrongTax);
    expect((await documentOf(s, made?.documentId)).document.status).toBe("concept");
  });

  it("a refund that arrives while its invoice is a concept is credited by itself once the invoice is sent", async () => {
    const s = await newShop({ trigger: "order_paid", autoSend: false });
    const placed = inEuro(order("testshop-usd-ontario-hst13-before-refund.json", { test: false }));
    const made = await deliver(s, "orders/paid", placed);
    const refund = {
      ...inEuro(fixture("refunds/testshop-usd-ontario-hst13-refund-one-unit.json")),
      order_id: placed.id,
    };
    const waiting = await deliver(s, "refunds/create", refund);
    expect(waiting).toMatchObject({
      status: "ignored",
      outcome: "waiting_for_invoice",
      documentId: made?.documentId,
    });

    // The merchant sends the invoice: the refund's delivery is queued again at once.
    await queueDocumentSends(handle.db, s.t, [made?.documentId ?? ""], boss, systemClock);
    expect((await delivery(waiting?.id ?? ""))?.status).toBe("received");
    await processShopifyDeliveryHandler.run(
      { organisationId: s.t.organisationId, deliveryId: waiting?.id ?? "" },
      ctx,
    );
    const credited = await delivery(waiting?.id ?? "");
    expect(credited).toMatchObject({ status: "processed", outcome: "credit_note_created" });
    const creditNote = (await documentOf(s, credited?.documentId)).document;
    expect(creditNote).toMatchObject({
      type: "credit_note",
      creditedDocumentId: made?.documentId,
      totalCents: 22487,
    });
    // It names the invoice's buyer, as the invoice did.
    const invoice = (await documentOf(s, made?.documentId)).document;
    expect(creditNote.customer).toEqual({ ...invoice.customer, origin: "invoice" });
    const notes = await handle.db
      .select()
      .from(documents)
      .where(eq(documents.creditedDocumentId, invoice.id));
    expect(notes).toHaveLength(1);
  });
});
