import type { Db } from "@/db/client";
import { getDocument } from "@/db/queries/documents";
import { getOrganisation } from "@/db/queries/organisations";
import {
  insertOnlinePayment,
  latestOnlinePayment,
  type OnlinePayment,
} from "@/db/queries/online-payments";
import type { Tenant } from "@/db/tenant";
import type { AppConfig } from "@/lib/config/env";
import { amountDue, isPayable } from "@/lib/documents/document-state";
import { pdfLabels } from "@/lib/pdf/pdf-labels";
import type { OnlinePaymentProviderKey } from "./online-payment-provider";
import { customerInvoiceUrl, providerNotifyUrl } from "./payment-urls";
import { activeProviderApiKey } from "./provider-api-key";
import type { OnlinePaymentProviders } from "./providers";

export interface OnlinePaymentDeps {
  db: Db;
  config: Pick<AppConfig, "APP_URL" | "ENCRYPTION_KEY">;
  providers: OnlinePaymentProviders;
  now?: () => Date;
}

/** Why no payment can be offered: the invoice is settled, or the provider is not set up. */
export type NotPayableReason = "not_payable" | "not_configured";

export type OpenOnlinePaymentResult =
  { ok: true; payment: OnlinePayment; created: boolean } | { ok: false; reason: NotPayableReason };

/** A payment that expires within this margin is not handed to a customer any more. */
const EXPIRY_MARGIN_MS = 2 * 60_000;

/**
 * Two opens at once (a page load and its refresh, a double click) would make two
 * payments: in one process the second waits for the first. Across several web
 * processes a spare payment can still be made; it is never shown again and expires.
 */
const inFlight = new Map<string, Promise<OpenOnlinePaymentResult>>();

/**
 * The payment a customer should use now for an invoice at one provider: the last
 * one while it is still open for the amount due, else a fresh one (the last one
 * expired, failed, was cancelled, or a part of the invoice has been paid since).
 */
export function openOnlinePayment(
  deps: OnlinePaymentDeps,
  t: Tenant,
  documentId: string,
  providerKey: OnlinePaymentProviderKey,
): Promise<OpenOnlinePaymentResult> {
  const key = `${t.organisationId}:${documentId}:${providerKey}`;
  const running = inFlight.get(key);
  if (running) return running;
  const opening = reuseOrCreate(deps, t, documentId, providerKey).finally(() =>
    inFlight.delete(key),
  );
  inFlight.set(key, opening);
  return opening;
}

async function reuseOrCreate(
  deps: OnlinePaymentDeps,
  t: Tenant,
  documentId: string,
  providerKey: OnlinePaymentProviderKey,
): Promise<OpenOnlinePaymentResult> {
  const { db, config } = deps;
  const now = deps.now?.() ?? new Date();
  const found = await getDocument(db, t, documentId);
  const invoice = found?.document;
  if (!invoice || !isPayable(invoice) || !invoice.publicToken || !invoice.number) {
    return { ok: false, reason: "not_payable" };
  }
  const dueCents = amountDue(invoice);
  const apiKey = await activeProviderApiKey(db, t, providerKey, config.ENCRYPTION_KEY);
  if (!apiKey) return { ok: false, reason: "not_configured" };

  const last = await latestOnlinePayment(db, t, documentId, providerKey);
  if (last && isReusable(last, dueCents, now)) return { ok: true, payment: last, created: false };

  const organisation = await getOrganisation(db, t.organisationId);
  const title = pdfLabels(invoice.language).titles.invoice;
  const remote = await deps.providers[providerKey].createPayment(apiKey, {
    documentId,
    invoiceNumber: invoice.number,
    amountCents: dueCents,
    currency: invoice.currency,
    structuredCommunication: invoice.structuredCommunication,
    description: `${title} ${invoice.number} – ${organisation.legalName}`,
    language: invoice.language,
    returnUrl: `${customerInvoiceUrl(config.APP_URL, invoice.publicToken)}?return=${providerKey}`,
    notifyUrl: providerNotifyUrl(config.APP_URL, providerKey),
  });
  const payment = await insertOnlinePayment(db, t, {
    documentId,
    provider: providerKey,
    providerPaymentId: remote.providerPaymentId,
    status: remote.status,
    amountCents: remote.amountCents,
    currency: remote.currency,
    checkoutUrl: remote.checkoutUrl,
    qrPayload: remote.qrPayload,
    mode: remote.mode,
    expiresAt: remote.expiresAt,
  });
  return { ok: true, payment, created: true };
}

function isReusable(payment: OnlinePayment, dueCents: number, now: Date): boolean {
  if (payment.status !== "open" && payment.status !== "pending") return false;
  if (payment.amountCents !== dueCents || !payment.checkoutUrl) return false;
  return !payment.expiresAt || payment.expiresAt.getTime() - EXPIRY_MARGIN_MS > now.getTime();
}
