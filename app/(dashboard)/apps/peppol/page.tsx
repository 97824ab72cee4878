import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActiveApp } from "@/app/_server/require-active-app";
import { RegisterButton } from "@/components/peppol/register-button";
import { getOrganisation } from "@/db/queries/organisations";
import { getPeppolSettings } from "@/db/queries/peppol-settings";
import { getConfig } from "@/lib/config/env";
import { partyEndpoint } from "@/lib/peppol";
import { accessPointFromConfig, formatParticipant } from "@/lib/peppol/transport";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("peppol"))("title") };
}

/** Apps & connections → Peppol → Configure: the merchant's Peppol ID, registration, how sending works. */
export default async function PeppolPage() {
  const { db, tenant } = await requireActiveApp("peppol");
  const [t, tApps] = await Promise.all([getTranslations("peppol"), getTranslations("apps")]);
  const [organisation, settings] = await Promise.all([
    getOrganisation(db, tenant.organisationId),
    getPeppolSettings(db, tenant),
  ]);
  const participant = partyEndpoint({ vatNumber: organisation.vatNumber });
  const peppolId = participant ? formatParticipant(participant) : null;
  const configured = accessPointFromConfig(getConfig()) !== null;
  return (
    <>
      <div className="page-header">
        <Link href="/apps">← {tApps("title")}</Link>
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
      </div>
      {!configured && <p className="notice">{t("notConfigured")}</p>}
      <section className="card" aria-labelledby="peppol-identity">
        <h2 id="peppol-identity">{t("identity.title")}</h2>
        {peppolId ? (
          <>
            <p data-testid="peppol-id">{t("identity.id", { id: peppolId })}</p>
            <p className="muted">{t("identity.hint", { vat: organisation.vatNumber ?? "" })}</p>
          </>
        ) : (
          <p className="notice">
            <Link href="/settings">{t("identity.missing")}</Link>
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="peppol-registration">
        <h2 id="peppol-registration">{t("registration.title")}</h2>
        {settings?.senderId ? (
          <p className="notice notice-success">
            {t("registration.registered", { id: settings.registeredAs ?? peppolId ?? "" })}
          </p>
        ) : (
          <>
            <p>{t("registration.notRegistered")}</p>
            <RegisterButton disabled={!configured || !peppolId} />
          </>
        )}
      </section>
      <section className="card" aria-labelledby="peppol-sending">
        <h2 id="peppol-sending">{t("automatic.title")}</h2>
        <p>{t("automatic.peppolFirst")}</p>
        <p className="muted">{t("automatic.copy")}</p>
      </section>
    </>
  );
}
