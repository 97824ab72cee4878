import {
  getDocumentSend,
  markDocumentSendError,
  markDocumentSendSent,
} from "@/db/queries/document-sends";
import { resolveDocumentTexts } from "@/db/queries/document-texts";
import { getDocument, recordDocumentEvent } from "@/db/queries/documents";
import { getOrganisation } from "@/db/queries/organisations";
import { tenant } from "@/db/tenant";
import { renderText } from "@/lib/documents/default-texts";
import { reminderTexts } from "@/lib/documents/reminder-texts";
import { documentTextValues } from "@/lib/documents/text-values";
import { sendEmail } from "@/lib/email/send-email";
import { customerInvoiceUrl } from "@/lib/payments/online/payment-urls";
import { issuedPdf } from "@/lib/documents/originals/issued-pdf";
import { loadDocumentPdfModel, renderDocumentPdfModel } from "@/lib/pdf/render-document-pdf";
import { PermanentJobError } from "@/lib/jobs/permanent-job-error";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { sendDocumentJob } from "./send-document.job";
import { paidInFullOnIssue } from "@/lib/documents/document-state";
import { listDocumentTransmissions } from "@/db/queries/peppol-transmissions";
import { belgianBuyerParticipants } from "@/lib/peppol/send/buyer-participant";
import { peppolCopyEmailNotice, peppolCopyState } from "@/lib/peppol/send/peppol-copy";
import { formatParticipant } from "@/lib/peppol/transport/participant";

/** The work of `sendDocumentJob` (see its definition, ./send-document.job.ts). */
export const sendDocumentHandler = defineJobHandler(
  sendDocumentJob,
  async ({ organisationId, sendId }, ctx) => {
    const t = tenant(organisationId);
    const send = await getDocumentSend(ctx.db, t, sendId);
    if (!send) throw new PermanentJobError(`Send ${sendId} does not exist`, "send_missing");
    if (send.status === "sent") return;
    const found = await getDocument(ctx.db, t, send.documentId);
    if (!found)
      throw new PermanentJobError(`Document ${send.documentId} is gone`, "document_missing");
    const { document } = found;
    const organisation = await getOrganisation(ctx.db, organisationId);
    const isReminder = send.kind === "reminder";
    if (isReminder && document.status === "paid") {
      // Paid between the click and now: a reminder would be wrong, so it never leaves.
      await markDocumentSendError(ctx.db, t, sendId, "Paid before the reminder left", true);
      return;
    }
    const resolved = await resolveDocumentTexts(ctx.db, t, {
      type: document.type,
      state: document.status === "paid" || paidInFullOnIssue(document) ? "paid" : "unpaid",
      documentLanguage: document.language,
    });
    // A reminder speaks the same language as the invoice's email, with its own words.
    const { language } = resolved;
    const texts = isReminder ? reminderTexts(language) : resolved.texts;
    const values = documentTextValues({
      language,
      number: document.number,
      sourceName: document.sourceName,
      customerName: document.customer?.name ?? null,
      totalCents: document.totalCents,
      paidCents: document.paidCents,
      currency: document.currency,
      dueDate: document.dueDate,
      structuredCommunication: document.structuredCommunication,
      companyName: organisation.legalName,
      // The customer's invoice page, with every way to pay (online ones included).
      paymentLink:
        document.type === "invoice" &&
        document.status !== "paid" &&
        !paidInFullOnIssue(document) &&
        document.publicToken
          ? customerInvoiceUrl(ctx.config.APP_URL, document.publicToken)
          : null,
    });
    // Peppol first: to a Belgian business the PDF is a copy, and the email says which
    // (delivered over Peppol, or not found there); the PDF prints the same line.
    const [latest] = await listDocumentTransmissions(ctx.db, t, document.id);
    const copy = peppolCopyState(document, latest ?? null);
    const copyNotice = copy
      ? peppolCopyEmailNotice(
          copy,
          document.type,
          language,
          belgianBuyerParticipants(document.customer).map(formatParticipant),
        )
      : null;
    const body = renderText(texts.emailBody, values);
    try {
      // The original as issued (stored now if the store-originals job has not run yet).
      // A Peppol-first document's original is a copy "sent over Peppol"; once Peppol has
      // answered (delivered, or the buyer not found), the buyer gets a copy that says so,
      // made from the same data: the legal original is the UBL, kept as transmitted.
      const appUrl = ctx.config.APP_URL;
      const pdf =
        copy && copy !== "pending"
          ? await renderDocumentPdfModel(
              await loadDocumentPdfModel(ctx.db, t, document.id, { appUrl, peppolCopy: copy }),
            )
          : (await issuedPdf(ctx.db, t, document.id, { appUrl })).bytes;
      const email = await sendEmail(ctx, {
        organisationId,
        to: send.toAddress,
        subject: renderText(texts.emailSubject, values),
        text: copyNotice ? `${copyNotice}\n\n${body}` : body,
        fromName: organisation.emailSenderName ?? organisation.legalName,
        replyTo: organisation.emailReplyTo,
        attachments: [
          {
            filename: `${document.number ?? "document"}.pdf`.replace(/[^\w.-]/g, "_"),
            contentType: "application/pdf",
            contentBase64: pdf.toString("base64"),
          },
        ],
        idempotencyKey: `document-send:${sendId}`,
      });
      await markDocumentSendSent(ctx.db, t, sendId, email.id);
      await recordDocumentEvent(ctx.db, t, document.id, isReminder ? "reminder_sent" : "sent", {
        to: send.toAddress,
        emailId: email.id,
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = err instanceof PermanentJobError;
      await markDocumentSendError(ctx.db, t, sendId, message, final);
      await recordDocumentEvent(ctx.db, t, document.id, "send_failed", {
        to: send.toAddress,
        error: message,
      });
      throw err;
    }
  },
);
