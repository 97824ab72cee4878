import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../client";
import {
  peppolTransmissions,
  type PeppolTransmissionStatus,
  type PeppolValidationFailure,
} from "../schema/peppol";
import type { Tenant } from "../tenant";

export type PeppolTransmission = typeof peppolTransmissions.$inferSelect;

/** Statuses that may still change; invalid, delivered, rejected and failed are final. */
const OPEN: PeppolTransmissionStatus[] = ["queued", "waiting", "not_found", "sent"];
/** Statuses the send job may (re)start from: nothing has reached the access point. */
const UNSENT: PeppolTransmissionStatus[] = ["queued", "waiting", "not_found"];

/**
 * A new transmission, queued. Its idempotency key (a UUID, as Storecove's
 * `idempotencyGuid` requires) is chosen here, once: every retry of the send job
 * reuses it, so the access point processes the document once.
 */
export async function createPeppolTransmission(
  db: Db,
  t: Tenant,
  documentId: string,
  receiverId: string | null,
  options: { copyEmail?: boolean } = {},
): Promise<PeppolTransmission> {
  const [row] = await db
    .insert(peppolTransmissions)
    .values(
      t.owned({
        documentId,
        receiverId,
        idempotencyKey: randomUUID(),
        copyEmail: options.copyEmail ?? false,
      }),
    )
    .returning();
  if (!row) throw new Error("peppol_transmission insert returned nothing");
  return row;
}

export async function getPeppolTransmission(
  db: Db,
  t: Tenant,
  id: string,
): Promise<PeppolTransmission | null> {
  const [row] = await db
    .select()
    .from(peppolTransmissions)
    .where(t.where(peppolTransmissions, eq(peppolTransmissions.id, id)));
  return row ?? null;
}

/** A document's transmissions, newest first (the document page's list). */
export async function listDocumentTransmissions(
  db: Db,
  t: Tenant,
  documentId: string,
): Promise<PeppolTransmission[]> {
  return db
    .select()
    .from(peppolTransmissions)
    .where(t.where(peppolTransmissions, eq(peppolTransmissions.documentId, documentId)))
    .orderBy(desc(peppolTransmissions.createdAt));
}

/**
 * The transmission that stops a new one: still on its way, or already delivered over
 * Peppol (a second would reach the buyer twice). Rejected, failed and email
 * fallbacks stop nothing: the merchant may try again once fixed or registered.
 */
export async function openTransmissionOf(
  db: Db,
  t: Tenant,
  documentId: string,
): Promise<PeppolTransmission | null> {
  const [row] = await db
    .select()
    .from(peppolTransmissions)
    .where(
      t.where(
        peppolTransmissions,
        eq(peppolTransmissions.documentId, documentId),
        // An email fallback's "sent" is final: the email left, nothing is on its way.
        or(
          inArray(peppolTransmissions.status, UNSENT),
          and(
            eq(peppolTransmissions.channel, "peppol"),
            inArray(peppolTransmissions.status, ["sent", "delivered"]),
          ),
        ),
      ),
    )
    .orderBy(desc(peppolTransmissions.createdAt))
    .limit(1);
  return row ?? null;
}

/** The access point took the document: its id is kept to match the outcome later. */
export async function markTransmissionSubmitted(
  db: Db,
  t: Tenant,
  id: string,
  receiverId: string,
  accessPointId: string,
): Promise<void> {
  await db
    .update(peppolTransmissions)
    .set({ status: "sent", receiverId, accessPointId, updatedAt: new Date() })
    .where(
      t.where(
        peppolTransmissions,
        eq(peppolTransmissions.id, id),
        inArray(peppolTransmissions.status, UNSENT),
      ),
    );
}

/**
 * Nothing can be transmitted yet, for a reason the merchant can fix (not registered on
 * Peppol, no access point on this server): the transmission waits and goes once fixed.
 */
export async function markTransmissionWaiting(
  db: Db,
  t: Tenant,
  id: string,
  reason: string,
): Promise<boolean> {
  const rows = await db
    .update(peppolTransmissions)
    .set({ status: "waiting", reason, updatedAt: new Date() })
    .where(
      t.where(
        peppolTransmissions,
        eq(peppolTransmissions.id, id),
        inArray(peppolTransmissions.status, UNSENT),
      ),
    )
    .returning({ id: peppolTransmissions.id });
  return rows.length > 0;
}

/** The UBL failed the official rules: never transmitted; the failures say which and why. */
export async function markTransmissionInvalid(
  db: Db,
  t: Tenant,
  id: string,
  failures: PeppolValidationFailure[],
): Promise<boolean> {
  const rows = await db
    .update(peppolTransmissions)
    .set({
      status: "invalid",
      reason: failures.map((f) => f.rule).join(", "),
      failures,
      updatedAt: new Date(),
    })
    .where(
      t.where(
        peppolTransmissions,
        eq(peppolTransmissions.id, id),
        inArray(peppolTransmissions.status, UNSENT),
      ),
    )
    .returning({ id: peppolTransmissions.id });
  return rows.length > 0;
}

/** The buyer is on neither scheme yet: one more look-up done, the next one planned. */
export async function markBuyerNotFound(
  db: Db,
  t: Tenant,
  id: string,
  lookups: number,
  nextLookupAt: Date,
): Promise<void> {
  await db
    .update(peppolTransmissions)
    .set({
      status: "not_found",
      reason: "not_on_peppol",
      lookups,
      nextLookupAt,
      updatedAt: new Date(),
    })
    .where(
      t.where(
        peppolTransmissions,
        eq(peppolTransmissions.id, id),
        inArray(peppolTransmissions.status, UNSENT),
      ),
    );
}

/**
 * The buyer's PDF copy of this transmission's document: only the caller that sets
 * `copy_queued_at` queues it, so retries and outcomes heard twice email once.
 */
export async function claimCopyEmail(db: Db, t: Tenant, id: string): Promise<boolean> {
  const rows = await db
    .update(peppolTransmissions)
    .set({ copyQueuedAt: new Date() })
    .where(
      t.where(
        peppolTransmissions,
        eq(peppolTransmissions.id, id),
        eq(peppolTransmissions.copyEmail, true),
        isNull(peppolTransmissions.copyQueuedAt),
      ),
    )
    .returning({ id: peppolTransmissions.id });
  return rows.length > 0;
}

/** Transmissions waiting for the merchant's registration (queued again once registered). */
export async function listWaitingTransmissions(db: Db, t: Tenant): Promise<PeppolTransmission[]> {
  return db
    .select()
    .from(peppolTransmissions)
    .where(t.where(peppolTransmissions, eq(peppolTransmissions.status, "waiting")));
}

/** The newest transmission of each of these documents (the document list's Peppol column). */
export async function latestTransmissionsOf(
  db: Db,
  t: Tenant,
  documentIds: readonly string[],
): Promise<Map<string, PeppolTransmission>> {
  const latest = new Map<string, PeppolTransmission>();
  if (documentIds.length === 0) return latest;
  const rows = await db
    .select()
    .from(peppolTransmissions)
    .where(t.where(peppolTransmissions, inArray(peppolTransmissions.documentId, [...documentIds])))
    .orderBy(desc(peppolTransmissions.createdAt));
  for (const row of rows) if (!latest.has(row.documentId)) latest.set(row.documentId, row);
  return latest;
}

/**
 * A final outcome (delivered, rejected, failed) for an open transmission; an outcome
 * heard twice, or after another final one, changes nothing. Returns the row when it
 * changed it.
 */
export async function settleTransmission(
  db: Db,
  t: Tenant,
  id: string,
  status: Exclude<PeppolTransmissionStatus, "queued" | "sent">,
  reason: string | null,
): Promise<PeppolTransmission | null> {
  const [row] = await db
    .update(peppolTransmissions)
    .set({ status, reason, updatedAt: new Date() })
    .where(
      t.where(
        peppolTransmissions,
        eq(peppolTransmissions.id, id),
        inArray(peppolTransmissions.status, OPEN),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * The transmission an access-point outcome is about, with its organisation. The
 * only lookup without a Tenant: outcomes arrive for the whole platform, and the
 * tenant is what this answers (like a Shopify webhook's shop domain). Matched by the
 * access point's id, or by our idempotency key when the submission's answer was lost.
 */
export async function findTransmissionForOutcome(
  db: Db,
  match: { accessPointId: string | null; idempotencyKey: string | null },
): Promise<Pick<PeppolTransmission, "id" | "organisationId" | "documentId"> | null> {
  const conditions = [
    match.accessPointId ? eq(peppolTransmissions.accessPointId, match.accessPointId) : undefined,
    match.idempotencyKey ? eq(peppolTransmissions.idempotencyKey, match.idempotencyKey) : undefined,
  ].filter((c) => c !== undefined);
  if (conditions.length === 0) return null;
  const [row] = await db
    .select({
      id: peppolTransmissions.id,
      organisationId: peppolTransmissions.organisationId,
      documentId: peppolTransmissions.documentId,
    })
    .from(peppolTransmissions)
    .where(or(...conditions))
    .limit(1);
  return row ?? null;
}

/** Are documents on the network still waiting for their outcome? (keeps the poller going) */
export async function anyTransmissionAwaitingOutcome(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ id: peppolTransmissions.id })
    .from(peppolTransmissions)
    .where(and(eq(peppolTransmissions.channel, "peppol"), eq(peppolTransmissions.status, "sent")))
    .limit(1);
  return row !== undefined;
}
