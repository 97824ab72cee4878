import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { organisationId } from "./tenant-column";
import { documents } from "./documents";

export const paymentMethods = [
  "manual",
  "bank_transfer",
  "mollie",
  "bancontact",
  "cash",
  "card",
  "shopify",
] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/**
 * The payment ledger: one row per amount received on an invoice. The invoice's
 * `paid_cents` is the sum of its rows that are not undone, plus what credit notes
 * settled (a credit is not money received, so it has no row). `source_key` names the
 * outside event that reported the money (`mollie:tr_…`, `bank:<line key>`,
 * `bancontact:<id>`): unique, so a webhook or import repeated any number of times
 * records the payment once.
 */
export const payments = pgTable(
  "payment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    method: text("method").$type<PaymentMethod>().notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    reference: text("reference"),
    sourceKey: text("source_key"),
    /** Undo keeps the row (the activity log and accountant see what happened). */
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("payment_document").on(t.organisationId, t.documentId, t.createdAt),
    uniqueIndex("payment_org_source_key")
      .on(t.organisationId, t.sourceKey)
      .where(sql`${t.sourceKey} is not null`),
  ],
);

export type OnlinePaymentProvider = "mollie" | "bancontact";
export type OnlinePaymentStatus = "open" | "pending" | "paid" | "expired" | "failed" | "canceled";

/**
 * A payment request made at a provider for an invoice: the Mollie checkout link or
 * the Bancontact (Payconiq) QR code the customer sees. The provider's webhook names
 * only its own id, hence the global unique (provider, provider_payment_id).
 */
export const onlinePayments = pgTable(
  "online_payment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    provider: text("provider").$type<OnlinePaymentProvider>().notNull(),
    providerPaymentId: text("provider_payment_id").notNull(),
    status: text("status").$type<OnlinePaymentStatus>().notNull().default("open"),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull().default("EUR"),
    /** Where the customer pays: Mollie's checkout URL, Bancontact's deep link. */
    checkoutUrl: text("checkout_url"),
    /** What the QR code encodes, when the provider gives one (Bancontact). */
    qrPayload: text("qr_payload"),
    /** Test or live mode, as the provider reports it. */
    mode: text("mode"),
    paidMethod: text("paid_method"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("online_payment_provider_id").on(t.provider, t.providerPaymentId),
    index("online_payment_document").on(t.organisationId, t.documentId, t.createdAt.desc()),
  ],
);
