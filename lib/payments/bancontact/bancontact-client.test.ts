import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBancontactStandIn, type BancontactStandIn } from "@facturo/bancontact-stand-in";
import { ProviderApiError, ProviderAuthError } from "../online/online-payment-provider";
import { bancontactClient } from "./bancontact-client";
import { bancontactProvider } from "./bancontact-provider";

const KEY = "payment-profile-api-key";
let standIn: BancontactStandIn;

beforeAll(async () => {
  standIn = await startBancontactStandIn({});
});
afterAll(() => standIn?.close());

const params = {
  amount: 12100,
  currency: "EUR",
  reference: "240283842818",
  description: "Factuur 2026-0001",
  callbackUrl: "http://localhost:3000/api/payments/bancontact/callback",
  returnUrl: "http://localhost:3000/d/token",
} as const;

describe("the Bancontact Pro (Payconiq) REST client", () => {
  it("creates a payment (amount in cents) and reads it back with its deep link", async () => {
    const client = bancontactClient(standIn.origin, KEY);
    const created = await client.createPayment(params);
    expect(created).toMatchObject({ status: "PENDING", amount: 12100, reference: "240283842818" });
    expect(created._links.deeplink?.href).toBe(`${standIn.origin}/pay/2/${created.paymentId}`);
    expect(await client.getPayment(created.paymentId)).toMatchObject({ status: "PENDING" });
    expect(await client.getPayment("000000000000000000000000")).toBeNull();
  });

  it("turns a refused key into ProviderAuthError, a refused payment into ProviderApiError", async () => {
    await expect(
      bancontactClient(standIn.origin, "revoked-key-123").checkKey(),
    ).rejects.toBeInstanceOf(ProviderAuthError);
    await expect(bancontactClient(standIn.origin, KEY).checkKey()).resolves.toBeUndefined();
    await expect(
      bancontactClient(standIn.origin, KEY).createPayment({ ...params, amount: 0 }),
    ).rejects.toBeInstanceOf(ProviderApiError);
  });

  it("maps statuses: SUCCEEDED is paid, IDENTIFIED is only pending", async () => {
    const provider = bancontactProvider(standIn.origin);
    const payment = await provider.createPayment(KEY, {
      documentId: "doc",
      invoiceNumber: "2026-0001",
      amountCents: 12100,
      currency: "EUR",
      structuredCommunication: null,
      description: "x".repeat(200),
      language: "fr",
      returnUrl: "http://localhost:3000/d/x",
      notifyUrl: "http://localhost:3000/api/payments/bancontact/callback",
    });
    const stored = standIn.payments.get(payment.providerPaymentId);
    // Without a structured communication the invoice number is the reference; descriptions are clipped.
    expect(stored).toMatchObject({ reference: "2026-0001" });
    expect(stored?.description).toHaveLength(140);
    expect(payment.status).toBe("open");
    stored!.status = "IDENTIFIED";
    expect((await provider.fetchPayment(KEY, payment.providerPaymentId))?.status).toBe("pending");
    stored!.status = "SUCCEEDED";
    stored!.succeededAt = "2026-11-29T10:00:00.000Z";
    expect(await provider.fetchPayment(KEY, payment.providerPaymentId)).toMatchObject({
      status: "paid",
      paidAt: new Date("2026-11-29T10:00:00.000Z"),
    });
  });
});
