import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { createOrganisationWithOwner } from "@/lib/company/create-organisation-with-owner";
import { users } from "@/db/schema";
import { newOrganisationSchema, type NewOrganisation } from "@/lib/company/company-schema";
import { parseCommandArgs, requiredOption } from "../args";
import { CliError, type CliOutput } from "../output";

export const createOrganisationUsage =
  'facturo create-organisation --name "<legal name>" --email <owner email>';

export interface CreateOrganisationInput {
  organisation: NewOrganisation;
  email: string;
}

// Same rule as the sign-in form, so the owner can then sign in with a magic link.
const emailSchema = z.string().trim().toLowerCase().email().max(254);

// The schema's messages are i18n keys for the web form; the operator gets English.
const nameMessages: Record<string, string> = {
  "validation.required": "--name must not be empty",
  "validation.tooLong": "--name is too long (200 characters at most)",
};

/** Parses and validates the arguments before anything touches the database. */
export function parseCreateOrganisationArgs(argv: string[]): CreateOrganisationInput {
  const values = parseCommandArgs(
    argv,
    { name: { type: "string" }, email: { type: "string" } },
    createOrganisationUsage,
  );
  const name = requiredOption(values.name, "--name", createOrganisationUsage);
  const rawEmail = requiredOption(values.email, "--email", createOrganisationUsage);

  // Only the legal name is asked; the merchant completes the rest in the settings.
  const organisation = newOrganisationSchema.safeParse({
    legalName: name,
    vatNumber: "",
    street: "",
    postalCode: "",
    city: "",
    country: "BE",
    iban: "",
  });
  if (!organisation.success) {
    const message = organisation.error.issues[0]?.message ?? "";
    throw new CliError(nameMessages[message] ?? `--name is invalid (${message})`);
  }
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) throw new CliError(`--email "${rawEmail}" is not a valid email address`);
  return { organisation: organisation.data, email: email.data };
}

/** The user with this (lowercase) email, created if there is none. */
async function findOrCreateUser(db: Db, email: string) {
  const byEmail = sql`lower(${users.email}) = ${email}`;
  const [existing] = await db.select().from(users).where(byEmail).limit(1);
  if (existing) return { user: existing, created: false };
  const [inserted] = await db
    .insert(users)
    .values({ email })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (inserted) return { user: inserted, created: true };
  // Created concurrently (the same email signing in right now): use that row.
  const [raced] = await db.select().from(users).where(eq(users.email, email));
  if (!raced) throw new Error(`User ${email} could neither be created nor found`);
  return { user: raced, created: false };
}

/**
 * Creates the organisation with its owner (an existing user is reused; a new one
 * signs in with a magic link to the same address) and prints the organisation id
 * alone on stdout, so scripts can capture it.
 */
export async function createOrganisation(
  deps: { db: Db; out: CliOutput },
  input: CreateOrganisationInput,
): Promise<{ organisationId: string; userId: string; userCreated: boolean }> {
  const result = await deps.db.transaction(async (tx) => {
    const { user, created } = await findOrCreateUser(tx, input.email);
    const organisation = await createOrganisationWithOwner(tx, user.id, input.organisation);
    return { organisationId: organisation.id, userId: user.id, userCreated: created };
  });
  deps.out.err(
    `Created organisation "${input.organisation.legalName}", owned by ${input.email}` +
      (result.userCreated ? " (new user)." : " (existing user)."),
  );
  deps.out.out(result.organisationId);
  return result;
}
