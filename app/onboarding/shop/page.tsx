import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { getOrganisation } from "@/db/queries/organisations";
import { getShopifyConnection } from "@/db/queries/shopify-connections";
import { completeShopOnboarding } from "../actions";
import { OnboardingForm } from "../onboarding-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shopifyInstall"))("onboardingTitle") };
}

/** First run of a company made from a Shopify shop: the shop is already connected. */
export default async function ShopOnboardingPage() {
  const { db, tenant, organisationId } = await requireOrg();
  const organisation = await getOrganisation(db, organisationId);
  const connection = await getShopifyConnection(db, tenant);
  const t = await getTranslations("shopifyInstall");
  return (
    <main className="auth-page">
      <div className="auth-card" style={{ maxWidth: 560 }}>
        <div className="auth-top">
          <span className="brand">Facturo</span>
          <LanguageSwitcher />
        </div>
        <div className="card">
          <h1>{t("onboardingTitle")}</h1>
          {connection?.status === "connected" && (
            <p className="notice" role="status" data-testid="shop-connected">
              {t("onboardingConnected", { shop: connection.shop })}
            </p>
          )}
          <p className="muted">{t("onboardingIntro")}</p>
          <OnboardingForm
            action={completeShopOnboarding}
            submitLabel={t("onboardingSubmit")}
            defaultValues={{
              legalName: organisation.legalName,
              legalForm: organisation.legalForm ?? "",
              registerCourt: organisation.registerCourt ?? "",
              vatNumber: organisation.vatNumber ?? "",
              street: organisation.street,
              postalCode: organisation.postalCode,
              city: organisation.city,
              country: organisation.country,
              iban: organisation.iban ?? "",
            }}
          />
        </div>
      </div>
    </main>
  );
}
