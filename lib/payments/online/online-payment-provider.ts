import type { OnlinePaymentProvider as ProviderKey, OnlinePaymentStatus } from "@/db/schema";
import type { DocumentLanguage } from "@/db/schema/organisations";

export type OnlinePaymentProviderKey = ProviderKey;
export const onlinePaymentProviderKeys = [
  "mollie",
  "bancontact",
] as const satisfies readonly ProviderKey[];

export function isOnlinePaymentProviderKey(value: string): value is OnlinePaymentProviderKey {
  return (onlinePaymentProviderKeys as readonly string[]).includes(value);
}

/** What Facturo asks a provider for: one invoice's amount due, paid once. */
export interface PaymentRequest {
  readonly documentId: string;
  readonly invoiceNumber: string;
  readonly amountCents: number;
  readonly currency: string;
  /** The invoice's 12 digits, or null when it has none. */
  readonly structuredCommunication: string | null;
  readonly description: string;
  /** The invoice's language: the provider's pages speak it where they can. */
  readonly language: DocumentLanguage;
  /** Where the payer lands afterwards: the customer's invoice page. */
  readonly returnUrl: string;
  /** Where the provider reports status changes (Mollie's webhook, Bancontact's callback). */
  readonly notifyUrl: string;
}

/** A provider's payment in Facturo's words. */
export interface ProviderPayment {
  readonly providerPaymentId: string;
  readonly status: OnlinePaymentStatus;
  readonly amountCents: number;
  readonly currency: string;
  /** Where the customer pays: Mollie's checkout, Bancontact's deep link. */
  readonly checkoutUrl: string | null;
  /** What a QR code for this payment encodes (Bancontact's deep link). */
  readonly qrPayload: string | null;
  readonly mode: string | null;
  readonly expiresAt: Date | null;
  readonly paidAt: Date | null;
  /** How the payer paid, as the provider names it (Mollie: bancontact, creditcard, …). */
  readonly paidMethod: string | null;
}

/**
 * One online payment provider, reached with the merchant's own API key. Each call is
 * an outside request: callers never run them while rendering a PDF.
 */
export interface OnlinePaymentProvider {
  readonly key: OnlinePaymentProviderKey;
  createPayment(apiKey: string, request: PaymentRequest): Promise<ProviderPayment>;
  /** The payment as the provider sees it now; null when the provider does not know it. */
  fetchPayment(apiKey: string, providerPaymentId: string): Promise<ProviderPayment | null>;
  /** Throws ProviderAuthError when the provider refuses the key. */
  checkApiKey(apiKey: string): Promise<void>;
}

/** The provider refused the merchant's API key (wrong, revoked, or for another mode). */
export class ProviderAuthError extends Error {
  constructor(provider: OnlinePaymentProviderKey) {
    super(`${provider} refused the API key`);
    this.name = "ProviderAuthError";
  }
}

/** Any other answer than the one expected: kept for the log, never shown to a customer. */
export class ProviderApiError extends Error {
  constructor(
    provider: OnlinePaymentProviderKey,
    readonly status: number,
    detail: string,
  ) {
    super(`${provider} answered ${status}: ${detail}`);
    this.name = "ProviderApiError";
  }
}
