import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bytea, createdAt } from "./columns";

export const documentLanguages = ["fr", "nl", "en", "de"] as const;
export type DocumentLanguage = (typeof documentLanguages)[number];

/**
 * Belgian legal forms (Companies and Associations Code), printed after the name as art.
 * 2:20 asks; `sole_trader` is a natural person (no legal form, no register of legal persons).
 */
export const legalForms = [
  "bv",
  "nv",
  "cv",
  "vof",
  "commv",
  "maatschap",
  "vzw",
  "ivzw",
  "stichting",
  "se",
  "sole_trader",
] as const;
export type LegalForm = (typeof legalForms)[number];

/**
 * The language of documents for Belgian buyers: `auto` follows the company's address
 * (Dutch in the Dutch-language region, language decree of 19 July 1973), `dutch` always
 * Dutch, `customer` the buyer's own language.
 */
export const languageRules = ["auto", "dutch", "customer"] as const;
export type LanguageRule = (typeof languageRules)[number];

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
  // Company-law mentions (art. 2:20 Companies and Associations Code), printed on documents.
  legalForm: text("legal_form").$type<LegalForm>(),
  /** 10 digits; null: the digits of the Belgian VAT number. */
  enterpriseNumber: text("enterprise_number"),
  /** The court (division) of the register of legal persons: "Gent, afdeling Brugge". */
  registerCourt: text("register_court"),
  /** The registered office when it is not the address above; all three or none. */
  registeredStreet: text("registered_street"),
  registeredPostalCode: text("registered_postal_code"),
  registeredCity: text("registered_city"),
  inLiquidation: boolean("in_liquidation").notNull().default(false),
  contactEmail: text("contact_email"),
  phone: text("phone"),
  website: text("website"),
  /** Small-enterprise franchise (art. 56bis VAT Code): documents charge no VAT. */
  vatFranchise: boolean("vat_franchise").notNull().default(false),
  languageRule: text("language_rule").$type<LanguageRule>().notNull().default("auto"),
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
