import { createHash, randomBytes, randomUUID } from "node:crypto";

/** Random lowercase hex, `bytes` bytes long. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

/** Shopify-looking secrets: `shpat_…` (access token), `shprt_…` (refresh token). */
export function randomToken(prefix: "shpat" | "shprt" | "shpua"): string {
  return `${prefix}_${randomHex(16)}`;
}

export function uuid(): string {
  return randomUUID();
}

/**
 * First id handed out by a fresh simulator: 13 digits like real order ids, random so that
 * ids from two simulator runs (and a database that outlived a reset) do not collide.
 */
export function initialResourceId(): number {
  return 6_000_000_000_000 + Math.floor(Math.random() * 1_000_000_000) * 1000;
}

/** A stable numeric shop id derived from the handle, so it survives restarts. */
export function shopIdForHandle(handle: string): number {
  const digest = createHash("sha256").update(handle).digest();
  return 10_000_000_000 + (digest.readUInt32BE(0) % 90_000_000_000);
}

export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}
