import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
import { validateUbl } from "@/lib/peppol/validation/validate-ubl";
import { brusselsToday } from "@/lib/calendar/brussels-date";

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

/** The printed JSON array, one element per document. */
const documentsOf = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>[];

describe("facturo order:preview", () => {
  it("prints the invoice an order becomes, in the read API's shape, with Shopify's totals", async () => {
    const { code, stdout } = await preview([orderFile("eu-be-mixed-6-21-unpaid-nl.json")]);
    expect(code).toBe(0);
    const [document, ...more] = documentsOf(stdout);
    expect(more).toEqual([]);
    expect(document).toMatchObject({
      type: "invoice",
      status: "concept",
      language: "nl",
      shopify_order_name: "#1042",
      total_cents: 9037,
      total_vat_cents: 1201,
    });
    expect(document?.vat_breakdown).toEqual([
      { country: "BE", rate: "21", category: "S", taxable_cents: 4869, vat_cents: 1023 },
      { country: "BE", rate: "6", category: "S", taxable_cents: 2967, vat_cents: 178 },
    ]);
    expect(document).toMatchObject({
      customer: {
        name: "Pieter Verstraete",
        company_name: null,
        vat_number: null,
        email: "pieter.verstraete@example.com",
        language: "nl",
        address: { country: "BE" },
      },
      issue_date: "2026-03-03",
      supply_date: null, // unpaid, not shipped: not known yet
      paid_cents: 0,
      amount_due_cents: 9037,
    });
  });

  it("prints the credit note of a refund", async () => {
    const { code, stdout, stderr } = await preview([
      orderFile("testshop-usd-ontario-hst13-before-refund.json"),
      "--refund",
      path.join(FIXTURES, "refunds", "testshop-usd-ontario-hst13-refund-one-unit.json"),
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const [invoice, creditNote] = documentsOf(stdout);
    expect(invoice).toMatchObject({ type: "invoice", status: "paid" });
    expect(creditNote).toMatchObject({
      type: "credit_note",
      status: "concept",
      total_cents: 22487,
      total_vat_cents: 2587,
      // The credit note names the invoice's buyer; its own taxable event is the correction.
      customer: invoice?.customer,
      supply_date: null,
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
    expect(documentsOf(stdout)).toMatchObject([{ type: "order_form", total_cents: 8935 }]);
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
    const [document] = documentsOf(stdout);
    const ubl = String(document?.ubl);
    expect(ubl).toMatch(/^<\?xml/);
    expect(ubl).toContain('<cbc:PayableAmount currencyID="EUR">0.00</cbc:PayableAmount>');
    expect(ubl).toContain(
      '<cbc:TaxInclusiveAmount currencyID="EUR">274.95</cbc:TaxInclusiveAmount>',
    );
  });

  it("applies several orders in one database: a returning customer's documents each name that order's buyer", async () => {
    const { code, stdout, stderr } = await preview([
      orderFile("eu-returning-nl-company-k-en.json"),
      orderFile("eu-returning-ch-private-nl.json"),
      "--issue",
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const [company, zurich, ...more] = documentsOf(stdout);
    expect(more).toEqual([]);
    const today = brusselsToday();
    expect(company).toMatchObject({
      status: "paid",
      number: expect.stringMatching(/\d/) as unknown,
      issue_date: today,
      supply_date: "2026-09-10", // the day the goods left: an intra-EU supply
      delivery_date: "2026-09-10",
      customer: {
        name: "Sanne de Vries",
        company_name: "Koffiebranderij De Vries B.V.",
        vat_number: "NL859310447B01",
        language: "en",
        address: {
          line1: "Prinsengracht 482",
          line2: "2e verdieping",
          postal_code: "1017 KG",
          city: "Amsterdam",
          country: "NL",
        },
      },
      paid_cents: 81195,
      amount_due_cents: 0,
    });
    expect((company?.lines as { vat_category: string }[]).map((l) => l.vat_category)).toEqual([
      "K",
      "K",
      "K",
    ]);
    // The same Shopify customer, later, from Zürich and privately: that order's buyer only.
    expect(zurich).toMatchObject({
      status: "paid",
      supply_date: "2026-11-24",
      customer: {
        name: "Sanne de Vries",
        company_name: null,
        vat_number: null,
        email: "sanne@devries-koffie.example.nl",
        language: "nl",
        address: { line1: "Zeltweg 27", line2: null, postal_code: "8032", city: "Zürich" },
      },
    });
    expect(zurich?.customer).toMatchObject({ address: { country: "CH" } });
    expect(zurich?.customer).toHaveProperty(
      "id",
      company?.customer && (company.customer as { id: string }).id,
    );
    expect((zurich?.lines as { vat_category: string }[]).map((l) => l.vat_category)).toEqual([
      "G",
      "G",
      "G",
    ]);
  });

  it("issues a partially paid B2B order with the deposit recorded and the rest due, VAT per rate", async () => {
    const { code, stdout, stderr } = await preview([
      orderFile("eu-be-b2b-partially-paid-nl.json"),
      "--issue",
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const [invoice] = documentsOf(stdout);
    expect(invoice).toMatchObject({
      status: "partially_paid",
      total_cents: 34560,
      // A Belgian business buyer: VAT once per rate (33.93 + 8.50), not Shopify's 42.44.
      total_vat_cents: 4243,
      paid_cents: 10000,
      amount_due_cents: 24560,
      structured_communication: expect.stringMatching(/^\d{12}$/) as unknown,
      supply_date: "2026-11-16",
      customer: { company_name: "Bakkerij Claes BV", vat_number: "BE1012345646" },
    });
  });

  it("gives an intra-EU supply's UBL its real delivery date, and it passes the Peppol rules", async () => {
    const { code, stdout, stderr } = await preview([
      orderFile("eu-returning-nl-company-k-en.json"),
      "--ubl",
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const ubl = String(documentsOf(stdout)[0]?.ubl);
    expect(ubl).toContain("<cbc:ActualDeliveryDate>2026-09-10</cbc:ActualDeliveryDate>");
    expect(ubl).toContain("<cbc:TaxPointDate>2026-09-10</cbc:TaxPointDate>");
    expect(ubl).toContain("<cbc:StreetName>Prinsengracht 482, 2e verdieping</cbc:StreetName>");
    const result = await validateUbl(ubl);
    expect(result.failures).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("leaves an intra-EU supply whose goods have not left as a concept, and says why", async () => {
    const unshipped = path.join(scratch, "unshipped.json");
    const json = JSON.parse(
      readFileSync(orderFile("eu-returning-nl-company-k-en.json"), "utf8"),
    ) as Record<string, unknown>;
    writeFileSync(
      unshipped,
      JSON.stringify({ ...json, fulfillments: [], fulfillment_status: null }),
    );
    const { code, stdout, stderr } = await preview([unshipped, "--issue"]);
    expect(code).toBe(0);
    expect(stderr).toContain("not issued: delivery_date_required");
    expect(documentsOf(stdout)).toMatchObject([{ status: "concept", supply_date: null }]);
  });

  it.each([
    [["/no/such/file.json"], /cannot read order file/],
    [["NOT_JSON"], /is not JSON/],
    [["NOT_ORDER"], /is not a Shopify order/],
    [[], /at least one order FILE/],
    [["ORDER", "--refund", "REFUND_OTHER", "ORDER"], /which no FILE holds/],
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
            : a === "REFUND_OTHER"
              ? path.join(FIXTURES, "refunds", "testshop-usd-ontario-hst13-refund-one-unit.json")
              : a,
    );
    const { code, stdout, stderr } = await preview(argv);
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });
});
