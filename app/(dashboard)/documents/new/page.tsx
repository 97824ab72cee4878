import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireOrg } from "@/app/_server/context";
import { ConceptForm } from "@/components/documents/concept-form";
import { newConceptInput } from "@/components/documents/concept-form-values";
import { brusselsToday } from "@/lib/calendar/brussels-date";
import type { SearchParams } from "@/components/documents/list-filters";
import { getOrganisation } from "@/db/queries/organisations";
import { documentTypes } from "@/lib/documents/document-lifecycle";
import { listCustomerOptions } from "../customer-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("form.newTitle") };
}

/** `?type=credit_note&customer=<id>` preselect (e.g. from a customer's page). */
const presetSchema = z.object({
  type: z.enum(documentTypes).optional().catch(undefined),
  customer: z.string().uuid().optional().catch(undefined),
});

export default async function NewDocumentPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { db, tenant, organisationId } = await requireOrg();
  const t = await getTranslations("documents");
  const params = await searchParams;
  const preset = presetSchema.parse({ type: params.type, customer: params.customer });
  const [organisation, customers] = await Promise.all([
    getOrganisation(db, organisationId),
    listCustomerOptions(db, tenant),
  ]);
  const customer = customers.find((c) => c.id === preset.customer);
  const defaults = newConceptInput({
    type: preset.type,
    customerId: customer?.id,
    language: customer?.language ?? organisation.defaultLanguage,
    today: brusselsToday(),
  });
  return (
    <>
      <div className="page-header">
        <Link href="/documents">← {t("detail.back")}</Link>
        <h1>{t("form.newTitle")}</h1>
        <p>{t("form.newIntro")}</p>
      </div>
      <ConceptForm
        documentId={null}
        defaults={defaults}
        customers={customers}
        organisationLanguage={organisation.defaultLanguage}
        cancelHref="/documents"
      />
    </>
  );
}
