import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { openPglite, openPostgres, type Db, type DbHandle } from "../client";
import { type Organisation } from "../queries/organisations";
import { createOrganisationWithOwner } from "@/lib/company/create-organisation-with-owner";
import { users } from "../schema";

/**
 * The database a test file works on: its own in-memory PGlite by default, or this
 * run's fresh PostgreSQL database (created by global-setup.ts) when DATABASE_URL is
 * set. On PostgreSQL the database is shared by every file of the run, so tests must
 * create their own rows (see the factories below) and never assume an empty table.
 */
export async function openTestDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite();
  const provided = inject("testDatabaseUrl");
  if (url !== provided) {
    // Never run tests against a database the global setup did not create for them.
    throw new Error(
      `DATABASE_URL in the test worker (${url}) is not this run's test database (${provided}); ` +
        `is db/testing/global-setup.ts configured as vitest globalSetup?`,
    );
  }
  return openPostgres(url);
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
}

export async function createUser(db: Db, email = `user-${uniqueSuffix()}@test.facturo.local`) {
  const [user] = await db.insert(users).values({ email, name: "Test User" }).returning();
  if (!user) throw new Error("User insert returned nothing");
  return user;
}

export async function createOrg(
  db: Db,
  userId: string,
  name = `Test Company ${uniqueSuffix()}`,
): Promise<Organisation> {
  return createOrganisationWithOwner(db, userId, {
    legalName: name,
    // Complete enough to send invoices (the legal mentions must be there).
    vatNumber: "BE0403170701",
    street: "Rue de la Loi 16",
    postalCode: "1000",
    city: "Bruxelles",
    country: "BE",
    iban: "BE68539007547034",
  });
}
