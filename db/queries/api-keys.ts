import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { apiKeyMatches, generateApiKey, parseApiKeyPrefix } from "@/lib/crypto/api-key";
import type { Db } from "../client";
import { apiKeys } from "../schema";
import type { Tenant } from "../tenant";

/** Returns the token once; only its hash is kept. */
export async function createApiKey(db: Db, t: Tenant, name: string) {
  const key = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values(t.owned({ name, prefix: key.prefix, hash: key.hash }))
    .returning({ id: apiKeys.id, createdAt: apiKeys.createdAt });
  if (!row) throw new Error("API key insert returned nothing");
  return { id: row.id, name, token: key.token, prefix: key.prefix };
}

export async function listApiKeys(db: Db, t: Tenant) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(t.where(apiKeys))
    .orderBy(desc(apiKeys.createdAt));
}

/** Returns whether a key of this tenant was revoked (false for another tenant's key). */
export async function revokeApiKey(db: Db, t: Tenant, id: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(t.where(apiKeys, eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/**
 * The API's front door: a bearer token resolves to its organisation, or to nothing.
 * This is the one query not scoped by a tenant, because it is how the tenant is found.
 */
export async function authenticateApiKey(db: Db, token: string): Promise<string | null> {
  const prefix = parseApiKeyPrefix(token);
  if (!prefix) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt)));
  if (!row || !apiKeyMatches(token, row.hash)) return null;
  // At most one write a minute per key: a busy integration must not turn every read
  // into a row update (and a lock on the key's row).
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= 60_000) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, row.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - 60_000))),
        ),
      );
  }
  return row.organisationId;
}
