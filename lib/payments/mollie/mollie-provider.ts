import type { OnlinePaymentStatus } from "@/db/schema";
import { centsToDecimalString, parseDecimalToCents } from "@/lib/money";
import type {
  OnlinePaymentProvider,
  PaymentRequest,
  ProviderPayment,
} from "../online/online-payment-provider";
import { mollieClient, type MolliePayment } from "./mollie-client";

/** `authorized` waits for a capture: for an invoice it is not money yet. */
const statusMap: Record<MolliePayment["status"], OnlinePaymentStatus> = {
  open: "open",
  pending: "pending",
  authorized: "pending",
  paid: "paid",
  canceled: "canceled",
  expired: "expired",
  failed: "failed",
};

/** Belgian variants where Mollie has them. */
const mollieLocales = { fr: "fr_BE", nl: "nl_BE", en: "en_GB", de: "de_DE" } as const;

function toProviderPayment(payment: MolliePayment): ProviderPayment {
  return {
    providerPaymentId: payment.id,
    status: statusMap[payment.status],
    amountCents: parseDecimalToCents(payment.amount.value),
    currency: payment.amount.currency,
    checkoutUrl: payment._links.checkout?.href ?? null,
    qrPayload: null,
    mode: payment.mode,
    expiresAt: payment.expiresAt ? new Date(payment.expiresAt) : null,
    paidAt: payment.paidAt ? new Date(payment.paidAt) : null,
    paidMethod: payment.method ?? null,
  };
}

export function mollieProvider(apiUrl: string): OnlinePaymentProvider {
  return {
    key: "mollie",
    async createPayment(apiKey, request: PaymentRequest) {
      const payment = await mollieClient(apiUrl, apiKey).createPayment({
        // A string with exactly two decimals, as Mollie requires.
        amount: { currency: request.currency, value: centsToDecimalString(request.amountCents) },
        description: request.description,
        redirectUrl: request.returnUrl,
        webhookUrl: request.notifyUrl,
        locale: mollieLocales[request.language],
        metadata: {
          documentId: request.documentId,
          structuredCommunication: request.structuredCommunication,
        },
      });
      return toProviderPayment(payment);
    },
    async fetchPayment(apiKey, id) {
      const payment = await mollieClient(apiUrl, apiKey).getPayment(id);
      return payment ? toProviderPayment(payment) : null;
    },
    checkApiKey: (apiKey) => mollieClient(apiUrl, apiKey).checkKey(),
  };
}
