import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { replaceVerificationToken } from "@/db/queries/verification-tokens";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { hashSessionToken } from "@/lib/auth/session-token";
import { hardenedAdapter } from "./hardened-adapter";

let handle: DbHandle;

beforeAll(async () => {
  handle = await openTestDb();
});

afterAll(async () => {
  await handle?.close();
});

const adapter = () =>
  hardenedAdapter(
    DrizzleAdapter(handle.db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    (token) => replaceVerificationToken(handle.db, token),
  );

describe("Auth.js's adapter, hardened", () => {
  it("stores session tokens hashed and finds them by the cookie's token", async () => {
    const user = await createUser(handle.db);
    const token = `raw-${uniqueSuffix()}`;
    const expires = new Date(Date.now() + 3600_000);
    const created = await adapter().createSession!({
      sessionToken: token,
      userId: user.id,
      expires,
    });
    expect(created.sessionToken).toBe(token);
    const rows = await handle.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.map((r) => r.sessionToken)).toEqual([hashSessionToken(token)]);
    expect((await adapter().getSessionAndUser!(token))?.user.id).toBe(user.id);
    expect(await adapter().getSessionAndUser!(hashSessionToken(token))).toBeNull();
    await adapter().deleteSession!(token);
    expect(await handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
  });

  it("keeps only the newest sign-in link of an address", async () => {
    const identifier = `someone-${uniqueSuffix()}@example.be`;
    const expires = new Date(Date.now() + 3600_000);
    await adapter().createVerificationToken!({ identifier, token: "first", expires });
    await adapter().createVerificationToken!({ identifier, token: "second", expires });
    expect(await adapter().useVerificationToken!({ identifier, token: "first" })).toBeNull();
    expect(await adapter().useVerificationToken!({ identifier, token: "second" })).not.toBeNull();
    // Requests at the same moment still leave one link.
    await Promise.all(
      ["a", "b", "c", "d"].map(async (token) =>
        adapter().createVerificationToken!({ identifier, token, expires }),
      ),
    );
    const left = await handle.db
      .select()
      .from(verificationTokens)
      .where(eq(verificationTokens.identifier, identifier));
    expect(left).toHaveLength(1);
  });
});
