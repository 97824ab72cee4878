import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { openTestDb } from "@/db/testing/test-db";
import { claimDailySend, dailySendLimit } from "./sending-quota";
import { foreignLinks, linkedHosts } from "./text-links";

let handle: DbHandle;

beforeAll(async () => {
  handle = await openTestDb();
});

afterAll(async () => {
  await handle?.close();
});

describe("sending from Facturo's domain", () => {
  it("allows a new organisation 30 emails a day and an established one 300", async () => {
    const now = new Date("2026-03-05T10:00:00Z");
    expect(dailySendLimit(new Date("2026-03-01T00:00:00Z"), now)).toBe(30);
    expect(dailySendLimit(new Date("2026-01-01T00:00:00Z"), now)).toBe(300);
    const organisation = { id: crypto.randomUUID(), createdAt: new Date("2026-03-04T00:00:00Z") };
    for (let i = 0; i < 30; i++) {
      expect((await claimDailySend(handle.db, organisation, now)).allowed).toBe(true);
    }
    expect(await claimDailySend(handle.db, organisation, now)).toEqual({
      allowed: false,
      limit: 30,
    });
    // The next day starts afresh.
    const tomorrow = new Date("2026-03-06T00:00:01Z");
    expect((await claimDailySend(handle.db, organisation, tomorrow)).allowed).toBe(true);
  });

  it("finds links to domains that are not the merchant's", () => {
    const allowed = ["atelier.be", "facturo.be", "atelier.myshopify.com"];
    expect(linkedHosts("See https://shop.atelier.be/x and www.evil.example/pay.")).toEqual([
      "shop.atelier.be",
      "www.evil.example",
    ]);
    expect(foreignLinks("Pay at {paymentLink} or https://app.facturo.be/d/x", allowed)).toEqual([]);
    expect(foreignLinks("Log in at http://atelier.be.evil.example/login", allowed)).toEqual([
      "atelier.be.evil.example",
    ]);
    expect(foreignLinks("HTTPS://EVIL.EXAMPLE", allowed)).toEqual(["evil.example"]);
  });
});
