import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { DocumentNotFoundError, getDocument } from "@/db/queries/documents";
import { getLogo, getOrganisation } from "@/db/queries/organisations";
import { sellerOf } from "@/lib/company/seller-snapshot";
import { documents } from "@/db/schema";
import type { Tenant } from "@/db/tenant";
import { getConfig } from "@/lib/config/env";
import { availableProviders } from "@/lib/payments/online/available-providers";
import { stablePayUrl } from "@/lib/payments/online/payment-urls";
import { buildDocumentPdfModel } from "./build-document-pdf-model";
import type { DocumentPdfModel } from "./document-pdf-model";
import { getRenderPool } from "./render-pool/render-pool";
import { logoWithinLimits } from "@/lib/company/logo";
import {
  isPeppolFirst,
  peppolCopyPdfNotice,
  type PeppolCopyState,
} from "@/lib/peppol/send/peppol-copy";

/**
 * Renders a view model to PDF bytes: the one render function of the app (routes, the
 * send job, UBL's embedded PDF, stored originals). It runs in the worker-thread pool
 * (./render-pool), off the event loop that answers requests, with a time and memory
 * limit; it throws PdfRenderBusyError when every thread is busy and the queue is full.
 */
export async function renderDocumentPdfModel(model: DocumentPdfModel): Promise<Buffer> {
  return getRenderPool().render(model);
}

/** Loads everything a document's PDF prints and builds its view model. */
export async function loadDocumentPdfModel(
  db: Db,
  t: Tenant,
  documentId: string,
  /** Where the printed pay links point (APP_URL unless the caller already holds its config). */
  options: {
    appUrl?: string;
    /**
     * Which Peppol copy line a Peppol-first document's PDF prints (peppol-copy.ts). By
     * default "pending": the issued PDF, stored once, is a copy of an invoice that goes
     * over Peppol, whatever became of it since. The email job passes the state it knows
     * (delivered, not found) for the copy it attaches.
     */
    peppolCopy?: PeppolCopyState;
  } = {},
): Promise<DocumentPdfModel> {
  const found = await getDocument(db, t, documentId);
  if (!found) throw new DocumentNotFoundError(documentId);
  const { document, lines } = found;
  const payableOnline =
    document.type === "invoice" &&
    (document.status === "sent" || document.status === "partially_paid") &&
    document.publicToken;
  const [organisation, logo, credited, online] = await Promise.all([
    getOrganisation(db, t.organisationId),
    getLogo(db, t.organisationId),
    document.creditedDocumentId
      ? db
          .select({ number: documents.number, issueDate: documents.issueDate })
          .from(documents)
          .where(t.where(documents, eq(documents.id, document.creditedDocumentId)))
          .then((rows) => rows[0] ?? null)
      : Promise.resolve(null),
    payableOnline ? availableProviders(db, t) : Promise.resolve([]),
  ]);
  const copy = isPeppolFirst(document) ? (options.peppolCopy ?? "pending") : null;
  // Stable Facturo links, not provider payments: nothing is asked of Mollie to render a PDF.
  const onlinePayments = online.map((provider) => ({
    provider,
    url: stablePayUrl(options.appUrl ?? getConfig().APP_URL, document.publicToken ?? "", provider),
  }));
  return buildDocumentPdfModel({
    organisation: sellerOf(organisation, document.seller),
    logo: logoWithinLimits(logo),
    document,
    lines,
    creditedDocument: credited,
    onlinePayments,
    copyNotice: copy ? peppolCopyPdfNotice(copy, document.type, document.language) : null,
  });
}

/** The PDF of one of the tenant's documents; throws DocumentNotFoundError when it is not theirs. */
export async function renderDocumentPdf(db: Db, t: Tenant, documentId: string): Promise<Buffer> {
  return renderDocumentPdfModel(await loadDocumentPdfModel(db, t, documentId));
}
