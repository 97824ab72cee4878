import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { DocumentStatus, DocumentType } from "@/lib/documents/document-lifecycle";
import type { FixedVatAmount, VatBreakdownEntry } from "@/lib/vat";
import { createdAt } from "./columns";
import { organisationId } from "./tenant-column";
import { customers, type PostalAddress } from "./customers";
import type { DocumentLanguage, LegalForm } from "./organisations";

/**
 * The seller as printed on the document, frozen when it is finalised. The company-law
 * mentions (art. 2:20 Companies and Associations Code) and contact details are absent on
 * snapshots taken before they were kept: such a document prints none of them, ever.
 */
export interface SellerSnapshot {
  legalName: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  vatNumber: string | null;
  iban: string | null;
  bic: string | null;
  legalForm?: LegalForm | null;
  enterpriseNumber?: string | null;
  registerCourt?: string | null;
  registeredStreet?: string | null;
  registeredPostalCode?: string | null;
  registeredCity?: string | null;
  inLiquidation?: boolean;
  contactEmail?: string | null;
  phone?: string | null;
  website?: string | null;
  /** Issued under the small-enterprise franchise (art. 56bis VAT Code). */
  vatFranchise?: boolean;
}

/** An address as printed on a document: `street` is its first line, `line2` the second. */
export interface SnapshotAddress extends PostalAddress {
  /** Shopify's `address2` ("bus 3"), kept apart for the read API; absent for one-line addresses. */
  line2?: string | null;
}

/**
 * The buyer as this document names them (art. 5 §1, 3° KB nr. 1): frozen when it is
 * issued, never rewritten by a later change of the customer record.
 */
export interface CustomerSnapshot {
  name: string;
  company: string | null;
  vatNumber: string | null;
  email: string | null;
  billing: SnapshotAddress;
  /** The delivery address when it differs from the billing address. */
  delivery: SnapshotAddress | null;
  /** The buyer's language; absent on snapshots taken before it was kept (then: the document's). */
  language?: DocumentLanguage;
  /**
   * Where it was taken from. `order`: the Shopify order this document is for (its billing
   * address, company, VAT number and email), kept as is when the document is issued.
   * `customer`: the customer record, taken again when the document is issued. `invoice`:
   * a credit note's copy of the buyer of the invoice it corrects, kept as is. Absent on
   * snapshots taken before this was kept: those are `customer`.
   */
  origin?: "order" | "customer" | "invoice";
}

/** What Shopify had received when the concept was made (decision: record exactly that). */
export interface PaidOnIssue {
  method: "shopify";
  reference: string | null;
  /**
   * Cents Shopify received (total − outstanding for a partially paid order). Absent on
   * concepts made before it was kept: those were paid in full.
   */
  amountCents?: number;
  /** The day Shopify took the money, when the order proves it; else the issue date is used. */
  paidOn?: string;
}

/** One numbering series per document type and organisation (credit notes have their own). */
export const documentSeries = pgTable(
  "document_series",
  {
    organisationId: organisationId(),
    type: text("type").$type<DocumentType>().notNull(),
    pattern: text("pattern").notNull(),
    yearlyRestart: boolean("yearly_restart").notNull().default(true),
    /** A migrating merchant's next number, used until Facturo issues its first one. */
    startSequence: integer("start_sequence"),
    startPeriodKey: text("start_period_key"),
    /** 0-9, part of every structured communication this series derives (lib/structured-communication). */
    ogmSlot: integer("ogm_slot").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.type] }),
    uniqueIndex("document_series_ogm_slot").on(t.organisationId, t.ogmSlot),
  ],
);

/** The last number issued per series and period; its row lock serialises finalisations. */
export const documentCounters = pgTable(
  "document_counter",
  {
    organisationId: organisationId(),
    type: text("type").$type<DocumentType>().notNull(),
    periodKey: text("period_key").notNull(),
    lastSequence: integer("last_sequence").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.type, t.periodKey] })],
);

export const documents = pgTable(
  "document",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    type: text("type").$type<DocumentType>().notNull(),
    status: text("status").$type<DocumentStatus>().notNull().default("concept"),
    /** Assigned at finalisation, inside the finalising transaction. */
    number: text("number"),
    sequence: integer("sequence"),
    periodKey: text("period_key"),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    customer: jsonb("customer").$type<CustomerSnapshot | null>(),
    /**
     * The seller as printed when the document was finalised: a later change of the
     * company's address or IBAN must not rewrite an issued invoice (PDF or UBL).
     */
    seller: jsonb("seller").$type<SellerSnapshot | null>(),
    language: text("language").$type<DocumentLanguage>().notNull(),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }),
    /**
     * The date of the taxable event when known (art. 5 §1, 4° KB nr. 1): the delivery, or
     * an earlier payment (not for intra-EU supplies of goods). Null when unknown, never
     * guessed; printed when it differs from the issue date.
     */
    supplyDate: date("supply_date", { mode: "string" }),
    /** When the goods left (Shopify's first fulfilment): UBL's ActualDeliveryDate. */
    deliveryDate: date("delivery_date", { mode: "string" }),
    currency: text("currency").notNull().default("EUR"),
    legend: text("legend").notNull().default(""),
    /** 12 digits; invoices only, unique per organisation. */
    structuredCommunication: text("structured_communication"),
    creditedDocumentId: uuid("credited_document_id"),
    /** Where it came from: "manual", or "shopify" with the order's id and name (#1042). */
    source: text("source").$type<"manual" | "shopify">().notNull().default("manual"),
    sourceId: text("source_id"),
    sourceName: text("source_name"),
    /**
     * The business key of a document made by an integration, e.g.
     * `shopify:<shop>:order:<id>:invoice`: unique, so repeated or concurrent
     * deliveries of one order can only ever create one document.
     */
    sourceKey: text("source_key"),
    /**
     * Set on a concept whose order was already paid elsewhere (Shopify checkout):
     * finalising it records that payment, so it is issued as paid.
     */
    paidOnIssue: jsonb("paid_on_issue").$type<PaidOnIssue | null>(),
    fixedVat: jsonb("fixed_vat").$type<FixedVatAmount[] | null>(),
    vatBreakdown: jsonb("vat_breakdown").$type<VatBreakdownEntry[]>().notNull().default([]),
    totalNetCents: bigint("total_net_cents", { mode: "number" }).notNull().default(0),
    totalVatCents: bigint("total_vat_cents", { mode: "number" }).notNull().default(0),
    totalCents: bigint("total_cents", { mode: "number" }).notNull().default(0),
    /**
     * The VAT total in euro of a document in another currency (art. 230 VAT Directive): from
     * the source (Shopify's shop money); null for EUR documents, or while unknown.
     */
    vatTotalEurCents: bigint("vat_total_eur_cents", { mode: "number" }),
    paidCents: bigint("paid_cents", { mode: "number" }).notNull().default(0),
    /** For the customer's link to the PDF: unguessable, not the id. */
    publicToken: text("public_token")
      .notNull()
      .$defaultFn(() => randomBytes(24).toString("base64url")),
    finalisedAt: timestamp("finalised_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Keyset pagination: newest first within an organisation.
    index("document_org_created").on(t.organisationId, t.createdAt.desc(), t.id.desc()),
    index("document_org_type_status").on(t.organisationId, t.type, t.status, t.createdAt.desc()),
    index("document_org_customer").on(t.organisationId, t.customerId),
    index("document_org_source").on(t.organisationId, t.source, t.sourceId),
    // Across types: one number names one document, whatever its series.
    uniqueIndex("document_org_number").on(t.organisationId, t.number),
    uniqueIndex("document_org_ogm").on(t.organisationId, t.structuredCommunication),
    uniqueIndex("document_public_token").on(t.publicToken),
    uniqueIndex("document_org_source_key")
      .on(t.organisationId, t.sourceKey)
      .where(sql`${t.sourceKey} is not null`),
  ],
);

export const documentLines = pgTable(
  "document_line",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    sku: text("sku"),
    /** Decimal string as entered, e.g. "1.5". */
    quantity: text("quantity").notNull(),
    unitPriceCents: bigint("unit_price_cents", { mode: "number" }).notNull(),
    priceMode: text("price_mode").$type<"excl" | "incl">().notNull(),
    discountBp: integer("discount_bp").notNull().default(0),
    /**
     * A discount given as an amount (in the line's price mode): when set, it is the line's
     * discount and `discountBp` only says the percentage it was, if it was one.
     */
    discountCents: bigint("discount_cents", { mode: "number" }),
    vatCategory: text("vat_category").notNull(),
    vatRateBp: integer("vat_rate_bp").notNull(),
    /**
     * The member state whose VAT the line carries (ISO alpha-2): BE, or the destination of
     * an OSS distance sale ("NL" for Dutch VAT). Exemptions are Belgian.
     */
    vatCountry: text("vat_country").notNull().default("BE"),
    netCents: bigint("net_cents", { mode: "number" }).notNull().default(0),
    vatCents: bigint("vat_cents", { mode: "number" }).notNull().default(0),
    grossCents: bigint("gross_cents", { mode: "number" }).notNull().default(0),
    /** False on a credited line whose goods did not come back (Shopify "no restock"). */
    restock: boolean("restock").notNull().default(true),
  },
  (t) => [index("document_line_document").on(t.documentId, t.position)],
);

/** The activity log: created (and from what), edited, sent to whom, paid, credited. */
export const documentEvents = pgTable(
  "document_event",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("document_event_document").on(t.documentId, t.createdAt)],
);

/** One row per request to send a document: the idempotency key makes a retry a no-op. */
export const documentSends = pgTable(
  "document_send",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    /** A document email, or a payment reminder for an overdue invoice. */
    kind: text("kind").$type<"document" | "reminder">().notNull().default("document"),
    status: text("status").$type<"queued" | "sent" | "failed">().notNull().default("queued"),
    emailId: uuid("email_id"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("document_send_document").on(t.documentId)],
);
