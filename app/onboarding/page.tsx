import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_server/context";
import { listUserOrganisations } from "@/db/queries/organisations";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { OnboardingForm } from "./onboarding-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("onboarding"))("title") };
}

export default async function OnboardingPage() {
  const { db, userId } = await requireUser();
  if ((await listUserOrganisations(db, userId)).length > 0) redirect("/documents");
  const t = await getTranslations("onboarding");
  return (
    <main className="auth-page">
      <div className="auth-card" style={{ maxWidth: 560 }}>
        <div className="auth-top">
          <span className="brand">Facturo</span>
          <LanguageSwitcher />
        </div>
        <div className="card">
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
          <OnboardingForm />
        </div>
      </div>
    </main>
  );
}
