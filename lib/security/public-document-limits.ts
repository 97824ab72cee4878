import type { Db } from "@/db/client";
import { clientAddress } from "./client-address";
import { LIMITS } from "./limits";
import { hitRateLimits, type RateLimitDecision } from "./rate-limit";

/**
 * A request on a customer's public document (`/d/<token>`, its PDF and pay links):
 * counted per token and per client address, before any work is done for it.
 */
export function admitPublicDocumentRequest(
  db: Db,
  token: string,
  headers: Headers,
  now: Date = new Date(),
): Promise<RateLimitDecision> {
  return hitRateLimits(
    db,
    [
      { limit: LIMITS.publicDocumentPerToken, subject: token },
      { limit: LIMITS.publicDocumentPerAddress, subject: clientAddress(headers) },
    ],
    now,
  );
}

/** A PDF rendered on demand (not a stored original): counted per organisation. */
export function admitPdfRender(
  db: Db,
  organisationId: string,
  now: Date = new Date(),
): Promise<RateLimitDecision> {
  return hitRateLimits(
    db,
    [{ limit: LIMITS.pdfRendersPerOrganisation, subject: organisationId }],
    now,
  );
}
