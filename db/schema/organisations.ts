import { integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bytea, createdAt } from "./columns";

export const documentLanguages = ["fr", "nl", "en", "de"] as const;
export type DocumentLanguage = (typeof documentLanguages)[number];

/** The merchant's company: the tenant every other row belongs to. */
export const organisations = pgTable("organisation", {
  id: uuid("id").primaryKey().defaultRandom(),
  legalName: text("legal_name").notNull(),
  street: text("street").notNull().default(""),
  postalCode: text("postal_code").notNull().default(""),
  city: text("city").notNull().default(""),
  country: text("country").notNull().default("BE"),
  /** Normalised `BE0123456749`; empty until the merchant fills it in. */
  vatNumber: text("vat_number"),
  iban: text("iban"),
  bic: text("bic"),
  emailSenderName: text("email_sender_name"),
  emailReplyTo: text("email_reply_to"),
  defaultLanguage: text("default_language").$type<DocumentLanguage>().notNull().default("fr"),
  currency: text("currency").notNull().default("EUR"),
  /** Days between an invoice's date and its due date. */
  paymentTermsDays: integer("payment_terms_days").notNull().default(30),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  "membership",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<"owner" | "member">().notNull().default("owner"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] })],
);

export const organisationLogos = pgTable("organisation_logo", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  contentType: text("content_type").notNull(),
  data: bytea("data").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
