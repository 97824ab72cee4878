import type { Locale, PaymentCreateParams } from "@mollie/api-client";
import { z } from "zod";
import { ProviderApiError, ProviderAuthError } from "../online/online-payment-provider";

/**
 * Mollie's Payments API v2 over fetch, with its root URL from configuration.
 * Why not @mollie/api-client's own HTTP: it pins Mollie's CA bundle and refuses
 * http:// (docs/belgian-invoicing.md §4.1), so it cannot reach the local stand-in that development
 * and the tests use. The seam is here, at our HTTP boundary; the request body keeps
 * the official package's types, the response is checked with zod.
 */
export type MolliePaymentParams = Pick<
  PaymentCreateParams,
  "amount" | "description" | "redirectUrl" | "webhookUrl" | "metadata"
> & {
  /** The package types it as an enum; its string values are what the API takes. */
  locale?: `${Locale}`;
};

const mollieStatuses = [
  "open",
  "pending",
  "authorized",
  "paid",
  "canceled",
  "expired",
  "failed",
] as const;

export const molliePaymentSchema = z.object({
  id: z.string().regex(/^tr_\w+$/),
  mode: z.enum(["test", "live"]),
  status: z.enum(mollieStatuses),
  amount: z.object({ currency: z.string(), value: z.string() }),
  method: z.string().nullish(),
  metadata: z.unknown().optional(),
  expiresAt: z.string().nullish(),
  paidAt: z.string().nullish(),
  _links: z.object({ checkout: z.object({ href: z.string().url() }).nullish() }),
});
export type MolliePayment = z.infer<typeof molliePaymentSchema>;

export interface MollieClient {
  createPayment(params: MolliePaymentParams): Promise<MolliePayment>;
  /** Null when Mollie does not know the id (or it belongs to another account). */
  getPayment(id: string): Promise<MolliePayment | null>;
  /** Lists one payment: the cheapest call that proves the key works. */
  checkKey(): Promise<void>;
}

const TIMEOUT_MS = 15_000;

export function mollieClient(apiUrl: string, apiKey: string): MollieClient {
  const root = apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`;
  async function call(method: "GET" | "POST", path: string, body?: unknown) {
    const response = await fetch(new URL(path, root), {
      method,
      headers: {
        Authorization: `Bearer ${apiKey}`,
        Accept: "application/hal+json, application/json",
        ...(body ? { "Content-Type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 401) throw new ProviderAuthError("mollie");
    return response;
  }
  async function failure(response: Response): Promise<ProviderApiError> {
    const text = await response.text().catch(() => "");
    return new ProviderApiError("mollie", response.status, text.slice(0, 500));
  }
  return {
    async createPayment(params) {
      const response = await call("POST", "payments", params);
      if (response.status !== 201) throw await failure(response);
      return molliePaymentSchema.parse(await response.json());
    },
    async getPayment(id) {
      const response = await call("GET", `payments/${encodeURIComponent(id)}`);
      if (response.status === 404) return null;
      if (!response.ok) throw await failure(response);
      return molliePaymentSchema.parse(await response.json());
    },
    async checkKey() {
      const response = await call("GET", "payments?limit=1");
      if (!response.ok) throw await failure(response);
    },
  };
}
