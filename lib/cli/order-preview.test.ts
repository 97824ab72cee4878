import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { saveInstalledShop, saveConnectionSettings } from "@/db/queries/shopify-connections";
import { documents } from "@/db/schema";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { tenant } from "@/db/tenant";
import { parseConfig } from "@/lib/config/env";
import type { CliOutput } from "./output";
import { runCli } from "./run";
import { SHOPIFY_FIXTURES } from "@/test/fixtures";

const FIXTURES = SHOPIFY_FIXTURES;
const orderFile = (name: string) => path.join(FIXTURES, "orders", name);
const config = parseConfig({
  NODE_ENV: "test",
  AUTH_SECRET: "x".repeat(32),
  ENCRYPTION_KEY: Buffer.alloc(32).toString("base64"),
  EMAIL_TRANSPORT: "outbox",
});

let handle: DbHandle;
let scratch: string;

beforeAll(async () => {
  handle = await openTestDb();
  scratch = mkdtempSync(path.join(tmpdir(), "facturo-preview-"));
});

afterAll(async () => {
  await handle?.close();
});

async function preview(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: CliOutput = { out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
  const code = await runCli(["order:preview", ...argv], {
    out,
    getConfig: () => config,
    openDatabase: async () => ({ ...handle, close: async () => {} }),
    log: pino({ level: "silent" }),
    waitForShutdown: () => new Promise<string>(() => {}),
  });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

describe("facturo order:preview", () => {
  it("prints the invoice an order becomes, in the read API's shape, with Shopify's totals", async () => {
    const { code, stdout } = await preview([orderFile("eu-be-mixed-6-21-unpaid-nl.json")]);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as Record<string, unknown>;
    expect(document).toMatchObject({
      type: "invoice",
      status: "concept",
      language: "nl",
      shopify_order_name: "#1042",
      total_cents: 9037,
      total_vat_cents: 1201,
    });
    expect(document.vat_breakdown).toEqual([
      { rate: "21", category: "S", taxable_cents: 4869, vat_cents: 1023 },
      { rate: "6", category: "S", taxable_cents: 2967, vat_cents: 178 },
    ]);
  });

  it("prints the credit note of a refund", async () => {
    const { code, stdout, stderr } = await preview([
      orderFile("testshop-usd-ontario-hst13-before-refund.json"),
      "--refund",
      path.join(FIXTURES, "refunds", "testshop-usd-ontario-hst13-refund-one-unit.json"),
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      type: "credit_note",
      total_cents: 22487,
      total_vat_cents: 2587,
    });
  });

  it("uses an organisation's Shopify settings with --org, and saves nothing there", async () => {
    const t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    const saved = await saveInstalledShop(handle.db, t, {
      shop: `preview-${Date.now()}.myshopify.com`,
      scopes: "read_orders",
      sealedTokens: "v1.a.b.c",
      accessTokenExpiresAt: null,
    });
    if (!saved.ok) throw new Error("connection");
    await saveConnectionSettings(handle.db, t, saved.connection.id, { documentType: "order_form" });
    const { code, stdout, stderr } = await preview([
      orderFile("eu-be-b2c-21-paid-fr.json"),
      "--org",
      t.organisationId,
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(stdout)).toMatchObject({ type: "order_form", total_cents: 8935 });
    const stored = await handle.db.select().from(documents);
    expect(stored.filter((d) => d.organisationId === t.organisationId)).toHaveLength(0);
  });

  it("prints the Peppol UBL of the invoice with --ubl", async () => {
    const { code, stdout, stderr } = await preview([
      orderFile("eu-be-b2b-vat-number-en.json"),
      "--ubl",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<\?xml/);
    expect(stdout).toContain('<cbc:PayableAmount currencyID="EUR">0.00</cbc:PayableAmount>');
    expect(stdout).toContain(
      '<cbc:TaxInclusiveAmount currencyID="EUR">274.95</cbc:TaxInclusiveAmount>',
    );
  });

  it.each([
    [["/no/such/file.json"], /cannot read order file/],
    [["NOT_JSON"], /is not JSON/],
    [["NOT_ORDER"], /is not a Shopify order/],
    [[], /exactly one order FILE/],
    [["ORDER", "--org", "nope"], /not an organisation id/],
  ])("refuses %j with a clear message and a non-zero exit", async (args, message) => {
    const notJson = path.join(scratch, "not.json");
    const notOrder = path.join(scratch, "not-order.json");
    writeFileSync(notJson, "{ this is not json");
    writeFileSync(notOrder, JSON.stringify({ hello: "world" }));
    const argv = args.map((a) =>
      a === "NOT_JSON"
        ? notJson
        : a === "NOT_ORDER"
          ? notOrder
          : a === "ORDER"
            ? orderFile("eu-be-free-order.json")
            : a,
    );
    const { code, stdout, stderr } = await preview(argv);
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });
});
