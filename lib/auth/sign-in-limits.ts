import type { Db } from "@/db/client";
import { clientAddress } from "@/lib/security/client-address";
import { LIMITS } from "@/lib/security/limits";
import { hitRateLimits, type RateLimitDecision } from "@/lib/security/rate-limit";

/** The address as Auth.js keys it (trimmed, lower case). */
export function normaliseSignInEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * One request for a sign-in link: counted per email address (3 per 15 minutes), per
 * client address and for the whole app, so neither one inbox nor the mail queue can
 * be flooded. Both ways in (the sign-in form's action and Auth.js's own
 * POST /api/auth/signin/email) ask this before a link is made.
 */
export function admitSignIn(
  db: Db,
  email: string,
  headers: Headers,
  now: Date = new Date(),
): Promise<RateLimitDecision> {
  return hitRateLimits(
    db,
    [
      { limit: LIMITS.signInPerEmail, subject: normaliseSignInEmail(email) },
      { limit: LIMITS.signInPerAddress, subject: clientAddress(headers) },
      { limit: LIMITS.signInGlobal, subject: "all" },
    ],
    now,
  );
}
