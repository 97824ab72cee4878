import type { Db } from "@/db/client";
import type { Tenant } from "@/db/tenant";
import { mollieKeyMode } from "../mollie/mollie-api-key";
import { ProviderAuthError, type OnlinePaymentProviderKey } from "./online-payment-provider";
import { saveProviderApiKey } from "./provider-api-key";
import type { OnlinePaymentProviders } from "./providers";

export type ConnectError = "empty" | "format" | "refused" | "unreachable";
export type ConnectResult = { ok: true } | { ok: false; error: ConnectError };

/** Mollie's keys say their mode; a Bancontact profile key is one opaque token. */
function looksRight(provider: OnlinePaymentProviderKey, apiKey: string): boolean {
  if (provider === "mollie") return mollieKeyMode(apiKey) !== null;
  return /^\S{8,200}$/.test(apiKey);
}

/**
 * The merchant's Configure form: the key's shape first (a clear message for a pasted
 * profile id), then one harmless call with it, and only a key that works is sealed
 * and stored.
 */
export async function connectProvider(
  deps: { db: Db; providers: OnlinePaymentProviders; encryptionKey: string },
  t: Tenant,
  provider: OnlinePaymentProviderKey,
  input: string,
): Promise<ConnectResult> {
  const apiKey = input.trim();
  if (!apiKey) return { ok: false, error: "empty" };
  if (!looksRight(provider, apiKey)) return { ok: false, error: "format" };
  try {
    await deps.providers[provider].checkApiKey(apiKey);
  } catch (error) {
    return { ok: false, error: error instanceof ProviderAuthError ? "refused" : "unreachable" };
  }
  await saveProviderApiKey(deps.db, t, provider, apiKey, deps.encryptionKey);
  return { ok: true };
}
