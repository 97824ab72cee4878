import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireOrg } from "@/app/_server/context";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { SidebarNav } from "@/components/layout/sidebar-nav";
import { UserMenu } from "@/components/layout/user-menu";
import { getConfig } from "@/lib/config/env";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireOrg();
  const t = await getTranslations("common");
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <header className="topbar">
        <Link href="/documents" className="brand">
          {t("appName")}
          <small>{ctx.organisationName}</small>
        </Link>
        <div style={{ display: "flex", gap: "0.75rem", alignItems: "center" }}>
          <LanguageSwitcher />
          <UserMenu
            email={ctx.email}
            organisationName={ctx.organisationName}
            showOutbox={getConfig().EMAIL_TRANSPORT === "outbox"}
          />
        </div>
      </header>
      <SidebarNav />
      <main id="main" className="main">
        {children}
      </main>
    </div>
  );
}
