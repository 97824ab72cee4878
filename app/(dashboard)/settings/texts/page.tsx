import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { LanguagePanel } from "@/components/texts/language-panel";
import { PlaceholderList } from "@/components/texts/placeholder-list";
import { previewValues } from "@/components/texts/preview-values";
import { TextPicker } from "@/components/texts/text-picker";
import { isAppActive } from "@/db/queries/apps";
import { latestDocumentOfType, listDocumentTexts } from "@/db/queries/document-texts";
import { getOrganisation } from "@/db/queries/organisations";
import { listSeries } from "@/db/queries/series";
import { getBrusselsDate } from "@/lib/calendar/brussels-date";
import { formatDocumentNumber } from "@/lib/numbering/format-document-number";
import {
  activeTextLanguages,
  missingTranslations,
  resolveTexts,
} from "@/lib/documents/resolve-texts";
import { textKeySchema } from "./schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("texts"))("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

function isoDateIn(days: number, now: Date): string {
  const { year, month, day } = getBrusselsDate(now);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export default async function TextsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, tenant, organisationId } = await requireOrg();
  const t = await getTranslations();
  const query = await searchParams;
  const documentType =
    textKeySchema.shape.documentType.safeParse(query.type).data ?? ("invoice" as const);
  const paymentState = textKeySchema.shape.paymentState.safeParse(query.state).data ?? "unpaid";

  const [organisation, foreignCustomersActive, custom, latest, series] = await Promise.all([
    getOrganisation(db, organisationId),
    isAppActive(db, tenant, "foreign-customers"),
    listDocumentTexts(db, tenant),
    latestDocumentOfType(db, tenant, documentType),
    listSeries(db, tenant),
  ]);
  const defaultLanguage = organisation.defaultLanguage;
  const languages = activeTextLanguages({ defaultLanguage, foreignCustomersActive });
  // The default language first: it is the one every customer falls back to.
  languages.sort((a, b) => Number(b === defaultLanguage) - Number(a === defaultLanguage));
  const missing = missingTranslations(custom, languages);

  const now = new Date();
  const nextOfType = series.find((s) => s.type === documentType);
  const sample = {
    number: nextOfType
      ? formatDocumentNumber(nextOfType.pattern, { sequence: nextOfType.nextSequence, date: now })
      : "0001",
    customerName: t("texts.sampleCustomer"),
    dueDate: isoDateIn(organisation.paymentTermsDays, now),
  };
  const typeName = t(`documents.types.${documentType}`);
  const previewSource = latest?.number
    ? t("texts.previewFrom", { document: `${typeName} ${latest.number}` })
    : t("texts.previewSample");

  const elsewhere = [
    ...new Map(
      missing
        .filter((m) => m.documentType !== documentType || m.paymentState !== paymentState)
        .map((m) => [`${m.documentType}/${m.paymentState}`, m]),
    ).values(),
  ];

  return (
    <>
      <div className="page-header">
        <Link href="/settings">← {t("nav.settings")}</Link>
        <h1>{t("texts.title")}</h1>
        <p>{t("texts.intro")}</p>
      </div>
      <p className="notice">
        {foreignCustomersActive
          ? t("texts.foreignActive", {
              language: t(`common.languages.${defaultLanguage}`),
            })
          : t("texts.foreignInactive", {
              language: t(`common.languages.${defaultLanguage}`),
            })}{" "}
        {!foreignCustomersActive && <Link href="/apps">{t("texts.foreignActivateLink")}</Link>}
      </p>
      {elsewhere.length > 0 && (
        <div className="notice" role="status">
          <p style={{ margin: 0 }}>{t("texts.missingElsewhere")}</p>
          <ul>
            {elsewhere.map((m) => (
              <li key={`${m.documentType}/${m.paymentState}`}>
                <Link href={`/settings/texts?type=${m.documentType}&state=${m.paymentState}`}>
                  {t(`documents.types.${m.documentType}`)} — {t(`texts.states.${m.paymentState}`)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TextPicker documentType={documentType} paymentState={paymentState} />
      <PlaceholderList />
      {languages.map((language) => {
        // Each panel shows its own language's text, as a customer reading it would get it.
        const resolved = resolveTexts({
          type: documentType,
          state: paymentState,
          documentLanguage: language,
          defaultLanguage,
          foreignCustomersActive: true,
          custom,
        });
        return (
          <LanguagePanel
            key={`${documentType}-${paymentState}-${language}-${resolved.source}`}
            documentType={documentType}
            paymentState={paymentState}
            language={language}
            texts={resolved.texts}
            source={resolved.source}
            values={previewValues({
              language,
              latest,
              sample,
              companyName: organisation.legalName,
            })}
            previewSource={previewSource}
            missingTranslation={missing.some(
              (m) =>
                m.documentType === documentType &&
                m.paymentState === paymentState &&
                m.language === language,
            )}
          />
        );
      })}
    </>
  );
}
