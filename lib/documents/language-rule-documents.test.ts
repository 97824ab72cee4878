import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getDocument } from "@/db/queries/documents";
import { updateCompanySettings } from "@/db/queries/organisations";
import { customers } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { concept } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { systemClock } from "@/lib/calendar/clock";
import { startQueue, type Queue } from "@/lib/jobs/queue";
import { readPdfText } from "@/lib/pdf/pdf-text.test-support";
import { renderDocumentPdf } from "@/lib/pdf/render-document-pdf";
import { parseShopifyOrder } from "@/lib/shopify/order-mapping";
import { createOrderDocument } from "@/lib/shopify/order-sync/create-order-document";
import { SHOPIFY_ORDER_FIXTURES } from "@/test/fixtures";
import { createConcept } from "./create-concept";
import { updateConcept } from "./update-concept";

/** The Flemish language decree (19 July 1973) as a setting, `auto` by default. */
let handle: DbHandle;
let boss: Queue;
let t: Tenant;

async function customer(country: string) {
  const [row] = await handle.db
    .insert(customers)
    .values(
      t.owned({
        name: "Claire Dubois",
        language: "fr" as const,
        billingStreet: "Rue Haute 1",
        billingPostalCode: country === "BE" ? "5000" : "75001",
        billingCity: country === "BE" ? "Namur" : "Paris",
        billingCountry: country,
      }),
    )
    .returning();
  return row!.id;
}

async function languageOf(id: string) {
  return (await getDocument(handle.db, t, id))?.document.language;
}

beforeAll(async () => {
  handle = await openTestDb();
  boss = await startQueue(handle);
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  // A shop in Gent, the Dutch-language region, whose default language is French.
  await updateCompanySettings(handle.db, t.organisationId, {
    street: "Veldstraat 1",
    postalCode: "9000",
    city: "Gent",
    defaultLanguage: "fr",
  });
}, 60_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await handle?.close();
});

describe("documents for Belgian buyers of a company in the Dutch-language region", () => {
  it("are in Dutch, by hand, even when another language was picked", async () => {
    const id = await createConcept(
      handle.db,
      t,
      concept({ customerId: await customer("BE"), language: "fr" }),
    );
    expect(await languageOf(id)).toBe("nl");
    const { text } = await readPdfText(await renderDocumentPdf(handle.db, t, id));
    expect(text).toContain("Factuur");
    expect(text).not.toContain("Facture");
    await updateConcept(
      handle.db,
      t,
      { documentId: id, concept: concept({ customerId: await customer("BE"), language: "en" }) },
      systemClock,
    );
    expect(await languageOf(id)).toBe("nl");
  });

  it("keep the buyer's language abroad", async () => {
    const id = await createConcept(
      handle.db,
      t,
      concept({ customerId: await customer("FR"), language: "fr" }),
    );
    expect(await languageOf(id)).toBe("fr");
  });

  it("are in Dutch from Shopify too", async () => {
    const json: unknown = JSON.parse(
      readFileSync(path.join(SHOPIFY_ORDER_FIXTURES, "eu-be-b2c-21-paid-fr.json"), "utf8"),
    );
    const parsed = parseShopifyOrder(json);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const made = await createOrderDocument({ db: handle.db, queue: boss, clock: systemClock }, t, {
      shop: "gent.myshopify.com",
      order: parsed.value,
      settings: { documentType: "invoice", trigger: "order_paid", autoSend: false },
    });
    expect(await languageOf(made.documentId)).toBe("nl");
  });

  it("follow the merchant's choice when the rule is set to the customer's language", async () => {
    await updateCompanySettings(handle.db, t.organisationId, { languageRule: "customer" });
    try {
      const id = await createConcept(
        handle.db,
        t,
        concept({ customerId: await customer("BE"), language: "fr" }),
      );
      expect(await languageOf(id)).toBe("fr");
    } finally {
      await updateCompanySettings(handle.db, t.organisationId, { languageRule: "auto" });
    }
  });
});
