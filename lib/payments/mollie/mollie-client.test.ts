import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMollieStandIn, type MollieStandIn } from "@facturo/mollie-stand-in";
import { ProviderApiError, ProviderAuthError } from "../online/online-payment-provider";
import { mollieKeyMode } from "./mollie-api-key";
import { mollieClient } from "./mollie-client";
import { mollieProvider } from "./mollie-provider";

const KEY = "test_abcdefghijklmnopqrstuvwxyz1234";
let standIn: MollieStandIn;
let apiUrl: string;

beforeAll(async () => {
  standIn = await startMollieStandIn({});
  apiUrl = `${standIn.origin}/v2/`;
});
afterAll(() => standIn?.close());

const params = {
  amount: { currency: "EUR", value: "12.10" },
  description: "Facture 2026-0001",
  redirectUrl: "http://localhost:3000/d/token",
  webhookUrl: "http://localhost:3000/api/payments/mollie/webhook",
  metadata: { documentId: "doc" },
};

describe("the Mollie REST client", () => {
  it("creates a payment and reads it back", async () => {
    const client = mollieClient(apiUrl, KEY);
    const created = await client.createPayment(params);
    expect(created).toMatchObject({ status: "open", mode: "test", amount: params.amount });
    expect(created._links.checkout?.href).toMatch(/\/checkout\/tr_/);
    expect(await client.getPayment(created.id)).toMatchObject({ id: created.id, status: "open" });
  });

  it("does not see another key's payment, nor an unknown one", async () => {
    const created = await mollieClient(apiUrl, KEY).createPayment(params);
    const otherKey = "live_zyxwvutsrqponmlkjihgfedcba9876";
    expect(await mollieClient(apiUrl, otherKey).getPayment(created.id)).toBeNull();
    expect(await mollieClient(apiUrl, KEY).getPayment("tr_unknown")).toBeNull();
  });

  it("turns a refused key into ProviderAuthError, other refusals into ProviderApiError", async () => {
    const revoked = mollieClient(apiUrl, "test_revokedrevokedrevokedrevoked");
    await expect(revoked.checkKey()).rejects.toBeInstanceOf(ProviderAuthError);
    await expect(mollieClient(apiUrl, KEY).checkKey()).resolves.toBeUndefined();
    await expect(
      mollieClient(apiUrl, KEY).createPayment({
        ...params,
        amount: { currency: "EUR", value: "12.1" },
      }),
    ).rejects.toBeInstanceOf(ProviderApiError);
  });

  it("sends amounts in cents as strings with two decimals, and reads them back as cents", async () => {
    const provider = mollieProvider(apiUrl);
    const payment = await provider.createPayment(KEY, {
      documentId: "doc",
      invoiceNumber: "2026-0007",
      amountCents: 5,
      currency: "EUR",
      structuredCommunication: "240283842818",
      description: "Invoice 2026-0007",
      language: "nl",
      returnUrl: "http://localhost:3000/d/x",
      notifyUrl: "http://localhost:3000/api/payments/mollie/webhook",
    });
    const stored = standIn.payments.get(payment.providerPaymentId);
    expect(stored?.amount.value).toBe("0.05");
    expect(stored?.locale).toBe("nl_BE");
    expect(payment.amountCents).toBe(5);
  });
});

describe("Mollie API keys", () => {
  it.each([
    ["test_abcdefghijklmnopqrstuvwxyz1234", "test"],
    ["  live_abcdefghijklmnopqrstuvwxyz1234 ", "live"],
    ["pfl_abcdefghijklmnopqrstu", null],
    ["test_short", null],
    ["access_abcdefghijklmnopqrstuvwxyz1234", null],
  ])("%s → %s", (key, mode) => {
    expect(mollieKeyMode(key)).toBe(mode);
  });
});
