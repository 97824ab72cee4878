import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActiveApp } from "@/app/_server/require-active-app";
import { ApiKeyForm } from "@/components/payments/online/api-key-form";
import { getConfig } from "@/lib/config/env";
import { providerConnection } from "@/lib/payments/online/provider-connection";
import { saveMollieApiKey } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mollie"))("title") };
}

export default async function MolliePage() {
  const { db, tenant } = await requireActiveApp("mollie");
  const t = await getTranslations();
  const connection = await providerConnection(db, tenant, "mollie", getConfig().ENCRYPTION_KEY);
  return (
    <>
      <div className="page-header">
        <Link href="/apps">← {t("apps.title")}</Link>
        <h1>{t("mollie.title")}</h1>
        <p>{t("mollie.intro")}</p>
      </div>
      <section className="card" aria-labelledby="mollie-connection">
        <h2 id="mollie-connection">{t("mollie.connection")}</h2>
        {connection ? (
          <>
            <p role="status" data-testid="mollie-connection" data-mode={connection.mode}>
              <strong>
                {t("mollie.connected", { mode: connection.mode ?? "test", last: connection.last })}
              </strong>
            </p>
            {connection.mode === "test" && <p className="notice">{t("mollie.testModeNotice")}</p>}
          </>
        ) : (
          <p className="muted">{t("mollie.notConnected")}</p>
        )}
        <ApiKeyForm namespace="mollie" action={saveMollieApiKey} />
      </section>
    </>
  );
}
