import { and, desc, eq, ne } from "drizzle-orm";
import type { DocumentType } from "@/lib/documents/document-lifecycle";
import type { PaymentState, TextLanguage } from "@/lib/documents/default-texts";
import { resolveTexts, type CustomText, type ResolvedTexts } from "@/lib/documents/resolve-texts";
import type { Db } from "../client";
import { documents, documentTexts } from "../schema";
import type { Tenant } from "../tenant";
import { isAppActive } from "./apps";
import { getOrganisation } from "./organisations";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface DocumentTextKey {
  documentType: DocumentType;
  paymentState: PaymentState;
  language: TextLanguage;
}

function keyConditions(key: Partial<DocumentTextKey>) {
  return [
    key.documentType ? eq(documentTexts.documentType, key.documentType) : undefined,
    key.paymentState ? eq(documentTexts.paymentState, key.paymentState) : undefined,
    key.language ? eq(documentTexts.language, key.language) : undefined,
  ];
}

/** The merchant's own texts, optionally of one type and/or payment state. */
export async function listDocumentTexts(
  db: Db | Tx,
  t: Tenant,
  filter: Partial<Omit<DocumentTextKey, "language">> = {},
): Promise<CustomText[]> {
  return db
    .select({
      documentType: documentTexts.documentType,
      paymentState: documentTexts.paymentState,
      language: documentTexts.language,
      legend: documentTexts.legend,
      emailSubject: documentTexts.emailSubject,
      emailBody: documentTexts.emailBody,
    })
    .from(documentTexts)
    .where(t.where(documentTexts, ...keyConditions(filter)));
}

/** Writes (or rewrites) one language's text of a type and payment state. */
export async function saveDocumentText(db: Db, t: Tenant, text: CustomText): Promise<void> {
  const now = new Date();
  await db
    .insert(documentTexts)
    .values(t.owned({ ...text, updatedAt: now }))
    .onConflictDoUpdate({
      target: [
        documentTexts.organisationId,
        documentTexts.documentType,
        documentTexts.paymentState,
        documentTexts.language,
      ],
      set: {
        legend: text.legend,
        emailSubject: text.emailSubject,
        emailBody: text.emailBody,
        updatedAt: now,
      },
    });
}

/** Back to the built-in text: the merchant's row goes, the default applies again. */
export async function resetDocumentText(db: Db, t: Tenant, key: DocumentTextKey): Promise<void> {
  await db.delete(documentTexts).where(t.where(documentTexts, ...keyConditions(key)));
}

/**
 * The texts a document of this type, payment state and language is sent with: the
 * organisation's default language unless Foreign customers is active, and the
 * merchant's own wording when written.
 */
export async function resolveDocumentTexts(
  db: Db | Tx,
  t: Tenant,
  input: { type: DocumentType; state: PaymentState; documentLanguage: TextLanguage },
): Promise<ResolvedTexts> {
  // One after the other: inside a transaction the queries share one connection.
  const organisation = await getOrganisation(db, t.organisationId);
  const foreignCustomersActive = await isAppActive(db, t, "foreign-customers");
  const custom = await listDocumentTexts(db, t, {
    documentType: input.type,
    paymentState: input.state,
  });
  return resolveTexts({
    ...input,
    defaultLanguage: organisation.defaultLanguage,
    foreignCustomersActive,
    custom,
  });
}

/** The newest numbered document of a type, whose values the settings preview shows. */
export async function latestDocumentOfType(db: Db, t: Tenant, type: DocumentType) {
  const [row] = await db
    .select()
    .from(documents)
    .where(
      t.where(
        documents,
        and(
          eq(documents.type, type),
          ne(documents.status, "concept"),
          ne(documents.status, "cancelled"),
        ),
      ),
    )
    .orderBy(desc(documents.finalisedAt), desc(documents.createdAt))
    .limit(1);
  return row ?? null;
}
