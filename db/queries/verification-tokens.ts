import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { verificationTokens } from "../schema";

export type VerificationTokenRow = typeof verificationTokens.$inferSelect;

/**
 * Stores a sign-in token (Auth.js hands it over hashed) as the only one of its address:
 * the older ones are deleted in the same transaction, under a lock on the address, so
 * two requests at once still leave exactly one usable link.
 */
export async function replaceVerificationToken(
  db: Db,
  token: VerificationTokenRow,
): Promise<VerificationTokenRow> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${token.identifier}`}))`);
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, token.identifier));
    const [row] = await tx.insert(verificationTokens).values(token).returning();
    if (!row) throw new Error("Verification token insert returned nothing");
    return row;
  });
}
