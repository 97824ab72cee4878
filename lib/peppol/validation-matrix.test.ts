import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUbl } from "./build-ubl";
import {
  orderFixtureCases,
  refundFixtureCases,
  type FixtureCase,
} from "./shopify-fixture-cases.test-support";
import { handMadeCases } from "./ubl-cases.test-support";
import { UblError } from "./ubl-error";
import type { UblInput } from "./ubl-input";
import { validateUblFiles, type UblValidation } from "./validation/validate-ubl";

/**
 * Every case through the official rules (UBL 2.1 XSD + CEN EN 16931 1.3.16 + Peppol BIS
 * 3.0.21, ./validation), in ONE batch: the rules load once per process (~1 s), each
 * document then takes ~0.1-0.2 s.
 *
 * A fixture that cannot become a valid document is not skipped: `buildUbl` must refuse
 * it with the error code and the rule that would fail, listed here with the reason.
 */
const REFUSED: Readonly<Record<string, { code: string; rule: string; why: string }>> = {
  "docs-order-1001-discount-code-tax-lines-refund.json": {
    code: "vat_outside_tolerance",
    rule: "BR-CO-17",
    why: "Shopify docs sample: 11.94 tax on 587.00 at 6 % (35.22); not internally consistent",
  },
  "docs-refund-two-line-items-transaction.json": {
    code: "vat_outside_tolerance",
    rule: "BR-CO-17",
    why: "a refund of that sample: 7.96 tax on 391.33 at 6 % (23.48)",
  },
};

interface Built {
  readonly name: string;
  readonly xmlPath: string | null;
  readonly error: unknown;
}

const dir = mkdtempSync(path.join(tmpdir(), "facturo-peppol-"));
const built = new Map<string, Built>();
let results: ReadonlyMap<string, UblValidation> | null = null;

function build(name: string, make: () => ReturnType<typeof buildUbl>): void {
  try {
    const xmlPath = path.join(dir, `${name.replace(/\.json$/, "")}.xml`);
    writeFileSync(xmlPath, make());
    built.set(name, { name, xmlPath, error: null });
  } catch (error) {
    built.set(name, { name, xmlPath: null, error });
  }
}

/**
 * A copy of the domestic invoice with a wrong payable amount, validated in the same call:
 * proves the run really fails on a fatal finding and that the report parser names it.
 */
const CANARY = "canary-wrong-payable";

const handMade = handMadeCases();
const fixtures: FixtureCase[] = [...orderFixtureCases(), ...refundFixtureCases()];

beforeAll(async () => {
  for (const [name, input] of Object.entries(handMade)) build(name, () => buildUbl(input));
  for (const fixture of fixtures) build(fixture.file, () => buildUbl(fixture.build()));
  build(CANARY, () =>
    buildUbl(handMade["domestic-21-12-6-b2b"] as UblInput).replace(
      /<cbc:PayableAmount currencyID="EUR">[^<]*</,
      '<cbc:PayableAmount currencyID="EUR">0.01<',
    ),
  );
  const files = [...built.values()].flatMap((b) => (b.xmlPath ? [b.xmlPath] : []));
  const started = Date.now();
  results = await validateUblFiles(files);
  console.info(
    `Peppol validation: ${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s (${dir})`,
  );
}, 300_000);

afterAll(() => {
  // Keep the files of a failing run (the path is logged above) or on request.
  const unexpected = [...built.values()].some((b) => b.error && !REFUSED[b.name]);
  const failed = [...built.values()].some(
    (b) => b.name !== CANARY && b.xmlPath && !results?.get(b.xmlPath)?.valid,
  );
  const keep = unexpected || failed || process.env.PEPPOL_KEEP_XML === "1";
  if (!keep) rmSync(dir, { recursive: true, force: true });
});

function fatalFindings(name: string): string[] {
  const entry = built.get(name);
  if (!entry) throw new Error(`case ${name} was not built`);
  if (entry.error)
    throw entry.error instanceof Error ? entry.error : new Error(`${name}: build failed`);
  const result = results?.get(entry.xmlPath ?? "");
  if (!result) throw new Error(`no validation result for ${entry.xmlPath}`);
  // One line per finding, naming the file and rule, so a failure reads like the validator.
  const findings = result.failures.map(
    (f) =>
      `${path.basename(entry.xmlPath ?? "")}: [${f.source}] ${f.rule} at ${f.location} — ${f.message}`,
  );
  if (!result.valid && findings.length === 0) findings.push(`${entry.name}: FAIL without findings`);
  return findings;
}

describe("hand-made documents pass the Peppol validator", () => {
  it.each(Object.keys(handMade))("%s", (name) => {
    expect(fatalFindings(name)).toEqual([]);
  });
});

describe("Shopify fixtures (orders as invoices, refunds as credit notes) pass", () => {
  const passing = fixtures.map((f) => f.file).filter((file) => !REFUSED[file]);
  it.each(passing)("%s", (file) => {
    expect(fatalFindings(file)).toEqual([]);
  });

  const refused = Object.entries(REFUSED);
  it.each(refused)("%s is refused before validation (%j)", (file, expected) => {
    const entry = built.get(file);
    expect(entry?.error).toBeInstanceOf(UblError);
    const error = entry?.error as UblError;
    expect({ code: error.code, rule: error.rule }).toEqual({
      code: expected.code,
      rule: expected.rule,
    });
  });
});

describe("the validation run", () => {
  it("validated every built file in one call", () => {
    const files = [...built.values()].filter((b) => b.xmlPath);
    expect(results?.size).toBe(files.length);
  });

  it("fails on a fatal finding and names the file and rule (canary)", () => {
    const canary = built.get(CANARY)?.xmlPath;
    expect(results?.get(canary ?? "")?.valid).toBe(false);
    const findings = fatalFindings(CANARY);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^canary-wrong-payable\.xml: \[CEN\] BR-CO-16 at \/Invoice/);
  });
});
