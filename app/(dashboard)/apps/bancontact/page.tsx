import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActiveApp } from "@/app/_server/require-active-app";
import { ApiKeyForm } from "@/components/payments/online/api-key-form";
import { getConfig } from "@/lib/config/env";
import { providerConnection } from "@/lib/payments/online/provider-connection";
import { saveBancontactApiKey } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bancontact"))("title") };
}

export default async function BancontactPage() {
  const { db, tenant } = await requireActiveApp("bancontact");
  const t = await getTranslations();
  const connection = await providerConnection(db, tenant, "bancontact", getConfig().ENCRYPTION_KEY);
  return (
    <>
      <div className="page-header">
        <Link href="/apps">← {t("apps.title")}</Link>
        <h1>{t("bancontact.title")}</h1>
        <p>{t("bancontact.intro")}</p>
      </div>
      <section className="card" aria-labelledby="bancontact-connection">
        <h2 id="bancontact-connection">{t("bancontact.connection")}</h2>
        {connection ? (
          <p role="status" data-testid="bancontact-connection">
            <strong>{t("bancontact.connected", { last: connection.last })}</strong>
          </p>
        ) : (
          <p className="muted">{t("bancontact.notConnected")}</p>
        )}
        <ApiKeyForm namespace="bancontact" action={saveBancontactApiKey} />
      </section>
    </>
  );
}
