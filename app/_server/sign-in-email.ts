import "server-only";
import { getTranslations } from "next-intl/server";
import { getLocale } from "next-intl/server";
import { enqueue } from "@/lib/jobs/queue";
import { getQueue } from "@/app/_server/queue";
import { getConfig } from "@/lib/config/env";
import { sendSignInEmailJob } from "@/lib/auth/jobs/send-sign-in-email.job";
import { SIGN_IN_LINK_PLACEHOLDER, sealSignInLink } from "@/lib/auth/sign-in-link";

/**
 * The magic-link email, in the language the visitor is using, sent through its own
 * queue. The link leaves this function only sealed: the job's data and the email
 * record never hold a usable link.
 */
export async function enqueueSignInEmail(to: string, url: string, expires: Date): Promise<void> {
  const locale = await getLocale().catch(() => "en");
  const t = await getTranslations({ locale, namespace: "auth.email" });
  const host = new URL(url).host;
  await enqueue(await getQueue(), sendSignInEmailJob, {
    to,
    subject: t("subject", { host }),
    text: t("text", { url: SIGN_IN_LINK_PLACEHOLDER, host }),
    sealedLink: sealSignInLink(url, expires, getConfig().ENCRYPTION_KEY),
  });
}
