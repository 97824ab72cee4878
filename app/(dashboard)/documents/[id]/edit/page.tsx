import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { ConceptForm } from "@/components/documents/concept-form";
import { conceptToInput } from "@/components/documents/concept-form-values";
import { getOrganisation } from "@/db/queries/organisations";
import { canTransition } from "@/lib/documents/document-lifecycle";
import { paidOnIssueCents } from "@/lib/documents/document-state";
import { formatMoney } from "@/lib/money";
import { belgianLocale } from "@/components/documents/format";
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
  // A paid Shopify concept records what Shopify received, whatever the edit makes the total.
  const received = document.paidOnIssue ? paidOnIssueCents(document) : null;
  const intl = belgianLocale(await getLocale());
  return (
    <>
      <div className="page-header">
        <Link href={`/documents/${id}`}>← {label}</Link>
        <h1>{t("form.editTitle", { label })}</h1>
      </div>
      {received !== null && (
        <p className="notice" role="note">
          {t("form.paidWarning", { amount: formatMoney(received, document.currency, intl) })}
        </p>
      )}
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
