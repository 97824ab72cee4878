import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { activateApp } from "@/db/queries/apps";
import { getOriginal, listOriginals } from "@/db/queries/document-originals";
import { getDocument } from "@/db/queries/documents";
import { getPeppolSettings } from "@/db/queries/peppol-settings";
import {
  listDocumentTransmissions,
  type PeppolTransmission,
} from "@/db/queries/peppol-transmissions";
import { documents, emails, peppolTransmissions, shopifyConnections } from "@/db/schema";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { waitFor } from "@/db/testing/wait-for";
import { tenant, type Tenant } from "@/db/tenant";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import { queueDocumentSends } from "@/lib/documents/queue-document-send";
import { systemClock } from "@/lib/calendar/clock";
import type { JobContext } from "@/lib/jobs/job-handler";
import type { Queue } from "@/lib/jobs/queue";
import { startTestWorker, testJobContext } from "@/lib/jobs/testing/test-worker";
import { readPdfText } from "@/lib/pdf/pdf-text.test-support";
import { refreshPeppolOutcomesJob } from "@/lib/peppol/jobs/refresh-peppol-outcomes.job";
import { sendOverPeppolHandler } from "@/lib/peppol/jobs/send-over-peppol.handler";
import { sendOverPeppolJob } from "@/lib/peppol/jobs/send-over-peppol.job";
import { registerPeppolSender } from "@/lib/peppol/register-peppol-sender";
import { StorecoveAccessPoint } from "@/lib/peppol/transport/storecove-access-point";
import { processShopifyDeliveryHandler } from "@/lib/shopify/jobs/process-delivery.handler";
import { receiveWebhook } from "@/lib/shopify/intake/receive-webhook";
import type { OrderSettings } from "@/lib/shopify/order-sync/order-settings";
import {
  connectTestShop,
  signedWebhookRequest,
  TEST_SHOPIFY_ENV,
} from "@/lib/shopify/testing/shopify-test-env";
import { startPeppolAccessPoint, type RunningAccessPoint } from "@facturo/peppol-access-point";
import { SHOPIFY_FIXTURES } from "@/test/fixtures";
import { MAX_LOOKUPS } from "./lookup-schedule";

/**
 * Peppol first (issue 14 §3), through the real paths: Shopify's webhook and the
 * merchant's Send, the send jobs on a worker, the access-point stand-in over HTTP, the
 * official validation rules, and the outbox. Orders are the repository's fixtures:
 * `eu-be-b2b-vat-number-en` (BE0403170701, on the network), `eu-be-b2b-partially-paid-nl`
 * (BE1012345646, not on it), a Belgian consumer and a Dutch company.
 */

const KEY = "peppol-first-key";
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(SHOPIFY_FIXTURES, "orders", name), "utf8")) as Record<
    string,
    unknown
  >;

let handle: DbHandle;
let ap: RunningAccessPoint;
let boss: Queue;
let ctx: JobContext;
let nextId = 7_500_000_000_000;

interface Shop {
  t: Tenant;
  shop: string;
}

/** A merchant with a connected shop that sends its orders by itself; registered unless asked. */
async function newShop(options: { registered?: boolean } = {}): Promise<Shop> {
  const t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  const shop = `peppol-first-${uniqueSuffix()}.myshopify.com`;
  const connectionId = await connectTestShop(handle.db, t, shop, ctx.config.ENCRYPTION_KEY);
  // Emails in each buyer's language (the order's), as the foreign-customers app does.
  await activateApp(handle.db, t, "foreign-customers");
  const settings: Partial<OrderSettings> = { trigger: "order_created", autoSend: true };
  await handle.db
    .update(shopifyConnections)
    .set({ settings })
    .where(eq(shopifyConnections.id, connectionId));
  if (options.registered !== false) {
    const result = await registerPeppolSender(handle.db, t, {
      accessPoint: new StorecoveAccessPoint(KEY, ap.apiUrl),
      queue: boss,
      activate: true,
    });
    expect(result).toMatchObject({ ok: true });
  }
  return { t, shop };
}

/** An order of a fixture, with its own ids and buyer address, delivered by Shopify's webhook. */
async function placeOrder(s: Shop, name: string): Promise<{ documentId: string; email: string }> {
  const id = ++nextId;
  const email = `buyer-${uniqueSuffix()}@example.be`;
  const body = {
    ...fixture(name),
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    email,
    contact_email: email,
  };
  const queued: { organisationId: string; deliveryId: string }[] = [];
  const received = await receiveWebhook(
    { db: handle.db, config: ctx.config, enqueueDelivery: async (d) => queued.push(d) },
    signedWebhookRequest({ topic: "orders/create", shop: s.shop, body: JSON.stringify(body) }),
  );
  expect(received.status).toBe(200);
  for (const job of queued) await processShopifyDeliveryHandler.run(job, ctx);
  const documentId = await waitFor(async () => {
    const rows = await handle.db.query.documents.findMany({
      where: (d, { eq: is }) => is(d.organisationId, s.t.organisationId),
    });
    return rows.find((d) => d.sourceId === String(id))?.id;
  });
  return { documentId, email };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const transmissionsOf = (s: Shop, id: string) => listDocumentTransmissions(handle.db, s.t, id);
const latest = async (s: Shop, id: string) => (await transmissionsOf(s, id))[0];
const settledAs = (s: Shop, id: string, statuses: string[]) =>
  waitFor(async () => {
    const row = await latest(s, id);
    return row && statuses.includes(row.status) ? row : undefined;
  }, 40_000);
const emailsTo = (address: string) =>
  handle.db.select().from(emails).where(eq(emails.toAddress, address));
const firstEmailTo = (address: string) => waitFor(async () => (await emailsTo(address))[0]);
const pdfTextOf = async (email: { attachments: { contentBase64: string }[] }) =>
  (await readPdfText(Buffer.from(email.attachments[0]?.contentBase64 ?? "", "base64"))).text;
const eventsOf = async (s: Shop, id: string) =>
  ((await getDocument(handle.db, s.t, id))?.events ?? []).map((e) => e.kind);

beforeAll(async () => {
  handle = await openTestDb();
  ap = await startPeppolAccessPoint({ apiKey: KEY, deliveryDelayMs: 20 });
  ctx = testJobContext(handle, {
    ...TEST_SHOPIFY_ENV,
    PEPPOL_AP_URL: ap.apiUrl,
    PEPPOL_AP_API_KEY: KEY,
  });
  boss = await startTestWorker(
    handle,
    [sendOverPeppolJob, refreshPeppolOutcomesJob, sendDocumentJob],
    ctx,
  );
  ctx = { ...ctx, queue: boss };
}, 60_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await ap?.close();
  await handle?.close();
});

describe("Peppol first for a Belgian business (Shopify's automatic send)", () => {
  it("delivers the invoice over Peppol, then emails a PDF marked as a copy", async () => {
    const s = await newShop();
    const { documentId, email } = await placeOrder(s, "eu-be-b2b-vat-number-en.json");
    const delivered = await settledAs(s, documentId, ["delivered"]);
    expect(delivered).toMatchObject({ channel: "peppol", receiverId: "0208:0403170701" });

    const submitted = ap.state.submissions.find((x) => x.guid === delivered.accessPointId);
    expect(submitted?.idempotencyGuid).toBe(delivered.idempotencyKey);
    expect(submitted?.xml).toContain('<cbc:EndpointID schemeID="0208">0403170701</cbc:EndpointID>');

    // One email, after the delivery: its text and its PDF say it is a copy, and why.
    const sent = await firstEmailTo(email);
    expect(sent.text).toMatch(
      /^The attached PDF is a copy\. The legal invoice was delivered to your company over Peppol/,
    );
    expect(await pdfTextOf(sent)).toContain("Copy — the legal invoice was delivered over Peppol");
    expect(await emailsTo(email)).toHaveLength(1);
    expect(await eventsOf(s, documentId)).toEqual(
      expect.arrayContaining(["peppol_queued", "peppol_sent", "peppol_delivered", "sent"]),
    );
    // Kept with the document: the UBL transmitted (the one issued) and the answers.
    const kept = await listOriginals(handle.db, s.t, documentId);
    const transmitted = kept.find((o) => o.key === `peppol_ubl:${delivered.id}`);
    expect(transmitted?.sha256).toBe(sha256(submitted?.xml ?? ""));
    expect(transmitted?.sha256).toBe(kept.find((o) => o.key === "ubl")?.sha256);
    const answers = kept.filter((o) => o.kind === "peppol_answer").map((o) => o.details.result);
    expect(answers.sort()).toEqual(["delivered", "submitted"]);
  });

  it("looks the buyer up under 9925 (VAT number) when 0208 does not know it", async () => {
    const s = await newShop();
    ap.state.participants.add("9925:BE1012345646");
    try {
      const { documentId } = await placeOrder(s, "eu-be-b2b-partially-paid-nl.json");
      const delivered = await settledAs(s, documentId, ["delivered"]);
      expect(delivered.receiverId).toBe("9925:BE1012345646");
      const submitted = ap.state.submissions.find((x) => x.guid === delivered.accessPointId);
      // The document names the buyer at the address it was found under.
      expect(submitted?.xml).toContain(
        '<cbc:EndpointID schemeID="9925">BE1012345646</cbc:EndpointID>',
      );
      // What was transmitted is kept: the issued UBL, readdressed, nothing else changed.
      const issued = await getOriginal(handle.db, s.t, documentId, "ubl");
      const transmitted = await getOriginal(
        handle.db,
        s.t,
        documentId,
        `peppol_ubl:${delivered.id}`,
      );
      expect(transmitted?.bytes.toString("utf8")).toBe(submitted?.xml);
      expect(
        issued?.bytes
          .toString("utf8")
          .replace(
            '<cbc:EndpointID schemeID="0208">1012345646</cbc:EndpointID>',
            '<cbc:EndpointID schemeID="9925">BE1012345646</cbc:EndpointID>',
          ),
      ).toBe(submitted?.xml);
    } finally {
      ap.state.participants.delete("9925:BE1012345646");
    }
  });

  it("never passes a PDF off as the invoice when the buyer is not on Peppol: says so, retries, then delivers", async () => {
    const s = await newShop();
    const { documentId, email } = await placeOrder(s, "eu-be-b2b-partially-paid-nl.json");
    const notFound = await settledAs(s, documentId, ["not_found"]);
    expect(notFound).toMatchObject({ lookups: 1, reason: "not_on_peppol" });
    expect(notFound.nextLookupAt?.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect(await eventsOf(s, documentId)).toContain("peppol_not_found");
    expect(ap.state.submissions.some((x) => x.idempotencyGuid === notFound.idempotencyKey)).toBe(
      false,
    );

    // The buyer gets the PDF, in Dutch, as a copy that says why and what to do.
    const copy = await firstEmailTo(email);
    expect(copy.text).toContain("De bijgevoegde pdf is een kopie, niet de wettelijke factuur");
    expect(copy.text).toContain("0208:1012345646, 9925:BE1012345646");
    expect(await pdfTextOf(copy)).toContain(
      "Kopie — niet de wettelijke factuur: uw onderneming is niet gevonden op Peppol",
    );

    // The buyer registers; the next look-up (the queued retry, run now) delivers it.
    ap.state.participants.add("0208:1012345646");
    try {
      await runSendJob(s, notFound);
      expect(await settledAs(s, documentId, ["delivered"])).toMatchObject({
        receiverId: "0208:1012345646",
      });
    } finally {
      ap.state.participants.delete("0208:1012345646");
    }
    // No second email: the buyer already has the copy.
    expect(await emailsTo(email)).toHaveLength(1);
  });

  it("gives up after the last look-up and tells the merchant", async () => {
    const s = await newShop();
    const { documentId } = await placeOrder(s, "eu-be-b2b-partially-paid-nl.json");
    const notFound = await settledAs(s, documentId, ["not_found"]);
    // The look-ups in between, as their queued retries would have counted them.
    await handle.db
      .update(peppolTransmissions)
      .set({ lookups: MAX_LOOKUPS - 1 })
      .where(eq(peppolTransmissions.id, notFound.id));
    await runSendJob(s, notFound);
    expect(await latest(s, documentId)).toMatchObject({
      status: "failed",
      reason: "buyer_not_on_peppol",
    });
    expect(await eventsOf(s, documentId)).toContain("peppol_failed");
  });

  it("waits for an unregistered merchant, emails the copy, and goes once they register", async () => {
    const s = await newShop({ registered: false });
    const { documentId, email } = await placeOrder(s, "eu-be-b2b-vat-number-en.json");
    const waiting = await settledAs(s, documentId, ["waiting"]);
    expect(waiting.reason).toBe("not_registered");
    const copy = await firstEmailTo(email);
    expect(copy.text).toMatch(/^The attached PDF is a copy, not the legal invoice/);
    expect(await pdfTextOf(copy)).toContain(
      "Copy — not the legal invoice, which is sent over Peppol",
    );

    // One click on the document's notice: the app is activated, the merchant registered,
    // and the waiting invoice sent.
    const result = await registerPeppolSender(handle.db, s.t, {
      accessPoint: new StorecoveAccessPoint(KEY, ap.apiUrl),
      queue: boss,
      activate: true,
    });
    expect(result).toEqual({ ok: true, resumed: 1 });
    expect((await getPeppolSettings(handle.db, s.t))?.senderId).toBeTruthy();
    expect(await settledAs(s, documentId, ["delivered"])).toMatchObject({ id: waiting.id });
    expect(await emailsTo(email)).toHaveLength(1);
  });
});

describe("what stays PDF by email", () => {
  it("a Belgian consumer and a Dutch company get their PDF, not a copy, and nothing goes over Peppol", async () => {
    const s = await newShop();
    for (const name of ["eu-be-b2c-21-paid-fr.json", "eu-returning-nl-company-k-en.json"]) {
      const { documentId, email } = await placeOrder(s, name);
      const sent = await firstEmailTo(email);
      expect(sent.text).not.toMatch(/cop(y|ie)/i);
      expect(await pdfTextOf(sent)).not.toMatch(/Cop(y|ie) —/);
      expect(await transmissionsOf(s, documentId)).toEqual([]);
    }
  });
});

describe("the merchant's Send", () => {
  it("never transmits a UBL the official rules refuse, and says which rule failed", async () => {
    const s = await newShop();
    await handle.db
      .update(shopifyConnections)
      .set({ settings: { trigger: "order_created", autoSend: false } })
      .where(eq(shopifyConnections.organisationId, s.t.organisationId));
    const { documentId, email } = await placeOrder(s, "eu-be-b2b-vat-number-en.json");
    // A billing country Shopify uses but ISO 3166 has not (Kosovo, XK): Facturo stores
    // it, the EN 16931 code-list rule refuses it.
    const found = await getDocument(handle.db, s.t, documentId);
    const customer = found?.document.customer;
    if (!customer) throw new Error("the order's document has no buyer");
    await handle.db
      .update(documents)
      .set({ customer: { ...customer, billing: { ...customer.billing, country: "XK" } } })
      .where(eq(documents.id, documentId));
    const before = ap.state.submissions.length;
    expect(await queueDocumentSends(handle.db, s.t, [documentId], boss, systemClock)).toMatchObject(
      {
        queued: [documentId],
      },
    );
    const invalid = await settledAs(s, documentId, ["invalid"]);
    expect(invalid.failures).toEqual([
      {
        rule: "BR-CL-14",
        message: "Country codes in an invoice MUST be coded using ISO code list 3166-1",
        location:
          "/Invoice[1]/AccountingCustomerParty[1]/Party[1]/PostalAddress[1]/Country[1]/IdentificationCode[1]",
      },
    ]);
    expect(ap.state.submissions.length).toBe(before);
    expect(await eventsOf(s, documentId)).toContain("peppol_invalid");
    expect(await emailsTo(email)).toHaveLength(0);
  });
});

async function runSendJob(s: Shop, transmission: PeppolTransmission) {
  await sendOverPeppolHandler.run(
    { organisationId: s.t.organisationId, transmissionId: transmission.id },
    ctx,
  );
}
