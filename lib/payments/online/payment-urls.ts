import type { OnlinePaymentProviderKey } from "./online-payment-provider";

/** Facturo's public addresses around online payments; `appUrl` is APP_URL. */

function base(appUrl: string): string {
  return appUrl.replace(/\/+$/, "");
}

/** The customer's invoice page: no login, the token is the credential. */
export function customerInvoiceUrl(appUrl: string, publicToken: string): string {
  return `${base(appUrl)}/d/${publicToken}`;
}

/**
 * A link that never expires, for PDFs and emails: opening it makes (or reuses) a live
 * payment at the provider and redirects there. Bancontact payments live 20 minutes,
 * so a printed QR code must not encode one.
 */
export function stablePayUrl(
  appUrl: string,
  publicToken: string,
  provider: OnlinePaymentProviderKey,
): string {
  return `${customerInvoiceUrl(appUrl, publicToken)}/pay/${provider}`;
}

/** Where each provider reports status changes. */
export function providerNotifyUrl(appUrl: string, provider: OnlinePaymentProviderKey): string {
  return provider === "mollie"
    ? `${base(appUrl)}/api/payments/mollie/webhook`
    : `${base(appUrl)}/api/payments/bancontact/callback`;
}
