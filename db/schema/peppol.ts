import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { organisationId } from "./tenant-column";
import { documents } from "./documents";

export type PeppolChannel = "peppol" | "email";
export type PeppolTransmissionStatus = "queued" | "sent" | "delivered" | "rejected" | "failed";

/**
 * One attempt to deliver a finalised invoice or credit note electronically: over
 * Peppol through the access point, or by email when the buyer is not on the network.
 * `idempotency_key` is sent to the access point so a retried job never sends twice.
 */
export const peppolTransmissions = pgTable(
  "peppol_transmission",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    channel: text("channel").$type<PeppolChannel>().notNull().default("peppol"),
    status: text("status").$type<PeppolTransmissionStatus>().notNull().default("queued"),
    /** The buyer's Peppol participant id, e.g. `0208:0123456789`. */
    receiverId: text("receiver_id"),
    /** The access point's id for the sent document (to poll or match its callbacks). */
    accessPointId: text("access_point_id"),
    idempotencyKey: text("idempotency_key").notNull(),
    /** Why it was rejected or failed, in the access point's or receiver's words. */
    reason: text("reason"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("peppol_transmission_document").on(t.organisationId, t.documentId, t.createdAt.desc()),
    uniqueIndex("peppol_transmission_idempotency").on(t.idempotencyKey),
    index("peppol_transmission_access_point").on(t.accessPointId),
  ],
);
