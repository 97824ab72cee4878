import { asc, eq } from "drizzle-orm";
import type { CompanySettings, NewOrganisation } from "@/lib/company/company-schema";
import type { Db } from "../client";
import type { Tx } from "./documents";
import { memberships, organisationLogos, organisations, type DocumentLanguage } from "../schema";

export type Organisation = typeof organisations.$inferSelect;

/** Inserts an organisation row (its owner's membership is written next). */
export async function insertOrganisation(
  db: Db | Tx,
  input: NewOrganisation & { defaultLanguage?: DocumentLanguage },
): Promise<Organisation> {
  const [organisation] = await db.insert(organisations).values(input).returning();
  if (!organisation) throw new Error("Organisation insert returned nothing");
  return organisation;
}

/** Makes a user a member of an organisation with a role. */
export async function insertMembership(
  db: Db | Tx,
  membership: { organisationId: string; userId: string; role: "owner" },
): Promise<void> {
  await db.insert(memberships).values(membership);
}

/** The organisations a user belongs to, oldest first (the first is the default one). */
export async function listUserOrganisations(db: Db, userId: string) {
  return db
    .select({ id: organisations.id, legalName: organisations.legalName, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

// The organisation row is the tenant itself: it is scoped by its own id.

export async function getOrganisation(
  db: Db | Parameters<Parameters<Db["transaction"]>[0]>[0],
  organisationId: string,
): Promise<Organisation> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!row) throw new Error(`Organisation ${organisationId} not found`);
  return row;
}

export async function updateCompanySettings(
  db: Db,
  organisationId: string,
  settings: Partial<CompanySettings>,
): Promise<void> {
  await db
    .update(organisations)
    .set({ ...settings, updatedAt: new Date() })
    .where(eq(organisations.id, organisationId));
}

export async function saveLogo(
  db: Db,
  organisationId: string,
  logo: { contentType: string; data: Buffer },
): Promise<void> {
  await db
    .insert(organisationLogos)
    .values({ organisationId, ...logo })
    .onConflictDoUpdate({
      target: organisationLogos.organisationId,
      set: { ...logo, updatedAt: new Date() },
    });
}

export async function getLogo(db: Db, organisationId: string) {
  const [row] = await db
    .select()
    .from(organisationLogos)
    .where(eq(organisationLogos.organisationId, organisationId));
  return row ?? null;
}

export async function deleteLogo(db: Db, organisationId: string): Promise<void> {
  await db.delete(organisationLogos).where(eq(organisationLogos.organisationId, organisationId));
}

/** The days a finalised invoice gives its customer to pay (its due date at issue). */
export async function updatePaymentTerms(
  db: Db,
  organisationId: string,
  days: number,
): Promise<void> {
  await db
    .update(organisations)
    .set({ paymentTermsDays: days, updatedAt: new Date() })
    .where(eq(organisations.id, organisationId));
}
