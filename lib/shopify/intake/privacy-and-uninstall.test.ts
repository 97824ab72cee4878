import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createCustomer, getCustomer } from "@/db/queries/customers";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { getShopifyConnection } from "@/db/queries/shopify-connections";
import { getOrderPayload, storeOrderPayload } from "@/db/queries/shopify-orders";
import { listPrivacyRequests } from "@/db/queries/shopify-privacy";
import { shopifyConnections, shopifyWebhookDeliveries } from "@/db/schema";
import { concept } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { testJobContext } from "@/lib/jobs/testing/test-worker";
import { tenant, type Tenant } from "@/db/tenant";
import type { JobContext } from "@/lib/jobs/job-handler";
import { emptyCustomerInput } from "@/lib/customers/customer-schema";
import {
  connectTestShop,
  signedWebhookRequest,
  TEST_SHOPIFY_ENV,
} from "../testing/shopify-test-env";
import { processShopifyDeliveryHandler } from "@/lib/shopify/jobs/process-delivery.handler";
import { receiveWebhook } from "./receive-webhook";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { systemClock } from "@/lib/calendar/clock";

let handle: DbHandle;
let ctx: JobContext;
let t: Tenant;
let shop: string;

/** Through the real intake, then the job, as the worker would run it. */
async function deliver(topic: string, payload: unknown) {
  const queued: { organisationId: string; deliveryId: string }[] = [];
  const received = await receiveWebhook(
    { db: handle.db, config: ctx.config, enqueueDelivery: async (d) => queued.push(d) },
    signedWebhookRequest({ topic, shop, body: JSON.stringify(payload) }),
  );
  expect(received.status).toBe(200);
  for (const job of queued) await processShopifyDeliveryHandler.run(job, ctx);
  const [row] = await handle.db
    .select()
    .from(shopifyWebhookDeliveries)
    .where(eq(shopifyWebhookDeliveries.id, received.deliveryId ?? ""));
  return row;
}

let nextOrderId = 5000;

async function customerWithDocuments(email: string, shopifyCustomerId: string) {
  const [invoiceOrder, conceptOrder] = [String(++nextOrderId), String(++nextOrderId)];
  const customerId = await createCustomer(handle.db, t, {
    ...emptyCustomerInput,
    hasDelivery: undefined,
    name: "Pieter Verstraete",
    email,
    billingStreet: "Veldstraat 1",
    billingPostalCode: "9000",
    billingCity: "Gent",
    deliveryStreet: "Kouter 2",
    deliveryPostalCode: "9000",
    deliveryCity: "Gent",
    deliveryCountry: "BE",
    shopifyCustomerId,
  } as never);
  const invoiceId = await createConcept(handle.db, t, concept({ customerId }), {
    source: "shopify",
    sourceId: invoiceOrder,
  });
  await finaliseDocument(handle.db, t, { documentId: invoiceId }, systemClock);
  const conceptId = await createConcept(handle.db, t, concept({ customerId }), {
    source: "shopify",
    sourceId: conceptOrder,
  });
  return { customerId, invoiceId, conceptId, orderIds: [invoiceOrder, conceptOrder] };
}

beforeAll(async () => {
  handle = await openTestDb();
  ctx = testJobContext(handle, TEST_SHOPIFY_ENV);
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  shop = `privacy-${uniqueSuffix()}.myshopify.com`;
  await connectTestShop(handle.db, t, shop, ctx.config.ENCRYPTION_KEY);
});

afterAll(async () => {
  await handle?.close();
});

describe("privacy webhooks", () => {
  it("records a data request with what Facturo holds about the customer", async () => {
    const email = `dr-${uniqueSuffix()}@example.be`;
    const { orderIds } = await customerWithDocuments(email, "9001");
    const row = await deliver("customers/data_request", {
      shop_id: 1,
      shop_domain: shop,
      customer: { id: 9001, email, phone: null },
      orders_requested: [Number(orderIds[0])],
      data_request: { id: 77 },
    });
    expect(row).toMatchObject({ status: "processed", outcome: "privacy_request_recorded" });
    const [request] = await listPrivacyRequests(handle.db, t);
    expect(request).toMatchObject({
      topic: "customers/data_request",
      customerEmail: email,
      shopifyCustomerId: "9001",
      orderIds: [orderIds[0]],
      summary: { customers: 1, documents: 2 },
    });
  });

  it("erases a customer: concepts deleted, issued invoice kept without the email, customer stripped", async () => {
    const email = `rd-${uniqueSuffix()}@example.be`;
    const { customerId, invoiceId, conceptId, orderIds } = await customerWithDocuments(
      email,
      "9002",
    );
    await storeOrderPayload(handle.db, t, {
      shop,
      orderId: orderIds[0] ?? "",
      orderName: "#9",
      updatedAt: null,
      payload: JSON.stringify({ email }),
    });
    expect(await getOrderPayload(handle.db, t, shop, orderIds[0] ?? "")).toContain(email);
    const row = await deliver("customers/redact", {
      shop_id: 1,
      shop_domain: shop,
      customer: { id: 9002, email: email.toUpperCase() },
      orders_to_redact: orderIds.map(Number),
    });
    expect(row?.status).toBe("processed");

    expect(await getDocument(handle.db, t, conceptId)).toBeNull();
    expect(await getOrderPayload(handle.db, t, shop, orderIds[0] ?? "")).toBeNull();
    const invoice = await getDocument(handle.db, t, invoiceId);
    expect(invoice?.document.customer).toMatchObject({ name: "Pieter Verstraete", email: null });
    expect(invoice?.document.customer?.billing.city).toBe("Gent");
    const customer = await getCustomer(handle.db, t, customerId);
    expect(customer).toMatchObject({
      name: "Pieter Verstraete",
      email: null,
      shopifyCustomerId: null,
      deliveryStreet: null,
      billingCity: "Gent",
    });
    const [request] = await listPrivacyRequests(handle.db, t);
    expect(request).toMatchObject({
      topic: "customers/redact",
      customerEmail: null,
      summary: {
        conceptsDeleted: 1,
        documentsKept: 1,
        customersAnonymised: 1,
        customersDeleted: 0,
      },
    });
  });

  it("deletes a customer who has no issued document", async () => {
    const email = `gone-${uniqueSuffix()}@example.be`;
    const customerId = await createCustomer(handle.db, t, {
      ...emptyCustomerInput,
      name: "Only Concepts",
      email,
      shopifyCustomerId: "9003",
      deliveryStreet: null,
      deliveryPostalCode: null,
      deliveryCity: null,
      deliveryCountry: null,
    });
    await deliver("customers/redact", { shop_id: 1, shop_domain: shop, customer: { email } });
    expect(await getCustomer(handle.db, t, customerId)).toBeNull();
  });

  it("leaves a customer the merchant created by hand alone, even with the same email", async () => {
    const email = `hand-${uniqueSuffix()}@example.be`;
    const customerId = await createCustomer(handle.db, t, {
      ...emptyCustomerInput,
      name: "Piet, by hand",
      email,
      deliveryStreet: null,
      deliveryPostalCode: null,
      deliveryCity: null,
      deliveryCountry: null,
    });
    const conceptId = await createConcept(handle.db, t, concept({ customerId }));
    await deliver("customers/redact", { shop_id: 1, shop_domain: shop, customer: { email } });
    expect(await getCustomer(handle.db, t, customerId)).toMatchObject({ email });
    expect(await getDocument(handle.db, t, conceptId)).not.toBeNull();
  });

  it("fails a privacy payload of the wrong shape visibly instead of retrying it forever", async () => {
    const row = await deliver("customers/redact", {
      shop_id: 1,
      shop_domain: shop,
      customer: "not an object",
    });
    expect(row).toMatchObject({ status: "failed", outcome: "unexpected_payload" });
  });
});

describe("app/uninstalled and shop/redact", () => {
  it("disconnects and forgets the token on uninstall, then forgets the shop on shop/redact", async () => {
    const row = await deliver("app/uninstalled", { id: 1, myshopify_domain: shop });
    expect(row).toMatchObject({ status: "processed", outcome: "uninstalled" });
    const connection = await getShopifyConnection(handle.db, t);
    expect(connection).toMatchObject({
      status: "disconnected",
      disconnectReason: "uninstalled",
      sealedTokens: null,
    });

    const again = await deliver("app/uninstalled", { id: 1, myshopify_domain: shop });
    // Once disconnected, the intake itself sets a repeat aside.
    expect(again).toMatchObject({ status: "ignored", outcome: "shop_disconnected" });

    const redact = await deliver("shop/redact", { shop_id: 1, shop_domain: shop });
    expect(redact).toMatchObject({ status: "processed", outcome: "shop_redacted", rawBody: null });
    const left = await handle.db
      .select()
      .from(shopifyConnections)
      .where(eq(shopifyConnections.shop, shop));
    expect(left).toHaveLength(0);
    const deliveries = await handle.db
      .select()
      .from(shopifyWebhookDeliveries)
      .where(eq(shopifyWebhookDeliveries.shop, shop));
    expect(deliveries.map((d) => d.topic)).toEqual(["shop/redact"]);
  });
});
