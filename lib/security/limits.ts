import type { RateLimit } from "./rate-limit";

/**
 * Every rate limit and quota of the app, in one place (README, "Security"). Counters live
 * in the database (rate-limit.ts), so each limit holds across all web processes.
 */
export const LIMITS = {
  /** A customer's public document (page, PDF, pay links), per token. */
  publicDocumentPerToken: { name: "public-doc-token", limit: 30, windowSeconds: 60 },
  /** Public document routes, per client address, whatever the token. */
  publicDocumentPerAddress: { name: "public-doc-address", limit: 60, windowSeconds: 60 },
  /** PDFs rendered on demand for one organisation (merchant, API and customer links together). */
  pdfRendersPerOrganisation: { name: "pdf-org", limit: 60, windowSeconds: 60 },
  /** Sign-in links per email address. */
  signInPerEmail: { name: "sign-in-email", limit: 3, windowSeconds: 15 * 60 },
  /** Sign-in requests per client address. */
  signInPerAddress: { name: "sign-in-address", limit: 10, windowSeconds: 15 * 60 },
  /** Sign-in requests for the whole app. */
  signInGlobal: { name: "sign-in-global", limit: 60, windowSeconds: 60 },
  /** Read-API requests per API key. */
  apiPerKey: { name: "api-key", limit: 120, windowSeconds: 60 },
} as const satisfies Record<string, RateLimit>;

/**
 * A provider payment (Mollie, Bancontact) is checked at most once per this many seconds,
 * however many notifications arrive: the notifications of one window share one queued
 * check (pg-boss debouncing), and a later one is put in the next window, never dropped.
 */
export const PAYMENT_CHECK_INTERVAL_SECONDS = 10;

/** Emails to customers an organisation may send per calendar day (UTC), and while it is new. */
export const DAILY_SEND_LIMIT = 300;
export const DAILY_SEND_LIMIT_NEW_ORGANISATION = 30;
/** How long an organisation counts as new. */
export const NEW_ORGANISATION_DAYS = 14;
