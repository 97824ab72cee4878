import { describe, expect, it } from "vitest";
import { listOrderFixtures, loadOrderFixture } from "./fixtures";
import { REPO_SHOPIFY_FIXTURES } from "./test-support";

describe("order fixtures", () => {
  it("lists the payloads of <fixturesDir>/orders, not the expected values next to them", async () => {
    const names = await listOrderFixtures(REPO_SHOPIFY_FIXTURES);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names.every((n) => n.endsWith(".json"))).toBe(true);
    expect(names.some((n) => n.endsWith(".expected.json"))).toBe(false);
    expect(names).toEqual([...names].sort());
  });

  it("loads a listed payload, and only a listed one", async () => {
    const order = await loadOrderFixture(REPO_SHOPIFY_FIXTURES, "eu-be-b2c-21-paid-fr.json");
    expect(order.id).toBe(6899289041633);
    await expect(loadOrderFixture(REPO_SHOPIFY_FIXTURES, "../orders/a.json")).rejects.toThrow(
      /Unknown order fixture/,
    );
  });

  it("has none without a fixtures directory (the default)", async () => {
    expect(await listOrderFixtures(null)).toEqual([]);
    await expect(loadOrderFixture(null, "eu-be-b2c-21-paid-fr.json")).rejects.toThrow(
      /without a fixtures directory/,
    );
  });
});
