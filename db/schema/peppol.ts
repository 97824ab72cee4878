import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { organisationId } from "./tenant-column";
import { documents } from "./documents";

export type PeppolChannel = "peppol" | "email";
/**
 * queued: the job has not run yet. waiting: the merchant is not registered on Peppol (or
 * the server has no access point): it goes once they are. invalid: the UBL failed the
 * official rules, nothing was transmitted (`failures` says which). not_found: the buyer
 * is on neither Belgian scheme yet; the look-up is retried (`lookups`, `nextLookupAt`).
 * sent: the access point took it; delivered, rejected and failed are final.
 */
export type PeppolTransmissionStatus =
  "queued" | "waiting" | "invalid" | "not_found" | "sent" | "delivered" | "rejected" | "failed";

/** A failed rule of the official validation, as the merchant is shown it. */
export interface PeppolValidationFailure {
  readonly rule: string;
  readonly message: string;
  readonly location: string;
}

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
    /** The official rules the UBL failed (status invalid); nothing was transmitted. */
    failures: jsonb("failures").$type<PeppolValidationFailure[]>(),
    /** Look-ups of the buyer on the network so far, and when the next one runs. */
    lookups: integer("lookups").notNull().default(0),
    nextLookupAt: timestamp("next_lookup_at", { withTimezone: true }),
    /** Email the buyer a PDF copy (marked as such) once Peppol's outcome is known. */
    copyEmail: boolean("copy_email").notNull().default(false),
    /** When that copy was queued: at most once per transmission. */
    copyQueuedAt: timestamp("copy_queued_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("peppol_transmission_document").on(t.organisationId, t.documentId, t.createdAt.desc()),
    uniqueIndex("peppol_transmission_idempotency").on(t.idempotencyKey),
    index("peppol_transmission_access_point").on(t.accessPointId),
  ],
);
