import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { organisations } from "./organisations";

export interface StoredAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/**
 * Every email the app sends, whatever the transport. With the outbox transport this
 * table *is* the mailbox (viewable at /outbox); with Resend it is the sent log.
 * Sign-in emails exist before any organisation, so the organisation is optional.
 */
export const emails = pgTable(
  "email",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "cascade",
    }),
    transport: text("transport").$type<"outbox" | "resend">().notNull(),
    providerId: text("provider_id"),
    fromAddress: text("from_address").notNull(),
    toAddress: text("to_address").notNull(),
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    attachments: jsonb("attachments").$type<StoredAttachment[]>().notNull().default([]),
    /** A retried send with the same key finds the email already recorded: never sent twice. */
    idempotencyKey: text("idempotency_key"),
    createdAt: createdAt(),
  },
  (t) => [
    index("email_to_created").on(t.toAddress, t.createdAt),
    uniqueIndex("email_idempotency_key").on(t.idempotencyKey),
  ],
);
