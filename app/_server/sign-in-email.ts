import "server-only";
import { getTranslations } from "next-intl/server";
import { getLocale } from "next-intl/server";
import { enqueue } from "@/lib/jobs/queue";
import { getQueue } from "@/app/_server/queue";
import { sendEmailJob } from "@/lib/email/jobs/send-email.job";

/** The magic-link email, in the language the visitor is using, sent through the queue. */
export async function enqueueSignInEmail(to: string, url: string): Promise<void> {
  const locale = await getLocale().catch(() => "en");
  const t = await getTranslations({ locale, namespace: "auth.email" });
  const host = new URL(url).host;
  await enqueue(await getQueue(), sendEmailJob, {
    to,
    subject: t("subject", { host }),
    text: t("text", { url, host }),
  });
}
