import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, createdAt } from "./columns";
import { organisationId } from "./tenant-column";

export type BankImportStatus = "received" | "done" | "failed";

/** One uploaded statement file (CODA or camt.053), parsed and matched by a job. */
export const bankImports = pgTable(
  "bank_import",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    filename: text("filename").notNull(),
    /** The file as uploaded; the job reads it from here (nothing is lost if it fails). */
    content: bytea("content").notNull(),
    format: text("format"),
    status: text("status").$type<BankImportStatus>().notNull().default("received"),
    error: text("error"),
    lines: integer("lines").notNull().default(0),
    newLines: integer("new_lines").notNull().default(0),
    matched: integer("matched").notNull().default(0),
    suggested: integer("suggested").notNull().default(0),
    unmatched: integer("unmatched").notNull().default(0),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("bank_import_org").on(t.organisationId, t.createdAt.desc())],
);

export type BankLineStatus = "matched" | "suggested" | "unmatched" | "ignored";

/**
 * A statement line, stored once per organisation whatever the number of imports
 * (the key is account + statement + line), so importing a file twice changes nothing.
 */
export const bankStatementLines = pgTable(
  "bank_statement_line",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    importId: uuid("import_id").notNull(),
    lineKey: text("line_key").notNull(),
    bookingDate: date("booking_date", { mode: "string" }).notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    counterpartyName: text("counterparty_name"),
    counterpartyIban: text("counterparty_iban"),
    structuredCommunication: text("structured_communication"),
    freeText: text("free_text"),
    status: text("status").$type<BankLineStatus>().notNull(),
    invoiceId: uuid("invoice_id"),
    rule: text("rule"),
    overpaymentCents: bigint("overpayment_cents", { mode: "number" }).notNull().default(0),
    /** The payment this line recorded on its invoice (null until matched). */
    paidAt: timestamp("paid_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("bank_line_org_key").on(t.organisationId, t.lineKey),
    index("bank_line_org_status").on(t.organisationId, t.status, t.bookingDate.desc()),
    index("bank_line_invoice")
      .on(t.organisationId, t.invoiceId)
      .where(sql`${t.invoiceId} is not null`),
  ],
);
