import { EmailSendError, sendEmail } from "@/lib/email/send-email";
import { PermanentJobError } from "@/lib/jobs/permanent-job-error";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { sendEmailJob } from "./send-email.job";

/** The work of `sendEmailJob` (see its definition, ./send-email.job.ts). */
export const sendEmailHandler = defineJobHandler(sendEmailJob, async (data, ctx) => {
  try {
    await sendEmail(ctx, data);
  } catch (err) {
    if (err instanceof EmailSendError && !err.retryable) {
      throw new PermanentJobError(err.message, "email_refused");
    }
    throw err;
  }
});
