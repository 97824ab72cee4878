import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./client";
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from "./queries/api-keys";
import {
  activateApp,
  deactivateApp,
  getAppSealedSecrets,
  isAppActive,
  listAppActivations,
  saveAppSecrets,
} from "./queries/apps";
import { apiKeys } from "./schema";
import { tenant, type Tenant } from "./tenant";
import { createOrg, createUser, openTestDb } from "./testing/test-db";

// Every tenant-scoped query is exercised from org A against org B's rows: a single
// missing `t.where` would leak one merchant's data to another.
let handle: DbHandle;
let orgA: string;
let orgB: string;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  const user = await createUser(handle.db);
  orgA = (await createOrg(handle.db, user.id)).id;
  orgB = (await createOrg(handle.db, user.id)).id;
  a = tenant(orgA);
  b = tenant(orgB);
});

afterAll(() => handle?.close());

describe("tenant", () => {
  it("needs an organisation and owns new rows whatever the caller passed", () => {
    expect(() => tenant("")).toThrow();
    expect(a.owned({ name: "x", organisationId: orgB })).toEqual({
      name: "x",
      organisationId: orgA,
    });
  });
});

describe("apps", () => {
  it("activations are per organisation", async () => {
    await activateApp(handle.db, a, "shopify");
    await activateApp(handle.db, b, "shopify");
    await activateApp(handle.db, b, "foreign-customers");

    const listA = await listAppActivations(handle.db, a);
    expect(listA.map((r) => [r.organisationId, r.appKey])).toEqual([[orgA, "shopify"]]);
    expect((await listAppActivations(handle.db, b)).map((r) => r.appKey).sort()).toEqual([
      "foreign-customers",
      "shopify",
    ]);
    expect(await isAppActive(handle.db, a, "foreign-customers")).toBe(false);
    expect(await isAppActive(handle.db, b, "foreign-customers")).toBe(true);
  });

  it("deactivating in A leaves B's app on", async () => {
    await deactivateApp(handle.db, a, "shopify");
    await deactivateApp(handle.db, a, "foreign-customers"); // only B has it
    expect(await isAppActive(handle.db, a, "shopify")).toBe(false);
    expect(await isAppActive(handle.db, b, "shopify")).toBe(true);
    expect(await isAppActive(handle.db, b, "foreign-customers")).toBe(true);
  });

  it("secrets are saved and read only within the tenant", async () => {
    await saveAppSecrets(handle.db, b, "shopify", "sealed-b");
    await saveAppSecrets(handle.db, a, "shopify", "sealed-a");
    // A has no foreign-customers row; the update must not fall through to B's.
    await saveAppSecrets(handle.db, a, "foreign-customers", "sealed-a-fc");

    expect(await getAppSealedSecrets(handle.db, a, "shopify")).toBe("sealed-a");
    expect(await getAppSealedSecrets(handle.db, b, "shopify")).toBe("sealed-b");
    expect(await getAppSealedSecrets(handle.db, a, "foreign-customers")).toBeNull();
    expect(await getAppSealedSecrets(handle.db, b, "foreign-customers")).toBeNull();
  });

  it("re-activation keeps the app's secrets and touches only its own row", async () => {
    await deactivateApp(handle.db, b, "shopify");
    await activateApp(handle.db, a, "shopify");
    expect(await isAppActive(handle.db, a, "shopify")).toBe(true);
    expect(await isAppActive(handle.db, b, "shopify")).toBe(false);
    expect(await getAppSealedSecrets(handle.db, a, "shopify")).toBe("sealed-a");

    const [row] = (await listAppActivations(handle.db, a)).filter((r) => r.appKey === "shopify");
    expect(row).toMatchObject({ active: true, deactivatedAt: null });
    // Activating twice must not create a second row (unique per organisation and app).
    await activateApp(handle.db, a, "shopify");
    expect(await listAppActivations(handle.db, a)).toHaveLength(1);
  });
});

describe("API keys", () => {
  it("lists only the tenant's keys, without their hash", async () => {
    const keyA = await createApiKey(handle.db, a, "A's key");
    const keyB = await createApiKey(handle.db, b, "B's key");
    const listA = await listApiKeys(handle.db, a);
    expect(listA.map((k) => k.id)).toEqual([keyA.id]);
    expect(listA[0]).not.toHaveProperty("hash");
    expect((await listApiKeys(handle.db, b)).map((k) => k.id)).toEqual([keyB.id]);
  });

  it("cannot revoke another tenant's key", async () => {
    const keyB = await createApiKey(handle.db, b, "B's other key");
    expect(await revokeApiKey(handle.db, a, keyB.id)).toBe(false);
    expect(await authenticateApiKey(handle.db, keyB.token)).toBe(orgB);
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, keyB.id));
    expect(row?.revokedAt).toBeNull();
  });

  it("authenticates a valid token to its organisation and records its use", async () => {
    const keyA = await createApiKey(handle.db, a, "used");
    expect(await authenticateApiKey(handle.db, keyA.token)).toBe(orgA);
    const [row] = await listApiKeys(handle.db, a).then((keys) =>
      keys.filter((k) => k.id === keyA.id),
    );
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses revoked keys; revoking twice reports false", async () => {
    const keyA = await createApiKey(handle.db, a, "to revoke");
    expect(await revokeApiKey(handle.db, a, keyA.id)).toBe(true);
    expect(await revokeApiKey(handle.db, a, keyA.id)).toBe(false);
    expect(await authenticateApiKey(handle.db, keyA.token)).toBeNull();
  });

  it("refuses garbage and forged tokens", async () => {
    const keyA = await createApiKey(handle.db, a, "forged");
    const forged = `fct_${keyA.prefix}_${"A".repeat(32)}`;
    for (const token of ["", "garbage", `Bearer ${keyA.token}`, forged, keyA.token.toUpperCase()]) {
      expect(await authenticateApiKey(handle.db, token)).toBeNull();
    }
  });
});
