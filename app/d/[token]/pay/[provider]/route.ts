import { getDb } from "@/db";
import { getRequestLogger } from "@/app/_server/request-logger";
import { getConfig } from "@/lib/config/env";
import { openOnlinePayment } from "@/lib/payments/online/open-online-payment";
import { isOnlinePaymentProviderKey } from "@/lib/payments/online/online-payment-provider";
import { customerInvoiceUrl } from "@/lib/payments/online/payment-urls";
import { onlinePaymentProviders } from "@/lib/payments/online/providers";
import { findDocumentByPublicToken } from "@/lib/pdf/find-document-by-public-token";
import { tooManyRequests } from "@/lib/security/rate-limit";
import { admitPublicDocumentRequest } from "@/lib/security/public-document-limits";

export const dynamic = "force-dynamic";

/**
 * GET /d/{token}/pay/{mollie|bancontact}: the stable link printed on PDFs and sent
 * in emails (a GET, because it is a QR code or a link). It reuses the invoice's
 * open payment or makes a fresh one, then sends the customer to the provider; a
 * paid invoice, or one the merchant no longer takes online, goes to its page.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ token: string; provider: string }> },
) {
  const { token, provider } = await params;
  const db = await getDb();
  const admitted = await admitPublicDocumentRequest(db, token, request.headers);
  if (!admitted.allowed) return tooManyRequests(admitted);
  const found = await findDocumentByPublicToken(db, token);
  if (!found || !isOnlinePaymentProviderKey(provider)) {
    return new Response("Not found", { status: 404, headers: { "x-robots-tag": "noindex" } });
  }
  const config = getConfig();
  const invoicePage = customerInvoiceUrl(config.APP_URL, token);
  try {
    const opened = await openOnlinePayment(
      { db, config, providers: onlinePaymentProviders(config) },
      found.tenant,
      found.documentId,
      provider,
    );
    if (opened.ok && opened.payment.checkoutUrl) return redirect(opened.payment.checkoutUrl);
    // Paid (or no longer payable): the page says so.
    if (!opened.ok && opened.reason === "not_payable") return redirect(invoicePage);
  } catch (error) {
    (await getRequestLogger()).warn({ err: error, provider }, "Online payment could not be made");
  }
  return redirect(`${invoicePage}?unavailable=${provider}`);
}

function redirect(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: location, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}
