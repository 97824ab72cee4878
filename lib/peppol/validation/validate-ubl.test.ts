import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureFiles, PEPPOL_EXAMPLES } from "@/test/fixtures";
import { MANIFEST_FILE, XSLT_DIR, type CompiledManifest } from "./rules-files";
import { validateUblDocuments, type UblValidation } from "./validate-ubl";

/**
 * The repository's copy of the official and Belgian examples is the test: every example
 * passes, the broken copy fails with exactly its two faults. The other cases cover each
 * kind of finding (schema, input, warning). Everything runs in one batch.
 */
const BROKEN = "negative/base-example-broken.xml";
const examples = fixtureFiles("peppol").filter((file) => file.endsWith(".xml"));
const passing = examples.filter((file) => !file.startsWith("negative/"));
const read = (file: string) => readFileSync(path.join(PEPPOL_EXAMPLES, file), "utf8");

const invoice = read("base-example.xml");
const creditNote = read("base-creditnote-correction.xml");
const cases: Record<string, string> = {
  "unexpected element (schema)": invoice.replace(
    "<cbc:IssueDate>",
    "<cbc:Colour>blue</cbc:Colour><cbc:IssueDate>",
  ),
  "credit note element out of place (schema)": creditNote.replace(
    "<cac:BillingReference>",
    "<cac:Foo/><cac:BillingReference>",
  ),
  "not well-formed": "<Invoice><unclosed></Invoice>",
  "not UBL": '<Invoice xmlns="urn:example:not-ubl"><ID>1</ID></Invoice>',
  "warnings only": invoice.replace(
    "<cbc:IssueDate>",
    "<cbc:CopyIndicator>false</cbc:CopyIndicator><cbc:UUID>a</cbc:UUID><cbc:IssueDate>",
  ),
  "bytes with a BOM": invoice,
};

const results = new Map<string, UblValidation>();

beforeAll(async () => {
  const names = [...examples, ...Object.keys(cases)];
  const sources = [
    ...examples.map(read),
    ...Object.entries(cases).map(([name, xml]) =>
      name === "bytes with a BOM"
        ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)])
        : xml,
    ),
  ];
  const started = Date.now();
  const validated = await validateUblDocuments(sources);
  // Informational: ~1-2 s on an idle 2-core machine, the first load included.
  console.info(`validated ${sources.length} documents in ${Date.now() - started} ms`);
  names.forEach((name, i) => results.set(name, validated[i] as UblValidation));
}, 120_000);

const result = (name: string) => {
  const found = results.get(name);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
};
const rules = (name: string) => result(name).failures.map((f) => `${f.source} ${f.rule}`);

describe("the examples in test/fixtures/peppol", () => {
  it("are all there (a missing file fails here, it is not skipped)", () => {
    expect(passing).toEqual(
      expect.arrayContaining([
        "Allowance-example.xml",
        "Vat-category-S.xml",
        "base-creditnote-correction.xml",
        "base-example.xml",
        "base-negative-inv-correction.xml",
        "made-here/be-credit-note.xml",
        "made-here/be-domestic-invoice.xml",
        "made-here/be-intra-eu-goods-K.xml",
        "vat-category-E.xml",
        "vat-category-O.xml",
        "vat-category-Z.xml",
      ]),
    );
    expect(examples).toContain(BROKEN);
  });

  it.each(passing)("%s passes", (file) => {
    expect(result(file)).toEqual({ valid: true, failures: [], warnings: [] });
  });

  it(`${BROKEN} fails with exactly BR-CO-16 and PEPPOL-COMMON-R043`, () => {
    const broken = result(BROKEN);
    expect(broken.valid).toBe(false);
    expect(broken.failures).toEqual([
      {
        rule: "BR-CO-16",
        flag: "fatal",
        source: "CEN",
        location: "/Invoice[1]/LegalMonetaryTotal[1]",
        message: expect.stringMatching(/^\[BR-CO-16\]-Amount due for payment \(BT-115\)/) as string,
      },
      {
        rule: "PEPPOL-COMMON-R043",
        flag: "fatal",
        source: "PEPPOL",
        location: "/Invoice[1]/AccountingCustomerParty[1]/Party[1]/EndpointID[1]",
        message:
          "[PEPPOL-COMMON-R043]-Belgian enterprise number MUST be stated in the correct format.",
      },
    ]);
  });
});

describe("each kind of finding", () => {
  it("a schema error fails an invoice, with its line", () => {
    expect(result("unexpected element (schema)")).toMatchObject({
      valid: false,
      failures: [
        {
          rule: "XSD",
          source: "XSD",
          location: "line 8",
          message: expect.stringContaining("Colour': This element is not expected") as string,
        },
      ],
    });
  });

  it("a credit note is checked against the CreditNote schema (and the rules)", () => {
    expect(rules("credit note element out of place (schema)")).toEqual([
      "XSD XSD",
      "PEPPOL PEPPOL-EN16931-R008",
    ]);
  });

  it("text that is not XML, or XML that is not UBL, fails without running the rules", () => {
    expect(rules("not well-formed")).toEqual(["INPUT NOT-WELL-FORMED"]);
    // The kit picks the schema by the root's local name: Invoice, so the schema fails too.
    expect(rules("not UBL")).toEqual(["XSD XSD", "INPUT NOT-UBL"]);
  });

  it("warnings are reported but never fail", () => {
    const warned = result("warnings only");
    expect(warned.valid).toBe(true);
    expect(warned.failures).toEqual([]);
    expect(warned.warnings.map((w) => `${w.flag} ${w.rule}`)).toEqual([
      "warning UBL-CR-004",
      "warning UBL-CR-005",
    ]);
  });

  it("takes bytes, with or without a byte order mark", () => {
    expect(result("bytes with a BOM")).toEqual({ valid: true, failures: [], warnings: [] });
  });
});

describe("the compiled rules", () => {
  it("were compiled by the saxon-js that runs them", () => {
    const manifest = JSON.parse(readFileSync(MANIFEST_FILE, "utf8")) as CompiledManifest;
    const require = createRequire(import.meta.url);
    const { version } = require("saxon-js/package.json") as { version: string };
    expect(manifest.runtime).toBe(`saxon-js ${version}`);
    expect(manifest.stylesheets.map((s) => s.xslt)).toEqual([
      "CEN-EN16931-UBL.xslt",
      "PEPPOL-EN16931-UBL.xslt",
    ]);
  });

  it("were compiled from the stylesheets in rules/xslt (else: npm run peppol:compile-rules)", () => {
    const manifest = JSON.parse(readFileSync(MANIFEST_FILE, "utf8")) as CompiledManifest;
    for (const { xslt, xsltSha256 } of manifest.stylesheets) {
      const hash = createHash("sha256").update(readFileSync(path.join(XSLT_DIR, xslt)));
      expect(hash.digest("hex"), xslt).toBe(xsltSha256);
    }
  });
});
