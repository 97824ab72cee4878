import { z } from "zod";
import { ProviderApiError, ProviderAuthError } from "../online/online-payment-provider";

/**
 * Bancontact Pro's (ex-Payconiq) Merchant Payment API v3 over fetch. The host comes
 * from configuration: production, pre-production, or the local stand-in.
 */
export interface BancontactPaymentParams {
  /** Euro cents. */
  amount: number;
  currency: "EUR";
  /** Max 35 characters (SEPA set): returned in callbacks, shown on the merchant's statement. */
  reference: string;
  /** Max 140 characters, shown to the payer. */
  description: string;
  callbackUrl: string;
  returnUrl: string;
}

const bancontactStatuses = [
  "PENDING",
  "IDENTIFIED",
  "AUTHORIZED",
  "AUTHORIZATION_FAILED",
  "SUCCEEDED",
  "FAILED",
  "CANCELLED",
  "EXPIRED",
  "PENDING_MERCHANT_ACKNOWLEDGEMENT",
  "VOIDED",
] as const;

const link = z.object({ href: z.string().url() });

export const bancontactPaymentSchema = z.object({
  paymentId: z.string().min(1),
  status: z.enum(bancontactStatuses),
  amount: z.number().int(),
  currency: z.string().default("EUR"),
  reference: z.string().nullish(),
  expiresAt: z.string().nullish(),
  succeededAt: z.string().nullish(),
  _links: z
    .object({ deeplink: link.nullish(), qrcode: link.nullish(), checkout: link.nullish() })
    .default({}),
});
export type BancontactPayment = z.infer<typeof bancontactPaymentSchema>;

export interface BancontactClient {
  createPayment(params: BancontactPaymentParams): Promise<BancontactPayment>;
  /** Null when the payment is unknown to this payment profile. */
  getPayment(paymentId: string): Promise<BancontactPayment | null>;
  /** Searches the last day's payments: proves the key works without creating anything. */
  checkKey(): Promise<void>;
}

const TIMEOUT_MS = 15_000;

export function bancontactClient(apiUrl: string, apiKey: string): BancontactClient {
  async function call(method: "GET" | "POST", path: string, body?: unknown) {
    const response = await fetch(new URL(path, apiUrl), {
      method,
      headers: {
        Authorization: `Bearer ${apiKey}`,
        Accept: "application/json",
        ...(body ? { "Content-Type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 401 || response.status === 403)
      throw new ProviderAuthError("bancontact");
    return response;
  }
  async function failure(response: Response): Promise<ProviderApiError> {
    const text = await response.text().catch(() => "");
    return new ProviderApiError("bancontact", response.status, text.slice(0, 500));
  }
  return {
    async createPayment(params) {
      const response = await call("POST", "/v3/payments", params);
      if (response.status !== 201 && response.status !== 200) throw await failure(response);
      return bancontactPaymentSchema.parse(await response.json());
    },
    async getPayment(paymentId) {
      const response = await call("GET", `/v3/payments/${encodeURIComponent(paymentId)}`);
      if (response.status === 404) return null;
      if (!response.ok) throw await failure(response);
      return bancontactPaymentSchema.parse(await response.json());
    },
    async checkKey() {
      const to = new Date();
      const from = new Date(to.getTime() - 24 * 3600_000);
      const response = await call("POST", "/v3/payments/search?page=0&size=1", {
        from: from.toISOString(),
        to: to.toISOString(),
      });
      if (!response.ok) throw await failure(response);
    },
  };
}
