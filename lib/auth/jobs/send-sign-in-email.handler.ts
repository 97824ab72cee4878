import { createHash } from "node:crypto";
import { EmailSendError, sendEmail } from "@/lib/email/send-email";
import { PermanentJobError } from "@/lib/jobs/permanent-job-error";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import {
  openSignInLink,
  outboxLinkMarker,
  SIGN_IN_LINK_PLACEHOLDER,
  SIGN_IN_LINK_REDACTED,
} from "../sign-in-link";
import { sendSignInEmailJob } from "./send-sign-in-email.job";

/** The work of `sendSignInEmailJob`: open the link, send, record the email without it. */
export const sendSignInEmailHandler = defineJobHandler(sendSignInEmailJob, async (data, ctx) => {
  const url = openSignInLink(data.sealedLink, ctx.config.ENCRYPTION_KEY);
  // Expired while waiting: sending it would only disappoint. The person asks again.
  if (!url) throw new PermanentJobError("The sign-in link expired before it was sent", "expired");
  const kept =
    ctx.config.EMAIL_TRANSPORT === "outbox"
      ? outboxLinkMarker(data.sealedLink)
      : SIGN_IN_LINK_REDACTED;
  try {
    await sendEmail(ctx, {
      to: data.to,
      subject: data.subject,
      text: data.text.replace(SIGN_IN_LINK_PLACEHOLDER, url),
      recordedText: data.text.replace(SIGN_IN_LINK_PLACEHOLDER, kept),
      // A retried job sends the same email once (the sealed link differs per request).
      idempotencyKey: `sign-in:${createHash("sha256").update(data.sealedLink).digest("base64url")}`,
    });
  } catch (err) {
    if (err instanceof EmailSendError && !err.retryable) {
      throw new PermanentJobError(err.message, "email_refused");
    }
    throw err;
  }
});
