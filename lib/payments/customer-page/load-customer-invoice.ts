import type { Db } from "@/db/client";
import { getDocument } from "@/db/queries/documents";
import type { Tenant } from "@/db/tenant";
import type { AppConfig } from "@/lib/config/env";
import { paymentSummary } from "@/lib/documents/document-state";
import { epcQrPngDataUrl } from "@/lib/epc-qr";
import type { Logger } from "@/lib/log/logger";
import type { DocumentPdfModel } from "@/lib/pdf/document-pdf-model";
import { loadDocumentPdfModel } from "@/lib/pdf/render-document-pdf";
import { availableProviders } from "../online/available-providers";
import { openOnlinePayment } from "../online/open-online-payment";
import { stablePayUrl } from "../online/payment-urls";
import type { OnlinePaymentProviders } from "../online/providers";
import { customerPageLabels, type CustomerPageLabels } from "./customer-page-labels";

export type CustomerInvoiceStatus = "paid" | "partially_paid" | "to_pay";

export interface LiveBancontactQr {
  readonly deeplink: string;
  readonly qrPngDataUrl: string;
  /** `HH:MM` in Brussels, or null when the provider gave no expiry. */
  readonly validUntil: string | null;
}

/** Everything the customer's invoice page shows, in the invoice's language. */
export interface CustomerInvoice {
  readonly model: DocumentPdfModel;
  readonly labels: CustomerPageLabels;
  readonly status: CustomerInvoiceStatus | null;
  /** Stable link that opens a Mollie checkout, when the merchant offers Mollie. */
  readonly mollieUrl: string | null;
  /** The live Bancontact payment, or the stable link to retry when it could not be made. */
  readonly bancontact: LiveBancontactQr | { readonly retryUrl: string } | null;
}

/**
 * The customer's invoice page: the PDF's own view model (same amounts, same EPC QR
 * code), its payment status, and the online ways to pay. The Bancontact QR code is
 * a live payment (they last 20 minutes), made or reused as the page opens; Mollie's
 * checkout is only made when the customer clicks.
 */
export async function loadCustomerInvoice(
  deps: {
    db: Db;
    config: Pick<AppConfig, "APP_URL" | "ENCRYPTION_KEY">;
    providers: OnlinePaymentProviders;
    log: Logger;
  },
  t: Tenant,
  documentId: string,
): Promise<CustomerInvoice | null> {
  const found = await getDocument(deps.db, t, documentId);
  if (!found) return null;
  const { document } = found;
  const model = await loadDocumentPdfModel(deps.db, t, documentId, {
    appUrl: deps.config.APP_URL,
  });
  const labels = customerPageLabels(document.language);
  const status: CustomerInvoiceStatus | null = paymentSummary(document);
  const payable = status === "to_pay" || status === "partially_paid";
  const providers = payable && document.publicToken ? await availableProviders(deps.db, t) : [];
  const token = document.publicToken ?? "";

  let bancontact: CustomerInvoice["bancontact"] = null;
  if (providers.includes("bancontact")) {
    try {
      const opened = await openOnlinePayment(deps, t, documentId, "bancontact");
      bancontact =
        opened.ok && opened.payment.qrPayload
          ? {
              deeplink: opened.payment.qrPayload,
              qrPngDataUrl: epcQrPngDataUrl(opened.payment.qrPayload),
              validUntil: opened.payment.expiresAt
                ? brusselsTime(opened.payment.expiresAt, model.intlLocale)
                : null,
            }
          : null;
    } catch (error) {
      // The page still offers the bank transfer; the customer can try the QR again.
      deps.log.warn({ err: error, documentId }, "Bancontact payment could not be made");
      bancontact = { retryUrl: stablePayUrl(deps.config.APP_URL, token, "bancontact") };
    }
  }
  return {
    model,
    labels,
    status,
    mollieUrl: providers.includes("mollie")
      ? stablePayUrl(deps.config.APP_URL, token, "mollie")
      : null,
    bancontact,
  };
}

function brusselsTime(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Brussels",
  }).format(instant);
}
