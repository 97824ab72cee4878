import type { Db } from "@/db/client";
import {
  insertMembership,
  insertOrganisation,
  type Organisation,
} from "@/db/queries/organisations";
import type { DocumentLanguage } from "@/db/schema";
import type { NewOrganisation } from "./company-schema";

/**
 * Creates the company and makes `userId` its owner, atomically (one transaction). No tenant:
 * this is where one begins. No clock: the rows take the database's time.
 */
export async function createOrganisationWithOwner(
  db: Db,
  userId: string,
  input: NewOrganisation & { defaultLanguage?: DocumentLanguage },
): Promise<Organisation> {
  return db.transaction(async (tx) => {
    const organisation = await insertOrganisation(tx, input);
    await insertMembership(tx, { organisationId: organisation.id, userId, role: "owner" });
    return organisation;
  });
}
