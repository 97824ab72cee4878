import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  FIXTURE_MANIFEST,
  listOrderFixtures,
  loadOrderFixture,
  readOrderFixtures,
} from "./fixtures";
import { startShopifySimulator } from "./server";
import { REPO_SHOPIFY_FIXTURES } from "./test-support";
import { control } from "./testing";

const scratch = mkdtempSync(path.join(tmpdir(), "shopify-sim-fixtures-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fixtures directory with these manifest entries and these files actually present. */
function fixturesDir(name: string, listed: string[] | null, present: string[]): string {
  const dir = path.join(scratch, name);
  mkdirSync(path.join(dir, "orders"), { recursive: true });
  if (listed) writeFileSync(path.join(dir, FIXTURE_MANIFEST), JSON.stringify({ files: listed }));
  for (const file of present) writeFileSync(path.join(dir, file), JSON.stringify({ id: 1 }));
  return dir;
}

describe("order fixtures", () => {
  it("lists the payloads the manifest names under orders/, not the expected values", async () => {
    const names = await listOrderFixtures(REPO_SHOPIFY_FIXTURES);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names).toContain("eu-be-b2c-21-paid-fr.json");
    expect(names.some((n) => n.endsWith(".expected.json"))).toBe(false);
    expect(names).not.toContain("docs-refund-line-item-no-restock.json");
    expect(names).toEqual([...names].sort());
  });

  it("loads a listed payload, and only a listed one", async () => {
    const order = await loadOrderFixture(REPO_SHOPIFY_FIXTURES, "eu-be-b2c-21-paid-fr.json");
    expect(order.id).toBe(6899289041633);
    await expect(loadOrderFixture(REPO_SHOPIFY_FIXTURES, "../orders/a.json")).rejects.toThrow(
      /Unknown order fixture/,
    );
  });

  it("a file in the folder but not in the manifest is not offered", async () => {
    const dir = fixturesDir("unlisted", ["orders/a.json"], ["orders/a.json", "orders/b.json"]);
    expect(await listOrderFixtures(dir)).toEqual(["a.json"]);
    await expect(loadOrderFixture(dir, "b.json")).rejects.toThrow(/Unknown order fixture "b.json"/);
  });

  it("a listed file that is missing fails loudly with its path, never shortens the list", async () => {
    const dir = fixturesDir("gone", ["orders/a.json", "orders/gone.json"], ["orders/a.json"]);
    const gone = path.join(dir, "orders", "gone.json");
    await expect(readOrderFixtures(dir)).rejects.toThrow(`Missing fixture: ${gone}`);
    await expect(listOrderFixtures(dir)).rejects.toThrow(gone);
    await expect(loadOrderFixture(dir, "a.json")).rejects.toThrow(gone);
  });

  it("explains an empty list: no directory, a missing one, no manifest, no order listed", async () => {
    const none = await readOrderFixtures(null);
    expect(none.names).toEqual([]);
    expect(none.problem).toMatch(/^No fixtures directory: start the simulator with --fixtures-dir/);
    const missing = path.join(scratch, "does-not-exist");
    expect((await readOrderFixtures(missing)).problem).toBe(
      `The fixtures directory ${missing} does not exist: ` +
        "start the simulator with --fixtures-dir DIR or SHOPIFY_SIMULATOR_FIXTURES_DIR=DIR " +
        "(Facturo's `npm run dev` and `npm run shopify:simulator` pass test/fixtures/shopify).",
    );
    const bare = fixturesDir("bare", null, ["orders/a.json"]);
    expect((await readOrderFixtures(bare)).problem).toMatch(
      `The fixtures directory ${bare} has no manifest.json`,
    );
    const empty = fixturesDir("empty", ["refunds/r.json"], []);
    expect(await readOrderFixtures(empty)).toEqual({
      names: [],
      problem: `${path.join(empty, FIXTURE_MANIFEST)} lists no order (orders/*.json).`,
    });
    await expect(loadOrderFixture(null, "eu-be-b2c-21-paid-fr.json")).rejects.toThrow(
      /Unknown order fixture .*No fixtures directory/,
    );
  });
});

describe("the shop admin and the control API say why there is no order to place", () => {
  async function adminPage(dir: string | null) {
    const sim = await startShopifySimulator({ port: 0, fixturesDir: dir });
    try {
      const page = await fetch(`${sim.origin}/shops/empty-test.myshopify.com/admin`);
      const listed = await control<{ fixtures: string[]; problem: string | null }>(
        sim.origin,
        "/fixtures",
      );
      return { status: page.status, html: await page.text(), listed };
    } finally {
      await sim.close();
    }
  }

  it("without a fixtures directory", async () => {
    const { status, html, listed } = await adminPage(null);
    expect(status).toBe(200);
    expect(html).toContain("No order to place. No fixtures directory: start the simulator with");
    expect(html).toMatch(/<button\s+class="primary"\s+type="submit"\s+disabled/);
    expect(listed.body.fixtures).toEqual([]);
    expect(listed.body.problem).toMatch(/^No fixtures directory/);
  });

  it("with an empty fixtures directory", async () => {
    const dir = path.join(scratch, "empty-dir");
    mkdirSync(dir, { recursive: true });
    const { html } = await adminPage(dir);
    expect(html).toContain(`No order to place. The fixtures directory ${dir} has no manifest.json`);
  });

  it("with a listed fixture missing: its path, where the list would be", async () => {
    const dir = fixturesDir("admin-gone", ["orders/gone.json"], []);
    const { status, html, listed } = await adminPage(dir);
    expect(status).toBe(200);
    expect(html).toContain(`Missing fixture: ${path.join(dir, "orders", "gone.json")}`);
    expect(listed.status).toBe(500);
  });

  it("with the repository's fixtures: the list, no explanation", async () => {
    const { html, listed } = await adminPage(REPO_SHOPIFY_FIXTURES);
    expect(html).toContain('<option value="eu-be-b2c-21-paid-fr.json">');
    expect(html).not.toContain("No order to place");
    expect(listed.body).toMatchObject({ problem: null });
  });
});
