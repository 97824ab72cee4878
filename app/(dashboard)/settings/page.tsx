import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { CompanySettingsForm } from "@/components/company/company-settings-form";
import { LogoForm } from "@/components/company/logo-form";
import { getLogo, getOrganisation } from "@/db/queries/organisations";
import { friendlyFormatIBAN } from "ibantools";
import { missingForInvoicing, missingLegalMentions } from "@/lib/company/readiness";
import { formatBelgianVatNumber } from "@/lib/company/vat-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("company"))("title") };
}

export default async function SettingsPage() {
  const { db, organisationId } = await requireOrg();
  const t = await getTranslations();
  const [organisation, logo] = await Promise.all([
    getOrganisation(db, organisationId),
    getLogo(db, organisationId),
  ]);
  const missing = missingForInvoicing(organisation);
  const missingLegal = missingLegalMentions(organisation);
  return (
    <>
      <div className="page-header">
        <h1>{t("company.title")}</h1>
        <p>{t("company.intro")}</p>
        <p style={{ display: "flex", gap: "1rem", flexWrap: "wrap" }}>
          <Link href="/settings/numbering">{t("numbering.link")}</Link>
          <Link href="/settings/texts">{t("texts.link")}</Link>
          <Link href="/settings/api-keys">{t("nav.apiKeys")}</Link>
        </p>
      </div>
      {missing.length > 0 && (
        <p className="notice" role="status">
          {t("company.missingForInvoices", {
            fields: missing.map((field) => t(`company.${field}`)).join(", "),
          })}
        </p>
      )}
      {missingLegal.length > 0 && (
        <p className="notice" role="status">
          {t("company.missingLegalMentions", {
            fields: missingLegal.map((field) => t(`company.${field}`)).join(", "),
          })}
        </p>
      )}
      <LogoForm hasLogo={logo !== null} version={logo?.updatedAt.getTime().toString() ?? "0"} />
      <CompanySettingsForm
        defaults={{
          legalName: organisation.legalName,
          street: organisation.street,
          postalCode: organisation.postalCode,
          city: organisation.city,
          country: organisation.country,
          vatNumber: organisation.vatNumber ? formatBelgianVatNumber(organisation.vatNumber) : "",
          iban: organisation.iban
            ? (friendlyFormatIBAN(organisation.iban) ?? organisation.iban)
            : "",
          bic: organisation.bic ?? "",
          emailSenderName: organisation.emailSenderName ?? "",
          emailReplyTo: organisation.emailReplyTo ?? "",
          defaultLanguage: organisation.defaultLanguage,
          legalForm: organisation.legalForm ?? "",
          enterpriseNumber: organisation.enterpriseNumber ?? "",
          registerCourt: organisation.registerCourt ?? "",
          registeredStreet: organisation.registeredStreet ?? "",
          registeredPostalCode: organisation.registeredPostalCode ?? "",
          registeredCity: organisation.registeredCity ?? "",
          inLiquidation: organisation.inLiquidation,
          contactEmail: organisation.contactEmail ?? "",
          phone: organisation.phone ?? "",
          website: organisation.website ?? "",
          vatFranchise: organisation.vatFranchise,
          languageRule: organisation.languageRule,
        }}
      />
    </>
  );
}
