import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActiveApp } from "@/app/_server/require-active-app";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps.shopify"))("title") };
}

// Placeholder until the Shopify connection lands: shows where the shop URL and Install will be.
export default async function ShopifyConfigurePage() {
  await requireActiveApp("shopify");
  const t = await getTranslations("apps");
  return (
    <>
      <div className="page-header">
        <Link href="/apps">← {t("title")}</Link>
        <h1>{t("shopify.title")}</h1>
        <p>{t("shopify.intro")}</p>
      </div>
      <div className="card">
        <p className="notice">{t("shopify.comingSoon")}</p>
      </div>
    </>
  );
}
