/**
 * Shopify ids are 64-bit integers. Real order ids (~13 digits) fit a double, but sample
 * payloads (`shopify app webhook trigger`) carry 18-digit ids that JSON.parse has
 * already rounded. The GID (`gid://shopify/Order/…`) is a string and survives, so it
 * wins; a numeric id is only used when there is no GID.
 */
const GID = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)(?:\?.*)?$/;

export function idFromGid(gid: string | null | undefined): string | null {
  return (gid && GID.exec(gid.trim())?.[1]) || null;
}

export function idString(
  raw: number | string | null | undefined,
  gid?: string | null,
): string | null {
  const fromGid = idFromGid(gid);
  if (fromGid) return fromGid;
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") {
    // BigInt keeps "1e21"-style exponents out of an id.
    return Number.isInteger(raw) ? BigInt(raw).toString() : String(raw);
  }
  // A GID may also arrive in the plain id field (GraphQL-shaped payloads).
  return idFromGid(raw) ?? (raw.trim() || null);
}

export function gidFor(resource: string, id: string): string {
  return `gid://shopify/${resource}/${id}`;
}
