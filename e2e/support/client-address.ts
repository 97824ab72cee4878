import type { Page } from "@playwright/test";

/**
 * Each merchant of a journey is its own person: its requests carry an address of their
 * own in X-Forwarded-For (the benchmarking range 198.18.0.0/15, a header only: every
 * request still goes to the local server), so the per-address sign-in limit (10 per
 * 15 minutes, lib/security/limits.ts) counts each merchant, not the whole run.
 */
export async function asOwnClient(page: Page): Promise<void> {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.18.${byte()}.${byte()}` });
}
