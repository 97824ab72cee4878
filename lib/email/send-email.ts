import "server-only";
import { Resend } from "resend";
import type { Db } from "@/db";
import { findEmailByIdempotencyKey, recordEmail } from "@/db/queries/emails";
import type { StoredAttachment } from "@/db/schema";
import type { AppConfig } from "@/lib/config/env";
import { maskEmail, type Logger } from "@/lib/log/logger";

/**
 * The app's only way to send mail. Resend (through its SDK, base URL configurable)
 * when configured; otherwise the local outbox: the email is stored and logged so a
 * developer can open it at /outbox. Either way the email is recorded.
 */
export interface EmailMessage {
  organisationId?: string | null;
  to: string;
  subject: string;
  text: string;
  /**
   * What the email table and the log keep of the text, when that must differ from what
   * is sent (a sign-in email keeps no usable link). The text itself otherwise.
   */
  recordedText?: string;
  html?: string;
  /** Display name before the app's own sender address (the merchant's company). */
  fromName?: string | null;
  replyTo?: string | null;
  attachments?: StoredAttachment[];
  /** Same key, same email: providers drop the repeat (used by retried jobs). */
  idempotencyKey?: string;
}

export interface EmailContext {
  db: Db;
  config: Pick<AppConfig, "EMAIL_TRANSPORT" | "RESEND_API_KEY" | "RESEND_BASE_URL" | "EMAIL_FROM">;
  log: Logger;
}

export class EmailSendError extends Error {
  constructor(
    message: string,
    public readonly retryable: boolean,
  ) {
    super(message);
    this.name = "EmailSendError";
  }
}

/** `"Shop & Co" <no-reply@…>`: the merchant's name on the app's verified address. */
export function fromHeader(appFrom: string, fromName?: string | null): string {
  if (!fromName) return appFrom;
  const address = /<([^>]+)>/.exec(appFrom)?.[1] ?? appFrom;
  const safeName = fromName.replace(/["\\\r\n<>]/g, "").trim();
  return safeName ? `"${safeName}" <${address}>` : appFrom;
}

export async function sendEmail(ctx: EmailContext, message: EmailMessage) {
  if (message.idempotencyKey) {
    // A retry after a crash between sending and recording: Resend drops the repeat by
    // key, and the outbox must not show it twice either.
    const already = await findEmailByIdempotencyKey(ctx.db, message.idempotencyKey);
    if (already) return already;
  }
  const from = fromHeader(ctx.config.EMAIL_FROM, message.fromName);
  const attachments = message.attachments ?? [];
  let providerId: string | null = null;

  if (ctx.config.EMAIL_TRANSPORT === "resend") {
    const resend = new Resend(ctx.config.RESEND_API_KEY, { baseUrl: ctx.config.RESEND_BASE_URL });
    const { data, error } = await resend.emails.send(
      {
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        attachments: attachments.map((a) => ({
          filename: a.filename,
          content: a.contentBase64,
          contentType: a.contentType,
        })),
      },
      message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : undefined,
    );
    if (error) {
      const retryable = !["validation_error", "invalid_from_address"].includes(error.name);
      throw new EmailSendError(`Email provider refused the email: ${error.message}`, retryable);
    }
    providerId = data?.id ?? null;
  }

  const row = await recordEmail(ctx.db, {
    organisationId: message.organisationId ?? null,
    transport: ctx.config.EMAIL_TRANSPORT,
    providerId,
    fromAddress: from,
    toAddress: message.to,
    replyTo: message.replyTo ?? null,
    subject: message.subject,
    text: message.recordedText ?? message.text,
    html: message.html ?? null,
    attachments,
    idempotencyKey: message.idempotencyKey ?? null,
  });
  ctx.log.info(
    {
      emailId: row.id,
      transport: row.transport,
      // A customer's address is personal data: the log keeps enough to recognise it.
      to: maskEmail(message.to),
      subject: message.subject,
      // The outbox is for development and tests: the text is useful there (as recorded,
      // so never a usable sign-in link).
      ...(ctx.config.EMAIL_TRANSPORT === "outbox"
        ? { text: message.recordedText ?? message.text }
        : {}),
    },
    ctx.config.EMAIL_TRANSPORT === "outbox"
      ? `Email kept in the local outbox: open /outbox/${row.id}`
      : "Email sent",
  );
  return row;
}
