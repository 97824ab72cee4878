import type { Db } from "@/db";
import {
  DAILY_SEND_LIMIT,
  DAILY_SEND_LIMIT_NEW_ORGANISATION,
  NEW_ORGANISATION_DAYS,
} from "@/lib/security/limits";
import { hitRateLimit, type RateLimit } from "@/lib/security/rate-limit";

/**
 * Emails to customers leave from Facturo's own domain, so one organisation's mail can
 * hurt every other's deliverability. Each organisation may email DAILY_SEND_LIMIT
 * documents and reminders per day (UTC), fewer while it is new (the first
 * NEW_ORGANISATION_DAYS days): a fresh sign-up cannot send a campaign. Sends that Shopify
 * causes (orders of a shop the merchant connected through Shopify's OAuth) are not
 * limited here: they are one per real order.
 */
export function dailySendLimit(organisationCreatedAt: Date, now: Date): number {
  const ageDays = (now.getTime() - organisationCreatedAt.getTime()) / 86_400_000;
  return ageDays < NEW_ORGANISATION_DAYS ? DAILY_SEND_LIMIT_NEW_ORGANISATION : DAILY_SEND_LIMIT;
}

export type QuotaDecision = { allowed: true } | { allowed: false; limit: number };

/** Counts one email against the organisation's day; refused past the day's limit. */
export async function claimDailySend(
  db: Db,
  organisation: { id: string; createdAt: Date },
  now: Date = new Date(),
): Promise<QuotaDecision> {
  const limit = dailySendLimit(organisation.createdAt, now);
  const day: RateLimit = { name: "send-day", limit, windowSeconds: 86_400 };
  const decision = await hitRateLimit(db, day, organisation.id, now);
  return decision.allowed ? { allowed: true } : { allowed: false, limit };
}
