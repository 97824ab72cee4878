import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getConfig } from "@/lib/config/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("checkTitle") };
}

export default async function CheckEmailPage() {
  const t = await getTranslations("auth");
  const usesOutbox = getConfig().EMAIL_TRANSPORT === "outbox";
  return (
    <>
      <h1>{t("checkTitle")}</h1>
      <p>{t("checkText")}</p>
      {usesOutbox && (
        <p className="notice">
          {t("devOutbox")} <Link href="/outbox">{t("openOutbox")}</Link>
        </p>
      )}
    </>
  );
}
