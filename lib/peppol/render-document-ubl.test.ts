import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { tenant, type Tenant } from "@/db/tenant";
import { startQueue, type Queue } from "@/lib/jobs/queue";
import { parseShopifyOrder } from "@/lib/shopify/order-mapping";
import { createOrderDocument } from "@/lib/shopify/order-sync/create-order-document";
import { renderDocumentUbl } from "./render-document-ubl";
import { validateUblFiles } from "./validation/validate-ubl";
import { SHOPIFY_ORDER_FIXTURES } from "@/test/fixtures";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { createCreditNote } from "@/lib/documents/create-credit-note";
import { systemClock } from "@/lib/calendar/clock";

const FIXTURES = SHOPIFY_ORDER_FIXTURES;

let handle: DbHandle;
let boss: Queue;
let t: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  boss = await startQueue(handle);
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await handle?.close();
});

async function issuedInvoiceFrom(fixture: string): Promise<string> {
  const parsed = parseShopifyOrder(JSON.parse(readFileSync(path.join(FIXTURES, fixture), "utf8")));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const order = { ...parsed.value, id: `${Date.now()}${Math.floor(Math.random() * 1000)}` };
  const made = await createOrderDocument({ db: handle.db, queue: boss, clock: systemClock }, t, {
    shop: "ubl.myshopify.com",
    order,
    settings: { documentType: "invoice", trigger: "order_paid", autoSend: false },
  });
  await finaliseDocument(handle.db, t, { documentId: made.documentId }, systemClock);
  return made.documentId;
}

describe("renderDocumentUbl", () => {
  it("gives stored invoices and credit notes UBL that passes the official Peppol rules", async () => {
    const b2b = await issuedInvoiceFrom("eu-be-b2b-vat-number-en.json");
    const mixed = await issuedInvoiceFrom("eu-be-mixed-6-21-unpaid-nl.json");
    const creditNote = await createCreditNote(handle.db, t, { invoiceId: mixed }, systemClock);
    await finaliseDocument(handle.db, t, { documentId: creditNote }, systemClock);

    const dir = mkdtempSync(path.join(tmpdir(), "facturo-ubl-"));
    const files: string[] = [];
    for (const id of [b2b, mixed, creditNote]) {
      const { xml, fileStem } = await renderDocumentUbl(handle.db, t, id);
      expect(xml).toContain("urn:fdc:peppol.eu:2017:poacc:billing:3.0");
      expect(xml).toContain("EmbeddedDocumentBinaryObject");
      const file = path.join(dir, `${fileStem}.xml`);
      writeFileSync(file, xml);
      files.push(file);
    }
    const b2bXml = readFileSync(files[0] ?? "", "utf8");
    expect(b2bXml).toContain("0403170701"); // the buyer's enterprise number as its endpoint
    expect(readFileSync(files[2] ?? "", "utf8")).toContain("<CreditNote");

    const results = await validateUblFiles(files);
    for (const file of files) {
      expect(results.get(file)?.failures ?? ["no result"], file).toEqual([]);
    }
  }, 120_000);

  it("refuses a concept: it has no number yet", async () => {
    const parsed = parseShopifyOrder(
      JSON.parse(readFileSync(path.join(FIXTURES, "eu-be-free-order.json"), "utf8")),
    );
    if (!parsed.ok) throw new Error("fixture");
    const made = await createOrderDocument({ db: handle.db, queue: boss, clock: systemClock }, t, {
      shop: "ubl.myshopify.com",
      order: parsed.value,
      settings: { documentType: "invoice", trigger: "order_paid", autoSend: false },
    });
    await expect(renderDocumentUbl(handle.db, t, made.documentId)).rejects.toThrow(/number/);
  });
});
