import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt } from "./columns";
import { organisationId } from "./tenant-column";
import type { DocumentLanguage } from "./organisations";

export interface PostalAddress {
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
}

export const customers = pgTable(
  "customer",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    /** The person (or the company's contact). */
    name: text("name").notNull(),
    company: text("company"),
    /** Normalised, e.g. `BE0123456749`; a Belgian number makes the customer B2B. */
    vatNumber: text("vat_number"),
    email: text("email"),
    language: text("language").$type<DocumentLanguage>().notNull().default("fr"),
    billingStreet: text("billing_street").notNull().default(""),
    billingPostalCode: text("billing_postal_code").notNull().default(""),
    billingCity: text("billing_city").notNull().default(""),
    billingCountry: text("billing_country").notNull().default("BE"),
    deliveryStreet: text("delivery_street"),
    deliveryPostalCode: text("delivery_postal_code"),
    deliveryCity: text("delivery_city"),
    deliveryCountry: text("delivery_country"),
    /** Set by the Shopify pipeline; matching is by this id first, then by email. */
    shopifyCustomerId: text("shopify_customer_id"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("customer_org_name").on(t.organisationId, t.name),
    index("customer_org_email").on(t.organisationId, t.email),
    uniqueIndex("customer_org_shopify")
      .on(t.organisationId, t.shopifyCustomerId)
      .where(sql`${t.shopifyCustomerId} is not null`),
  ],
);
