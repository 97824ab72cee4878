import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getRequestLogger } from "@/app/_server/request-logger";
import { CustomerInvoiceView } from "@/components/payments/online/customer-invoice-view";
import { getConfig } from "@/lib/config/env";
import { getQueue } from "@/app/_server/queue";
import { loadCustomerInvoice } from "@/lib/payments/customer-page/load-customer-invoice";
import { checkOnReturn } from "@/lib/payments/online/check-on-return";
import { isOnlinePaymentProviderKey } from "@/lib/payments/online/online-payment-provider";
import { onlinePaymentProviders } from "@/lib/payments/online/providers";
import { queuePaymentCheck } from "@/lib/payments/online/queue-payment-check";
import { latestOnlinePayment } from "@/db/queries/online-payments";
import { findDocumentByPublicToken } from "@/lib/pdf/find-document-by-public-token";
import { admitPublicDocumentRequest } from "@/lib/security/public-document-limits";

export const dynamic = "force-dynamic";

// The token is the credential: keep the page out of search engines and referrers.
export const metadata: Metadata = {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** The customer's invoice page: what is due and every way to pay it, no login. */
export default async function CustomerInvoicePage({
  params,
  searchParams,
}: PageProps<"/d/[token]">) {
  const { token } = await params;
  const query = await searchParams;
  const from = query.return;
  const db = await getDb();
  // Counted before any work: a flood of one link (or from one address) gets this short page.
  const admitted = await admitPublicDocumentRequest(db, token, await headers());
  if (!admitted.allowed) {
    const t = await getTranslations("errors");
    return (
      <main className="auth-page">
        <h1>{t("tooManyTitle")}</h1>
        <p>{t("tooManyText", { seconds: admitted.retryAfterSeconds })}</p>
      </main>
    );
  }
  const found = await findDocumentByPublicToken(db, token);
  if (!found) notFound();
  const config = getConfig();
  const returningFrom = typeof from === "string" && isOnlinePaymentProviderKey(from) ? from : null;
  if (returningFrom) {
    await checkOnReturn(db, found.tenant, found.documentId, returningFrom, async (p, id) =>
      queuePaymentCheck(await getQueue(), p, id),
    );
  }
  // Back from a payment that ended without money: say so, instead of waiting forever.
  const returned = returningFrom
    ? await latestOnlinePayment(db, found.tenant, found.documentId, returningFrom)
    : null;
  const returnedUnpaid =
    returned !== null && ["failed", "expired", "canceled"].includes(returned.status);
  const invoice = await loadCustomerInvoice(
    { db, config, providers: onlinePaymentProviders(config), log: await getRequestLogger() },
    found.tenant,
    found.documentId,
  );
  if (!invoice) notFound();
  return (
    <CustomerInvoiceView
      invoice={invoice}
      pdfUrl={`/d/${token}/pdf`}
      returningFrom={returningFrom}
      returnedUnpaid={returnedUnpaid}
      onlineUnavailable={query.unavailable !== undefined}
    />
  );
}
