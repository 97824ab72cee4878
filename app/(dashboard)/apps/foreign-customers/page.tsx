import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActiveApp } from "@/app/_server/require-active-app";
import { documentLanguageValues } from "@/lib/company/company-schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps.foreignCustomers"))("title") };
}

export default async function ForeignCustomersPage() {
  await requireActiveApp("foreign-customers");
  const t = await getTranslations();
  return (
    <>
      <div className="page-header">
        <Link href="/apps">← {t("apps.title")}</Link>
        <h1>{t("apps.foreignCustomers.title")}</h1>
        <p>{t("apps.foreignCustomers.intro")}</p>
      </div>
      <div className="card">
        <h2>{t("apps.foreignCustomers.languages")}</h2>
        <ul>
          {documentLanguageValues.map((lang) => (
            <li key={lang}>{t(`common.languages.${lang}`)}</li>
          ))}
        </ul>
      </div>
    </>
  );
}
