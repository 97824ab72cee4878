"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const items = [
  { href: "/documents", key: "documents" },
  { href: "/payments", key: "payments" },
  { href: "/customers", key: "customers" },
  { href: "/articles", key: "articles" },
  { href: "/apps", key: "apps" },
  { href: "/settings", key: "settings" },
] as const;

export function SidebarNav() {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav className="sidebar" aria-label={t("main")}>
      <ul>
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? "page" : undefined}>
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
