import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { DocumentType } from "@/lib/documents/document-lifecycle";
import type { PaymentState, TextLanguage } from "@/lib/documents/default-texts";
import { organisationId } from "./tenant-column";

/**
 * The merchant's own wording of a document's caption and email, per type, paid state
 * and language. No row means the built-in text (lib/documents/default-texts.ts) applies.
 */
export const documentTexts = pgTable(
  "document_text",
  {
    organisationId: organisationId(),
    documentType: text("document_type").$type<DocumentType>().notNull(),
    paymentState: text("payment_state").$type<PaymentState>().notNull(),
    language: text("language").$type<TextLanguage>().notNull(),
    legend: text("legend").notNull(),
    emailSubject: text("email_subject").notNull(),
    emailBody: text("email_body").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.documentType, t.paymentState, t.language] })],
);
