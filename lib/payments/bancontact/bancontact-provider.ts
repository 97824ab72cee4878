import type { OnlinePaymentStatus } from "@/db/schema";
import type {
  OnlinePaymentProvider,
  PaymentRequest,
  ProviderPayment,
} from "../online/online-payment-provider";
import { bancontactClient, type BancontactPayment } from "./bancontact-client";

/** Scanned or authorised is not money yet; SUCCEEDED is. */
const statusMap: Record<BancontactPayment["status"], OnlinePaymentStatus> = {
  PENDING: "open",
  IDENTIFIED: "pending",
  AUTHORIZED: "pending",
  PENDING_MERCHANT_ACKNOWLEDGEMENT: "pending",
  SUCCEEDED: "paid",
  AUTHORIZATION_FAILED: "failed",
  FAILED: "failed",
  CANCELLED: "canceled",
  VOIDED: "canceled",
  EXPIRED: "expired",
};

/** The API takes at most 140 characters of description and 35 of reference. */
function clip(text: string, max: number): string {
  return [...text].slice(0, max).join("");
}

function toProviderPayment(payment: BancontactPayment, apiUrl: string): ProviderPayment {
  const deeplink = payment._links.deeplink?.href ?? payment._links.checkout?.href ?? null;
  return {
    providerPaymentId: payment.paymentId,
    status: statusMap[payment.status],
    amountCents: payment.amount,
    currency: payment.currency,
    checkoutUrl: deeplink,
    // The QR code encodes the deep link; Facturo draws it (no hot-linked image).
    qrPayload: deeplink,
    mode: apiUrl.includes("preprod") ? "test" : null,
    expiresAt: payment.expiresAt ? new Date(payment.expiresAt) : null,
    paidAt: payment.succeededAt ? new Date(payment.succeededAt) : null,
    paidMethod: null,
  };
}

export function bancontactProvider(apiUrl: string): OnlinePaymentProvider {
  return {
    key: "bancontact",
    async createPayment(apiKey, request: PaymentRequest) {
      const payment = await bancontactClient(apiUrl, apiKey).createPayment({
        amount: request.amountCents,
        currency: "EUR",
        // The structured communication's digits: the merchant's statement then names the invoice.
        reference: clip(request.structuredCommunication ?? request.invoiceNumber, 35),
        description: clip(request.description, 140),
        callbackUrl: request.notifyUrl,
        returnUrl: request.returnUrl,
      });
      return toProviderPayment(payment, apiUrl);
    },
    async fetchPayment(apiKey, id) {
      const payment = await bancontactClient(apiUrl, apiKey).getPayment(id);
      return payment ? toProviderPayment(payment, apiUrl) : null;
    },
    checkApiKey: (apiKey) => bancontactClient(apiUrl, apiKey).checkKey(),
  };
}
