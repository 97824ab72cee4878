import type { AppConfig } from "@/lib/config/env";
import { bancontactProvider } from "../bancontact/bancontact-provider";
import { mollieProvider } from "../mollie/mollie-provider";
import type { OnlinePaymentProvider, OnlinePaymentProviderKey } from "./online-payment-provider";

export type OnlinePaymentProviders = Readonly<
  Record<OnlinePaymentProviderKey, OnlinePaymentProvider>
>;

/** Each provider at the base URL the configuration names (real service or stand-in). */
export function onlinePaymentProviders(
  config: Pick<AppConfig, "MOLLIE_API_URL" | "BANCONTACT_API_URL">,
): OnlinePaymentProviders {
  return {
    mollie: mollieProvider(config.MOLLIE_API_URL),
    bancontact: bancontactProvider(config.BANCONTACT_API_URL),
  };
}
