import type { Adapter, AdapterSession, VerificationToken } from "next-auth/adapters";
import { hashSessionToken } from "@/lib/auth/session-token";

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
  /** Stores the token as the only one of its address (db/queries/verification-tokens.ts). */
  replaceVerificationToken: (token: VerificationToken) => Promise<VerificationToken>,
): Adapter {
  const withToken = (session: AdapterSession, token: string): AdapterSession => ({
    ...session,
    sessionToken: token,
  });
  return {
    ...base,
    async createVerificationToken(token) {
      return replaceVerificationToken(token);
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
