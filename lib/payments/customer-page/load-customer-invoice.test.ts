import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { activateApp } from "@/db/queries/apps";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { listOnlinePayments } from "@/db/queries/online-payments";
import { concept, line } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { tenant, type Tenant } from "@/db/tenant";
import { startBancontactStandIn, type BancontactStandIn } from "@facturo/bancontact-stand-in";
import { saveProviderApiKey } from "../online/provider-api-key";
import { onlinePaymentProviders } from "../online/providers";
import { loadCustomerInvoice } from "./load-customer-invoice";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { recordPayment } from "@/lib/payments/record-payment";
import { systemClock } from "@/lib/calendar/clock";

const config = {
  APP_URL: "https://facturo.test",
  ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
};
let handle: DbHandle;
let bancontact: BancontactStandIn;
let t: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  bancontact = await startBancontactStandIn({});
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  await activateApp(handle.db, t, "bancontact");
  await saveProviderApiKey(handle.db, t, "bancontact", "profile-key-1", config.ENCRYPTION_KEY);
  await activateApp(handle.db, t, "mollie");
  await saveProviderApiKey(
    handle.db,
    t,
    "mollie",
    "test_abcdefghijklmnopqrstuvwxyz1234",
    config.ENCRYPTION_KEY,
  );
});
afterAll(async () => {
  await bancontact?.close();
  await handle?.close();
});

function load(id: string, bancontactUrl = bancontact.origin) {
  const providers = onlinePaymentProviders({
    MOLLIE_API_URL: "http://localhost:9/v2/",
    BANCONTACT_API_URL: bancontactUrl,
  });
  return loadCustomerInvoice(
    { db: handle.db, config, providers, log: pino({ level: "silent" }) },
    t,
    id,
  );
}

async function sentInvoice(language: "fr" | "nl" | "en" | "de" = "nl") {
  const id = await createConcept(
    handle.db,
    t,
    concept({ language, lines: [line({ unitPriceCents: 10000 })] }),
  );
  await finaliseDocument(handle.db, t, { documentId: id }, systemClock);
  return id;
}

describe("the customer's invoice page", () => {
  it("offers Mollie's stable link and a live Bancontact QR code, reused on the next visit", async () => {
    const id = await sentInvoice("nl");
    const token = (await getDocument(handle.db, t, id))!.document.publicToken;
    const first = await load(id);
    expect(first).toMatchObject({
      status: "to_pay",
      mollieUrl: `https://facturo.test/d/${token}/pay/mollie`,
      labels: { payOnline: "Online betalen" },
    });
    const qr = first?.bancontact;
    expect(qr && "deeplink" in qr && qr.deeplink).toMatch(/\/pay\/2\/\w+$/);
    expect(qr && "qrPngDataUrl" in qr && qr.qrPngDataUrl).toMatch(/^data:image\/png;base64,/);
    // No Mollie payment exists until the customer clicks: the page never calls Mollie.
    await load(id);
    const payments = await listOnlinePayments(handle.db, t, id);
    expect(payments.map((p) => p.provider)).toEqual(["bancontact"]);
    // The PDF's model (shared with the page) prints the stable links, not the live payment.
    expect(first?.model.payment?.online?.map((way) => way.url)).toEqual([
      `https://facturo.test/d/${token}/pay/mollie`,
      `https://facturo.test/d/${token}/pay/bancontact`,
    ]);
  });

  it("says paid and offers nothing once the invoice is paid", async () => {
    const id = await sentInvoice("de");
    await recordPayment(
      handle.db,
      t,
      { invoiceId: id, amountCents: 12100, method: "cash", paidOn: "2026-11-29" },
      systemClock,
    );
    const page = await load(id);
    expect(page).toMatchObject({ status: "paid", mollieUrl: null, bancontact: null });
    expect(page?.labels.paidThanks).toBe("Bezahlt, vielen Dank!");
    expect(page?.model.payment).toBeNull();
  });

  it("falls back to a retry link when Bancontact cannot be reached", async () => {
    const id = await sentInvoice("fr");
    const page = await load(id, "http://localhost:9");
    const token = (await getDocument(handle.db, t, id))!.document.publicToken;
    expect(page?.bancontact).toEqual({
      retryUrl: `https://facturo.test/d/${token}/pay/bancontact`,
    });
    expect(page?.status).toBe("to_pay");
  });
});
