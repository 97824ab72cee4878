import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { openTestDb } from "@/db/testing/test-db";
import { clientAddress } from "./client-address";
import { hitRateLimit, hitRateLimits, usedInWindow } from "./rate-limit";

let handle: DbHandle;

beforeAll(async () => {
  handle = await openTestDb();
});

afterAll(async () => {
  await handle?.close();
});

const limit = { name: "test-limit", limit: 3, windowSeconds: 60 };

describe("rate limits in the database", () => {
  it("allows the limit per window, then refuses until the window ends", async () => {
    const now = new Date("2026-03-05T10:00:15Z");
    for (let i = 0; i < 3; i++) {
      expect((await hitRateLimit(handle.db, limit, "a", now)).allowed).toBe(true);
    }
    expect(await hitRateLimit(handle.db, limit, "a", now)).toEqual({
      allowed: false,
      retryAfterSeconds: 45,
      refusedBy: "test-limit",
    });
    // Another subject has its own counter; the next window starts afresh.
    expect((await hitRateLimit(handle.db, limit, "b", now)).allowed).toBe(true);
    const next = new Date("2026-03-05T10:01:00Z");
    expect((await hitRateLimit(handle.db, limit, "a", next)).allowed).toBe(true);
    expect(await usedInWindow(handle.db, limit, "a", next)).toBe(1);
  });

  it("lets exactly the limit through when requests race", async () => {
    const now = new Date("2026-03-05T11:00:00Z");
    const decisions = await Promise.all(
      Array.from({ length: 12 }, () => hitRateLimit(handle.db, limit, "race", now)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
  });

  it("refuses when any of several limits is exceeded", async () => {
    const now = new Date("2026-03-05T12:00:00Z");
    const strict = { name: "strict", limit: 1, windowSeconds: 900 };
    const hits = [
      { limit, subject: "x" },
      { limit: strict, subject: "x" },
    ];
    expect((await hitRateLimits(handle.db, hits, now)).allowed).toBe(true);
    expect(await hitRateLimits(handle.db, hits, now)).toMatchObject({
      allowed: false,
      refusedBy: "strict",
      retryAfterSeconds: 900,
    });
  });

  it("takes the client address from the last proxy's X-Forwarded-For entry", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.1.1.1, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});

describe("a flood from one client", () => {
  it("fills its own counter, not the global one", async () => {
    const now = new Date("2026-03-05T13:00:00Z");
    const perClient = { name: "flood-client", limit: 2, windowSeconds: 60 };
    const global = { name: "flood-global", limit: 5, windowSeconds: 60 };
    const from = (client: string) => [
      { limit: perClient, subject: client },
      { limit: global, subject: "all" },
    ];
    for (let i = 0; i < 50; i++) await hitRateLimits(handle.db, from("attacker"), now);
    expect((await hitRateLimits(handle.db, from("someone"), now)).allowed).toBe(true);
  });
});
