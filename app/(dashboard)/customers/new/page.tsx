import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { CustomerForm } from "@/components/customers/customer-form";
import { getOrganisation } from "@/db/queries/organisations";
import { emptyCustomerInput } from "@/lib/customers/customer-schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customers"))("new") };
}

export default async function NewCustomerPage() {
  const { db, organisationId } = await requireOrg();
  const t = await getTranslations("customers");
  const organisation = await getOrganisation(db, organisationId);
  return (
    <>
      <div className="page-header">
        <Link href="/customers">← {t("back")}</Link>
        <h1>{t("new")}</h1>
        <p>{t("newIntro")}</p>
      </div>
      <CustomerForm
        defaults={{
          ...emptyCustomerInput,
          language: organisation.defaultLanguage,
          billingCountry: organisation.country,
          deliveryCountry: organisation.country,
        }}
      />
    </>
  );
}
