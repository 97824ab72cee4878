import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="auth-top">
          <span className="brand">{t("appName")}</span>
          <LanguageSwitcher />
        </div>
        <div className="card">{children}</div>
      </div>
    </main>
  );
}
