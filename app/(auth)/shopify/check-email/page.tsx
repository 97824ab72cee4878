import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getConfig } from "@/lib/config/env";
import { isShopDomain } from "@/lib/shopify/platform/shop-domain";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("checkTitle") };
}

/** After an install started in Shopify by a visitor who was not signed in. */
export default async function ShopifyCheckEmailPage({
  searchParams,
}: PageProps<"/shopify/check-email">) {
  const t = await getTranslations("shopifyInstall");
  const auth = await getTranslations("auth");
  const { shop, to } = await searchParams;
  const shopName = typeof shop === "string" && isShopDomain(shop) ? shop : "Shopify";
  // Only a masked address is ever put in the URL (app/_server/shopify-entry.ts).
  const address = typeof to === "string" && /^.•••@[^\s<>]{1,200}$/u.test(to) ? to : "•••";
  const usesOutbox = getConfig().EMAIL_TRANSPORT === "outbox";
  return (
    <>
      <h1>{t("checkTitle", { shop: shopName })}</h1>
      <p>{t("checkText", { address })}</p>
      <p className="muted">{t("checkWhy")}</p>
      {usesOutbox && (
        <p className="notice">
          {auth("devOutbox")} <Link href="/outbox">{auth("openOutbox")}</Link>
        </p>
      )}
    </>
  );
}
