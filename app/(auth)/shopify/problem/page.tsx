import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getUserContext } from "@/app/_server/context";
import { isEntryProblem } from "@/lib/shopify/connection/install-errors";
import { isShopDomain } from "@/lib/shopify/platform/shop-domain";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shopifyInstall"))("problemTitle") };
}

/** Why an install or opening that started in Shopify stopped; shows nothing of any company. */
export default async function ShopifyProblemPage({ searchParams }: PageProps<"/shopify/problem">) {
  const t = await getTranslations("shopifyInstall");
  const { reason, shop } = await searchParams;
  const problem = isEntryProblem(reason) ? reason : "unexpected";
  const shopName = typeof shop === "string" && isShopDomain(shop) ? shop : "";
  const signedIn = Boolean(await getUserContext());
  return (
    <>
      <h1>{t("problemTitle")}</h1>
      <p className="alert" role="alert" data-problem={problem}>
        {t(`problems.${problem}`, { shop: shopName })}
      </p>
      {!signedIn && (
        <p>
          <Link href="/login" className="btn btn-primary">
            {t("signIn")}
          </Link>
        </p>
      )}
    </>
  );
}
