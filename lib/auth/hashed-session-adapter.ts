import { createHash } from "node:crypto";
import type { Adapter, AdapterSession } from "next-auth/adapters";

/** What the database keeps of a session token: its SHA-256, hex. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Auth.js's adapter with two changes:
 * - Session tokens are stored hashed: the browser's cookie holds the token, the
 *   `session` table its SHA-256, so a leaked table (a backup, a log of rows) signs
 *   no one in. Each method hashes what it is given and hands the caller's token back.
 * - A new sign-in link replaces the older ones for that address: its token is the
 *   only one left in `verificationToken` (Auth.js keeps those hashed already).
 */
export function hardenedAdapter(
  base: Adapter,
  deleteVerificationTokensOf: (identifier: string) => Promise<void>,
): Adapter {
  const withToken = (session: AdapterSession, token: string): AdapterSession => ({
    ...session,
    sessionToken: token,
  });
  return {
    ...base,
    async createVerificationToken(token) {
      await deleteVerificationTokensOf(token.identifier);
      return base.createVerificationToken!(token);
    },
    async createSession(session) {
      const created = await base.createSession!({
        ...session,
        sessionToken: hashSessionToken(session.sessionToken),
      });
      return withToken(created, session.sessionToken);
    },
    async getSessionAndUser(sessionToken) {
      const found = await base.getSessionAndUser!(hashSessionToken(sessionToken));
      return found ? { ...found, session: withToken(found.session, sessionToken) } : null;
    },
    async updateSession(session) {
      const updated = await base.updateSession!({
        ...session,
        sessionToken: hashSessionToken(session.sessionToken),
      });
      return updated ? withToken(updated, session.sessionToken) : updated;
    },
    async deleteSession(sessionToken) {
      await base.deleteSession!(hashSessionToken(sessionToken));
    },
  };
}
