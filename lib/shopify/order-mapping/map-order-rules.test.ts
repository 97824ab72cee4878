import { describe, expect, it } from "vitest";
import { conceptLineSchema } from "@/lib/documents/concept-schema";
import { isVatNumberAttribute } from "./buyer-vat-number";
import { languageFromLocale } from "./document-language";
import { ShopifyPayloadError } from "./errors";
import { readJson } from "./fixtures.test-support";
import { mapOrderToDocument, type MapOrderOptions } from "./map-order-to-document";
import { compareWithShopify, computeMappedTotals } from "./order-totals";
import { parseShopifyOrder } from "./parse-order";
import { toConceptLineInputs, toFacturoLines } from "./to-facturo-lines";

const INVOICE: MapOrderOptions = { documentType: "invoice", sellerCountry: "BE" };

interface LineOptions {
  title?: string;
  sku?: string | null;
  price?: string;
  quantity?: number;
  tax?: [rate: number | string, price: string, title?: string][];
  discount?: string;
  requires_shipping?: boolean;
  gift_card?: boolean;
  taxable?: boolean;
  product_id?: number | null;
}

const line = (options: LineOptions = {}) => ({
  title: options.title ?? "Mug",
  variant_title: null,
  sku: options.sku === undefined ? "MUG-1" : options.sku,
  quantity: options.quantity ?? 1,
  price: options.price ?? "10.00",
  product_id: options.product_id === undefined ? 1 : options.product_id,
  variant_id: options.product_id === null ? null : 2,
  requires_shipping: options.requires_shipping ?? true,
  gift_card: options.gift_card ?? false,
  taxable: options.taxable ?? (options.tax ?? []).length > 0,
  discount_allocations: options.discount ? [{ amount: options.discount }] : [],
  tax_lines: (options.tax ?? []).map(([rate, price, title]) => ({
    title: title ?? "Tax",
    rate,
    price,
  })),
});

const address = (country_code: string, company: string | null = null) => ({
  first_name: "Test",
  last_name: "Buyer",
  address1: "Street 1",
  zip: "1000",
  city: "City",
  country_code,
  company,
});

function map(json: Record<string, unknown>, options: Partial<MapOrderOptions> = {}) {
  const parsed = parseShopifyOrder({
    id: 7,
    currency: "EUR",
    taxes_included: true,
    processed_at: "2026-05-08T20:17:01+02:00",
    ...json,
  });
  if (!parsed.ok) throw parsed.error;
  return mapOrderToDocument(parsed.value, { ...INVOICE, ...options });
}

describe("document language from customer_locale", () => {
  it.each([
    ["nl-BE", "nl"],
    ["fr", "fr"],
    ["FR-be", "fr"],
    ["de-CH", "de"],
    ["en-NL", "en"],
    ["en_GB", "en"],
    ["it-IT", null],
    ["", null],
    [null, null],
  ])("%j → %j", (locale, language) => {
    expect(languageFromLocale(locale)).toBe(language);
  });
});

describe("buyer VAT number from note_attributes", () => {
  it.each([
    ["vat_number", true],
    ["VAT", true],
    ["VAT ID", true],
    ["btw-nummer", true],
    ["BTW", true],
    ["Numéro de TVA", true],
    ["tva_intracom", true],
    ["USt-IdNr", true],
    ["company_vat", true],
    ["private_note", false],
    ["Ivan's note", false],
    ["IVA", true],
    ["po_reference", false],
    ["Invoice", false],
  ])("%j matches: %s", (name, matches) => {
    expect(isVatNumberAttribute(name)).toBe(matches);
  });

  it("normalises a valid number and keeps an invalid one as a note only", () => {
    const valid = map({
      note_attributes: [{ name: "BTW nummer", value: "be 0403.170.701" }],
      line_items: [line({ tax: [[0.21, "1.74"]] })],
    });
    expect(valid.buyer.vatNumber).toBe("BE0403170701");
    const invalid = map({
      note_attributes: [{ name: "vat_number", value: "BE0403170702" }],
      line_items: [line({ tax: [[0.21, "1.74"]] })],
    });
    expect(invalid.buyer.vatNumber).toBeNull();
    expect(invalid.notes).toEqual(["vat_number: BE0403170702"]);
    expect(invalid.warnings.map((w) => w.code)).toContain("invalid_vat_number");
  });
});

describe("VAT treatment of each line", () => {
  const nlCompany = {
    note_attributes: [{ name: "VAT", value: "NL123456789B01" }],
    billing_address: address("NL", "Bedrijf BV"),
    shipping_address: address("NL", "Bedrijf BV"),
  };
  const treatments = (document: ReturnType<typeof map>) =>
    document.lines.map((l) => `${l.kind}:${l.vatCategory}:${l.vatRateBp}:${l.vatReason}`);

  it("keeps Shopify's tax as S at Shopify's rate, foreign (OSS) rates included", () => {
    const document = map({
      shipping_address: address("NL"),
      line_items: [line({ tax: [[0.21, "1.74", "NL BTW"]] })],
      shipping_lines: [{ title: "PostNL", price: "0.00", tax_lines: [] }],
    });
    expect(treatments(document)).toEqual([
      "product:S:2100:shopify_tax",
      "shipping:Z:0:zero_amount",
    ]);
    expect(document.lines.map((l) => l.vatCountry)).toEqual(["NL", "BE"]);
    expect(document.fixedVat).toEqual([
      { country: "NL", category: "S", rateBp: 2100, vatCents: 174 },
    ]);
    expect(document.warnings).toEqual([]);
  });

  it.each([
    // Shopify's OSS tax lines name their member state
    ["FR TVA", "FR", 0.2, "FR"],
    ["EL ΦΠΑ", "GR", 0.24, "GR"],
    ["DE MwSt.", "DE", 0.07, "DE"],
    // no state in the title: a Belgian rate is Belgian VAT (a shop below the OSS threshold)
    ["BTW", "NL", 0.21, "BE"],
    ["VAT", "NL", 0.06, "BE"],
    // no state in the title, a rate only the destination has: the destination's
    ["TVA", "FR", 0.2, "FR"],
    ["Tax", "DE", 0.19, "DE"],
    // lower-case words are not country codes
    ["de taks", "BE", 0.21, "BE"],
  ])("VAT titled %j, goods to %s at %s: %s VAT", (title, destination, rate, country) => {
    const document = map({
      shipping_address: address(destination),
      line_items: [line({ tax: [[rate, "1.00", title]] })],
    });
    expect(document.lines[0]).toMatchObject({ vatCategory: "S", vatCountry: country });
  });

  it("flags a VAT rate its member state does not have on the order's day", () => {
    const document = map({
      shipping_address: address("NL"),
      line_items: [line({ tax: [[0.06, "0.57", "NL BTW"]] })],
    });
    expect(document.lines[0]).toMatchObject({ vatCountry: "NL", vatRateBp: 600 });
    expect(document.warnings).toEqual([
      { code: "unknown_vat_rate", message: "6 % is not a VAT rate of NL on 2026-05-08" },
    ]);
  });

  it("untaxed goods to an EU business elsewhere: intra-Community supply K, shipping follows", () => {
    const document = map({
      ...nlCompany,
      line_items: [line(), line({ title: "E-book", requires_shipping: false })],
      shipping_lines: [{ title: "DPD", price: "9.95", tax_lines: [] }],
    });
    expect(treatments(document)).toEqual([
      "product:K:0:intra_eu_goods",
      "product:AE:0:intra_eu_services",
      "shipping:K:0:intra_eu_goods",
    ]);
    expect(document.buyer).toMatchObject({ vatNumber: "NL123456789B01", company: "Bedrijf BV" });
    expect(document.reverseCharge).toBe(true);
  });

  it("goods to an EU business delivered in Belgium are not intra-Community", () => {
    const document = map({ ...nlCompany, shipping_address: address("BE"), line_items: [line()] });
    expect(treatments(document)).toEqual(["product:E:0:untaxed"]);
  });

  it("goods leaving the EU: export G", () => {
    const document = map({
      shipping_address: address("CH"),
      line_items: [line()],
      shipping_lines: [{ title: "Post", price: "15.00" }],
    });
    expect(treatments(document)).toEqual(["product:G:0:export", "shipping:G:0:export"]);
  });

  it("untaxed domestic lines use the merchant's category (default E)", () => {
    const json = { billing_address: address("BE"), line_items: [line()] };
    expect(treatments(map(json))).toEqual(["product:E:0:untaxed"]);
    expect(treatments(map(json, { untaxedCategory: "Z" }))).toEqual(["product:Z:0:untaxed"]);
  });

  it("tips and gift cards are outside the scope of VAT (O)", () => {
    const document = map({
      billing_address: address("BE"),
      total_tip_received: "2.00",
      line_items: [
        line({ tax: [[0.21, "1.74"]] }),
        line({
          title: "Gift card",
          sku: null,
          price: "25.00",
          gift_card: true,
          requires_shipping: false,
        }),
        line({
          title: "Tip",
          sku: null,
          price: "2.00",
          product_id: null,
          requires_shipping: false,
        }),
      ],
    });
    expect(treatments(document)).toEqual([
      "product:S:2100:shopify_tax",
      "gift_card:O:0:gift_card",
      "tip:O:0:tip",
    ]);
    expect(computeMappedTotals(document).grossCents).toBe(3700);
  });

  it("adds a tip line when the tip is in the totals but in no line", () => {
    const document = map({
      total_tip_received: "3.00",
      line_items: [line({ tax: [[0.21, "1.74"]] })],
    });
    expect(document.lines.at(-1)).toMatchObject({
      kind: "tip",
      amountCents: 300,
      vatCategory: "O",
    });
    expect(document.warnings.map((w) => w.code)).toContain("tip_without_line");
  });

  it("a line with several tax lines gets their combined rate and summed tax", () => {
    const document = map({
      taxes_included: false,
      tax_lines: [
        { title: "State", rate: 0.06, price: "0.60" },
        { title: "County", rate: 0.025, price: "0.25" },
      ],
      line_items: [
        line({
          tax: [
            [0.06, "0.60"],
            [0.025, "0.25"],
          ],
        }),
      ],
    });
    expect(document.lines[0]).toMatchObject({
      vatCategory: "S",
      vatRateBp: 850,
      taxCents: 85,
      grossCents: 1085,
      taxLines: [
        { title: "Tax", rateBp: 600, cents: 60 },
        { title: "Tax", rateBp: 250, cents: 25 },
      ],
    });
  });

  it("rounds a rate finer than a basis point and says so", () => {
    const document = map({
      taxes_included: false,
      line_items: [line({ tax: [[0.08875, "0.89"]] })],
    });
    expect(document.lines[0]).toMatchObject({ vatRateBp: 888, taxCents: 89 });
    expect(document.warnings.map((w) => w.code)).toContain("rate_rounded");
  });

  it("refuses tax without a rate", () => {
    expect(() => map({ line_items: [line({ tax: [[0, "1.00"]] })] })).toThrow(
      expect.objectContaining({ code: "inconsistent_tax" }) as ShopifyPayloadError,
    );
  });
});

describe("discounts are Shopify's amounts, a percentage only when it was one", () => {
  it("keeps a fixed discount as its amount, never a percentage that happens to fit", () => {
    // A fixed 5.00 code shared over the cart: 2.79 of 29.50 (was printed "9,46 %").
    const document = map({
      discount_applications: [{ value_type: "fixed_amount", value: "5.0" }],
      line_items: [
        {
          ...line({ price: "29.50", tax: [[0.21, "4.64"]] }),
          discount_allocations: [{ amount: "2.79", discount_application_index: 0 }],
        },
      ],
    });
    const lines = toFacturoLines(document.lines, document.language);
    expect(lines).toEqual([
      expect.objectContaining({ unitPriceCents: 2950, discountBp: 0, discountCents: 279 }),
    ]);
    expect(toConceptLineInputs(lines)).toEqual([
      expect.objectContaining({ unitPrice: "29.50", discountPercent: "", discountAmount: "2.79" }),
    ]);
  });

  it("keeps a percentage code's percentage next to its amount", () => {
    const document = map({
      discount_applications: [{ value_type: "percentage", value: "10.0" }],
      line_items: [
        {
          ...line({ price: "34.95", tax: [[0.06, "1.78"]] }),
          discount_allocations: [{ amount: "3.50", discount_application_index: 0 }],
        },
      ],
    });
    const inputs = toConceptLineInputs(toFacturoLines(document.lines, null));
    expect(inputs).toEqual([
      expect.objectContaining({ discountPercent: "10", discountAmount: "3.50", quantity: "1" }),
    ]);
    expect(conceptLineSchema.parse(inputs[0])).toMatchObject({
      discountBp: 1000,
      discountCents: 350,
    });
  });

  it("gives no percentage when the allocations mix a percentage and a fixed amount", () => {
    const document = map({
      discount_applications: [
        { value_type: "percentage", value: "10.0" },
        { value_type: "fixed_amount", value: "1.00" },
      ],
      line_items: [
        {
          ...line({ price: "34.95", tax: [[0.06, "1.72"]] }),
          discount_allocations: [
            { amount: "3.50", discount_application_index: 0 },
            { amount: "1.00", discount_application_index: 1 },
          ],
        },
      ],
    });
    expect(toFacturoLines(document.lines, null)).toEqual([
      expect.objectContaining({ discountBp: 0, discountCents: 450 }),
    ]);
  });

  it("reproduces amounts no percentage can (3.33 off 199.00), totals unchanged", () => {
    const json = {
      id: 7,
      currency: "EUR",
      taxes_included: false,
      customer_locale: "nl-BE",
      total_price: "200.56",
      total_tax: "4.89",
      tax_lines: [{ title: "Tax", rate: 0.025, price: "4.89" }],
      line_items: [line({ price: "199.00", discount: "3.33", tax: [[0.025, "4.89"]] })],
    };
    const parsed = parseShopifyOrder(json);
    if (!parsed.ok) throw parsed.error;
    const document = mapOrderToDocument(parsed.value, INVOICE);
    expect(toFacturoLines(document.lines, document.language)).toEqual([
      expect.objectContaining({ quantity: "1", unitPriceCents: 19900, discountCents: 333 }),
    ]);
    const totals = computeMappedTotals(document);
    expect(totals.grossCents).toBe(20056);
    expect(compareWithShopify(parsed.value, document, totals).ok).toBe(true);
  });
});

describe("hostile text", () => {
  const conceptLines = (document: ReturnType<typeof map>) =>
    toConceptLineInputs(toFacturoLines(document.lines, null)).map((l) =>
      conceptLineSchema.parse(l),
    );

  it("keeps markup as plain text (escaping is the renderer's job)", () => {
    const title = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const document = map({ line_items: [line({ title, tax: [[0.21, "1.74"]] })] });
    expect(document.lines[0]?.description).toBe(title);
    expect(conceptLines(document)[0]?.description).toBe(title);
  });

  it("drops bidi overrides and control characters, keeps right-to-left letters", () => {
    const document = map({
      line_items: [
        line({ title: "invoice\u202Efdp.exe", tax: [[0.21, "1.74"]] }),
        line({
          title: "كوب قهوة\u0000\u0007 שלום\u2067x\u2069",
          sku: "\u202Esku\t1",
          tax: [[0.21, "1.74"]],
        }),
      ],
    });
    expect(document.lines.map((l) => l.description)).toEqual(["invoicefdp.exe", "كوب قهوة שלוםx"]);
    expect(document.lines[1]?.sku).toBe("sku 1");
  });

  it("cuts a 10 000-character title and SKU to the concept schema's limits", () => {
    const document = map({
      line_items: [
        line({ title: "é".repeat(10_000), sku: "S".repeat(10_000), tax: [[0.21, "1.74"]] }),
      ],
    });
    const [mapped] = document.lines;
    expect(mapped?.description).toHaveLength(500);
    expect(mapped?.description.endsWith("…")).toBe(true);
    expect(mapped?.sku).toHaveLength(100);
    expect(() => conceptLines(document)).not.toThrow();
  });

  it("never cuts an emoji in half, and never leaves a description empty", () => {
    const document = map({
      line_items: [
        line({ title: `${"a".repeat(498)}😀😀`, tax: [[0.21, "1.74"]] }),
        line({ title: "   \u200B\u202E  ", sku: "   ", tax: [[0.21, "1.74"]] }),
      ],
    });
    const [long, empty] = document.lines;
    expect(long?.description).toBe(`${"a".repeat(498)}…`);
    expect(empty).toMatchObject({ description: "Item", sku: null });
    expect(() => conceptLines(document)).not.toThrow();
  });

  it("cleans buyer text too", () => {
    const document = map({
      billing_address: { ...address("BE"), name: "Eve\u202E <b>x</b>", company: "C".repeat(1000) },
      line_items: [line({ tax: [[0.21, "1.74"]] })],
    });
    expect(document.buyer.name).toBe("Eve <b>x</b>");
    expect(document.buyer.company).toHaveLength(200);
  });
});

describe("document header", () => {
  it.each([
    ["paid", true],
    ["partially_refunded", true],
    ["refunded", true],
    ["pending", false],
    ["authorized", false],
    ["partially_paid", false],
    ["voided", false],
  ])("financial_status %s → paid %s", (financial_status, paid) => {
    expect(map({ financial_status, line_items: [line()] }).paid).toBe(paid);
  });

  it("carries the Shopify references, gateways and flags", () => {
    const json = readJson("orders/eu-be-mixed-6-21-unpaid-nl.json") as Record<string, unknown>;
    const document = map(
      { ...json, test: true, cancelled_at: "2026-03-04T10:00:00+01:00" },
      {
        documentType: "order_form",
      },
    );
    expect(document).toMatchObject({
      documentType: "order_form",
      shopify: {
        orderId: "6190371946013",
        orderGid: "gid://shopify/Order/6190371946013",
        orderName: "#1042",
        updatedAt: "2026-03-03T09:41:14+01:00",
      },
      paymentGatewayNames: ["Bank Deposit"],
      test: true,
      cancelled: true,
      buyer: {
        shopifyCustomerId: "7687791823494",
        phone: "+32 486 55 12 07",
        billingAddress: {
          street: "Sint-Pietersnieuwstraat 41, bus 3",
          postalCode: "9000",
          city: "Gent",
          countryCode: "BE",
        },
      },
    });
    expect(document.warnings.map((w) => w.code)).toEqual(["test_order", "cancelled_order"]);
  });
});
