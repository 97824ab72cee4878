import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { PaymentTermsForm } from "@/components/settings/payment-terms-form";
import { SeriesForm } from "@/components/settings/series-form";
import { getOrganisation } from "@/db/queries/organisations";
import { listSeries } from "@/db/queries/series";
import { formatDocumentNumber } from "@/lib/numbering/format-document-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("numbering"))("title") };
}

export default async function NumberingPage() {
  const { db, tenant, organisationId } = await requireOrg();
  const t = await getTranslations();
  const [series, organisation] = await Promise.all([
    listSeries(db, tenant),
    getOrganisation(db, organisationId),
  ]);
  const now = new Date();
  return (
    <>
      <div className="page-header">
        <Link href="/settings">← {t("nav.settings")}</Link>
        <h1>{t("numbering.title")}</h1>
        <p>{t("numbering.intro")}</p>
      </div>
      <PaymentTermsForm days={organisation.paymentTermsDays} />
      {series.map((s) => (
        <SeriesForm
          key={s.type}
          type={s.type}
          pattern={s.pattern}
          yearlyRestart={s.yearlyRestart}
          nextSequence={s.nextSequence}
          locked={s.issuedThisPeriod}
          preview={formatDocumentNumber(s.pattern, { sequence: s.nextSequence, date: now })}
        />
      ))}
    </>
  );
}
