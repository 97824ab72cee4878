import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOut } from "@/app/_actions/sign-out";
import { MenuDetails } from "./menu-details";

/** Top-right menu (as merchants know it): Apps & connections lives here. */
export async function UserMenu({
  email,
  organisationName,
  showOutbox,
}: {
  email: string;
  organisationName: string;
  showOutbox: boolean;
}) {
  const t = await getTranslations("nav");
  return (
    <MenuDetails className="user-menu">
      <summary aria-label={t("userMenu", { email })}>{email}</summary>
      <div className="user-menu-panel">
        <div className="user-menu-org">{organisationName}</div>
        <hr />
        <Link href="/apps">{t("apps")}</Link>
        <Link href="/settings">{t("settings")}</Link>
        <Link href="/settings/api-keys">{t("apiKeys")}</Link>
        {showOutbox && <Link href="/outbox">{t("outbox")}</Link>}
        <hr />
        <form action={signOut}>
          <button type="submit">{t("signOut")}</button>
        </form>
      </div>
    </MenuDetails>
  );
}
