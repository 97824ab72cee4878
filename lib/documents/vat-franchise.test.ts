import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getDocument } from "@/db/queries/documents";
import { updateCompanySettings } from "@/db/queries/organisations";
import { customers } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { concept, line } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { systemClock } from "@/lib/calendar/clock";
import { startQueue, type Queue } from "@/lib/jobs/queue";
import { readPdfText } from "@/lib/pdf/pdf-text.test-support";
import { renderDocumentPdf } from "@/lib/pdf/render-document-pdf";
import { renderDocumentUbl } from "@/lib/peppol/render-document-ubl";
import { validateUbl } from "@/lib/peppol/validation/validate-ubl";
import { parseShopifyOrder } from "@/lib/shopify/order-mapping";
import { createOrderDocument } from "@/lib/shopify/order-sync/create-order-document";
import { SHOPIFY_ORDER_FIXTURES } from "@/test/fixtures";
import { createConcept } from "./create-concept";
import { queueDocumentSends, SendBlockedError } from "./queue-document-send";

/** Small-enterprise franchise, art. 56bis VAT Code (docs/belgian-invoicing.md §2.2). */
let handle: DbHandle;
let boss: Queue;
let t: Tenant;
let customerId: string;

beforeAll(async () => {
  handle = await openTestDb();
  boss = await startQueue(handle);
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  await updateCompanySettings(handle.db, t.organisationId, { vatFranchise: true });
  const [customer] = await handle.db
    .insert(customers)
    .values(
      t.owned({
        name: "Peeters BV",
        company: "Peeters BV",
        vatNumber: "BE0123456749",
        email: `boekhouding-${uniqueSuffix()}@peeters.be`,
        billingStreet: "Meir 1",
        billingPostalCode: "2000",
        billingCity: "Antwerpen",
      }),
    )
    .returning();
  customerId = customer!.id;
}, 60_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await handle?.close();
});

const exempt = line({ description: "Keramieken kom", vatCategory: "E", vatRateBp: 0 });

describe("small-enterprise franchise", () => {
  it("issues a document without VAT that says why, in its language, never art. 44", async () => {
    for (const [language, mention] of [
      ["nl", "Bijzondere vrijstellingsregeling kleine ondernemingen"],
      ["fr", "Régime particulier de franchise des petites entreprises"],
      ["en", "Special exemption scheme for small enterprises"],
    ] as const) {
      const id = await createConcept(
        handle.db,
        t,
        concept({ customerId, language, lines: [exempt] }),
      );
      const result = await queueDocumentSends(handle.db, t, [id], boss, systemClock);
      expect(result.queued).toEqual([id]);
      const { text } = await readPdfText(await renderDocumentPdf(handle.db, t, id));
      expect(text, language).toContain(mention);
      expect(text, language).not.toMatch(/art\. 44/);
    }
  });

  it("gives Peppol category E with the franchise as the exemption reason, and passes the rules", async () => {
    const id = await createConcept(
      handle.db,
      t,
      concept({ customerId, language: "nl", lines: [exempt] }),
    );
    await queueDocumentSends(handle.db, t, [id], boss, systemClock);
    const { xml } = await renderDocumentUbl(handle.db, t, id);
    expect(xml).toMatch(
      /<cbc:ID>E<\/cbc:ID>\s*<cbc:Percent>0<\/cbc:Percent>\s*<cbc:TaxExemptionReason>Bijzondere vrijstellingsregeling kleine ondernemingen<\/cbc:TaxExemptionReason>/,
    );
    expect(xml).not.toContain("art. 44");
    expect((await validateUbl(xml)).failures).toEqual([]);
  }, 120_000);

  it("refuses to send a document that charges VAT, and it stays a concept", async () => {
    const id = await createConcept(handle.db, t, concept({ customerId, lines: [line()] }));
    await expect(queueDocumentSends(handle.db, t, [id], boss, systemClock)).rejects.toThrow(
      expect.objectContaining({ code: "franchise_vat_charged" }) as SendBlockedError,
    );
    const found = await getDocument(handle.db, t, id);
    expect(found?.document.status).toBe("concept");
    expect(found?.document.number).toBeNull();
  });

  it("holds a Shopify order on which Shopify charged VAT anyway: no automatic send, a reason", async () => {
    const json: unknown = JSON.parse(
      readFileSync(path.join(SHOPIFY_ORDER_FIXTURES, "eu-be-b2c-21-paid-fr.json"), "utf8"),
    );
    const parsed = parseShopifyOrder(json);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const made = await createOrderDocument({ db: handle.db, queue: boss, clock: systemClock }, t, {
      shop: "franchise.myshopify.com",
      order: parsed.value,
      settings: { documentType: "invoice", trigger: "order_paid", autoSend: true },
    });
    expect(made.send).toEqual({ sent: false, problem: "franchise_vat_charged" });
    const found = await getDocument(handle.db, t, made.documentId);
    expect(found?.document.status).toBe("concept");
  });
});
