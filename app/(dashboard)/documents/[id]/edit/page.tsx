import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { ConceptForm } from "@/components/documents/concept-form";
import { conceptToInput } from "@/components/documents/concept-form-values";
import { getOrganisation } from "@/db/queries/organisations";
import { canTransition } from "@/lib/documents/document-lifecycle";
import { listCustomerOptions } from "../../customer-options";
import { loadDocumentOr404 } from "../../load-document";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("detail.edit") };
}

export default async function EditDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db, tenant, organisationId } = await requireOrg();
  const t = await getTranslations("documents");
  const { document, lines } = await loadDocumentOr404(db, tenant, id);
  // A sent document is never edited (it is corrected by a credit note): show it instead.
  if (!canTransition(document.type, document.status, "edit")) redirect(`/documents/${id}`);
  const [organisation, customers] = await Promise.all([
    getOrganisation(db, organisationId),
    listCustomerOptions(db, tenant),
  ]);
  const label = t("detail.conceptOf", { type: t(`types.${document.type}`) });
  return (
    <>
      <div className="page-header">
        <Link href={`/documents/${id}`}>← {label}</Link>
        <h1>{t("form.editTitle", { label })}</h1>
      </div>
      <ConceptForm
        documentId={id}
        defaults={conceptToInput(document, lines)}
        customers={customers}
        organisationLanguage={organisation.defaultLanguage}
        cancelHref={`/documents/${id}`}
      />
    </>
  );
}
