import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import SaxonJS, { type SaxonNode } from "saxon-js";
import { memoryPages, validateXML, type XMLFileInfo } from "xmllint-wasm";
import {
  COMPILED_DIR,
  MANIFEST_FILE,
  RULE_SETS,
  XSD_DIR,
  XSLT_DIR,
  type CompiledManifest,
} from "./rules-files";

/**
 * Checks a UBL 2.1 Invoice or CreditNote the way a Peppol access point does, in-process
 * and offline: (1) the OASIS UBL 2.1 XML Schema (libxml2 compiled to WebAssembly), then
 * (2) the official CEN EN 16931 UBL rules and (3) the Peppol BIS Billing 3.0 rules, both
 * run unmodified by SaxonJS from their compiled form (see ./README and rules/SOURCES.md).
 *
 * Only `fatal` findings, schema errors and input that is not a UBL Invoice/CreditNote make
 * a document invalid; warnings never do. An engine failure (a corrupt or stale compiled
 * rule file, the schema step crashing) throws: it is never reported as "valid".
 */

export type UblFlag = "fatal" | "warning" | "information";

/** XSD: the UBL schema. CEN / PEPPOL: the rule sets. INPUT: not XML, or not UBL. */
export type UblFindingSource = "XSD" | "CEN" | "PEPPOL" | "INPUT";

export interface UblFinding {
  /** BR-CO-16, PEPPOL-COMMON-R043, …; XSD for a schema error; NOT-WELL-FORMED, NOT-UBL, ENGINE-ERROR. */
  readonly rule: string;
  readonly flag: UblFlag;
  readonly source: UblFindingSource;
  readonly message: string;
  /** An XPath such as /Invoice[1]/LegalMonetaryTotal[1]; "line N" for a schema error. */
  readonly location: string;
}

export interface UblValidation {
  readonly valid: boolean;
  /** Fatal findings and schema errors: any one makes the document invalid. */
  readonly failures: readonly UblFinding[];
  /** Warning and information findings. */
  readonly warnings: readonly UblFinding[];
}

/** An XML text, or its bytes (UTF-8, as UBL documents are). */
export type UblSource = string | Uint8Array;

const UBL_NAMESPACES = new Set([
  "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
]);
const SVRL = "http://purl.oclc.org/dsdl/svrl";

/** The compiled rules were made from other stylesheets than the ones in rules/xslt. */
export class StaleRulesError extends Error {
  constructor(message: string) {
    super(`${message}: run \`npm run peppol:compile-rules\` and commit rules/compiled`);
    this.name = "StaleRulesError";
  }
}

interface LoadedRules {
  readonly sets: readonly { readonly source: "CEN" | "PEPPOL"; readonly sef: unknown }[];
  readonly schemas: Readonly<Record<"Invoice" | "CreditNote", XMLFileInfo>>;
  readonly schemaImports: readonly XMLFileInfo[];
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

async function readRules(): Promise<LoadedRules> {
  const manifest = JSON.parse(await readFile(MANIFEST_FILE, "utf8")) as CompiledManifest;
  const sets = await Promise.all(
    RULE_SETS.map(async ({ source, xslt }) => {
      const entry = manifest.stylesheets.find((s) => s.xslt === xslt);
      if (!entry) throw new StaleRulesError(`${xslt} has not been compiled`);
      if (sha256(await readFile(path.join(XSLT_DIR, xslt))) !== entry.xsltSha256) {
        throw new StaleRulesError(`rules/xslt/${xslt} changed since it was compiled`);
      }
      const compressed = await readFile(path.join(COMPILED_DIR, entry.sef));
      if (sha256(compressed) !== entry.sefSha256) {
        throw new StaleRulesError(`rules/compiled/${entry.sef} is not the file compiled`);
      }
      return { source, sef: JSON.parse(gunzipSync(compressed).toString("utf8")) as unknown };
    }),
  );
  // Each schema is named by its path under xsd/, so its relative imports resolve in
  // xmllint's in-memory file system exactly as on disk.
  const schemaFile = async (dir: string, name: string): Promise<XMLFileInfo> => ({
    fileName: `xsd/${dir}/${name}`,
    contents: await readFile(path.join(XSD_DIR, dir, name)),
  });
  const common = (await readdir(path.join(XSD_DIR, "common"))).filter((f) => f.endsWith(".xsd"));
  return {
    sets,
    schemas: {
      Invoice: await schemaFile("maindoc", "UBL-Invoice-2.1.xsd"),
      CreditNote: await schemaFile("maindoc", "UBL-CreditNote-2.1.xsd"),
    },
    schemaImports: await Promise.all(common.sort().map((f) => schemaFile("common", f))),
  };
}

let loading: Promise<LoadedRules> | null = null;

/** Reads the rules once per process; a failed read is retried by the next call. */
function loadRules(): Promise<LoadedRules> {
  if (!loading) {
    loading = readRules();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

const finding = (
  source: UblFindingSource,
  rule: string,
  message: string,
  location = "/",
  flag: UblFlag = "fatal",
): UblFinding => ({ rule, flag, source, message, location });

/** SVRL locations name every step's namespace; keep what a person reads. */
const shortPath = (location: string) =>
  location.replace(/\[namespace-uri\(\)='[^']*'\]/g, "").replace(/\*:/g, "");

const asFlag = (flag: string): UblFlag => {
  const upper = flag.toUpperCase();
  return upper === "FATAL" ? "fatal" : upper === "WARNING" ? "warning" : "information";
};

interface SvrlEntry {
  id: string;
  flag: string;
  location: string;
  text: string;
}

/** Failed assertions and successful reports of one rule set; a crash is one ENGINE-ERROR. */
function runRuleSet(set: LoadedRules["sets"][number], document: SaxonNode): readonly UblFinding[] {
  try {
    const svrl = SaxonJS.transform({
      stylesheetInternal: set.sef,
      sourceNode: document,
      destination: "document",
    }).principalResult;
    const entries = SaxonJS.XPath.evaluate(
      `//(svrl:failed-assert | svrl:successful-report) ! map {
         'id': string(@id),
         'flag': string((@flag, 'fatal')[1]),
         'location': string(@location),
         'text': normalize-space(string-join(svrl:text, ' '))
       }`,
      svrl,
      { namespaceContext: { svrl: SVRL }, resultForm: "array" },
    ) as SvrlEntry[];
    return entries.map((e) =>
      finding(set.source, e.id, e.text, shortPath(e.location), asFlag(e.flag)),
    );
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    return [
      finding(
        set.source,
        "ENGINE-ERROR",
        `${typeof code === "string" ? `${code}: ` : ""}${message}`.replace(/\s+/g, " "),
      ),
    ];
  }
}

/**
 * The schema step for every document of one root type, in one xmllint call. Returns the
 * errors per document index. xmllint itself failing (not a validation error) throws.
 */
async function schemaErrors(
  rules: LoadedRules,
  root: "Invoice" | "CreditNote",
  documents: readonly { index: number; bytes: Uint8Array }[],
): Promise<Map<number, UblFinding[]>> {
  const errors = new Map<number, UblFinding[]>();
  if (documents.length === 0) return errors;
  const result = await validateXML({
    xml: documents.map((d) => ({ fileName: `doc-${d.index}.xml`, contents: d.bytes })),
    schema: [rules.schemas[root]],
    preload: rules.schemaImports,
    maxMemoryPages: memoryPages.GiB,
  });
  for (const line of result.rawOutput.split("\n")) {
    // "doc-3.xml:8: element Foo: Schemas validity error : Element '…': This element is not expected."
    const match = /^doc-(\d+)\.xml:(\d+): (.*)$/.exec(line);
    if (!match) continue; // "doc-3.xml validates" / "fails to validate", parser context lines
    const index = Number(match[1]);
    const message = (match[3] ?? "")
      .replace(/^element \S+: /, "")
      .replace(/^Schemas validity error : /, "");
    const list = errors.get(index) ?? [];
    list.push(finding("XSD", "XSD", message, `line ${match[2]}`));
    errors.set(index, list);
  }
  for (const d of documents) {
    // A failed run must name at least one error for each document it failed.
    if (
      !result.valid &&
      !errors.has(d.index) &&
      result.rawOutput.includes(`doc-${d.index}.xml fails`)
    )
      errors.set(d.index, [finding("XSD", "XSD", "UBL 2.1 schema validation failed")]);
  }
  return errors;
}

const utf8 = new TextDecoder("utf-8", { ignoreBOM: false });

/**
 * Validates several documents together: the rules are loaded once per process and the
 * schema step runs once per root type, so a batch costs little more than one document.
 * Results are in the order of `sources`.
 */
export async function validateUblDocuments(
  sources: readonly UblSource[],
): Promise<UblValidation[]> {
  const rules = await loadRules();
  const inputs = sources.map((source, index) => {
    const bytes = typeof source === "string" ? Buffer.from(source, "utf8") : source;
    const text = typeof source === "string" ? source.replace(/^\uFEFF/, "") : utf8.decode(source);
    return { index, bytes, text };
  });

  const parsed = await Promise.all(
    inputs.map(async (input) => {
      try {
        return await SaxonJS.getResource({ text: input.text, type: "xml" });
      } catch {
        return null;
      }
    }),
  );

  // Like the kit: the schema follows the root element's local name.
  const byRoot = (root: string) =>
    inputs.filter((input) => parsed[input.index]?.documentElement?.localName === root);
  const schemaRun = Promise.all([
    schemaErrors(rules, "Invoice", byRoot("Invoice")),
    schemaErrors(rules, "CreditNote", byRoot("CreditNote")),
  ]);
  // Keep an early schema failure from being an unhandled rejection while the rules run.
  schemaRun.catch(() => undefined);

  const ruleFindings = inputs.map(({ index }): readonly UblFinding[] => {
    const document = parsed[index];
    const root = document?.documentElement;
    if (!document || !root) {
      return [
        finding(
          "INPUT",
          "NOT-WELL-FORMED",
          "the document cannot be read or is not well-formed XML",
        ),
      ];
    }
    if (!UBL_NAMESPACES.has(root.namespaceURI ?? "")) {
      return [
        finding(
          "INPUT",
          "NOT-UBL",
          `root element {${root.namespaceURI ?? ""}}${root.localName} is neither a UBL 2.1 Invoice nor a CreditNote`,
        ),
      ];
    }
    return rules.sets.flatMap((set) => runRuleSet(set, document));
  });

  const [invoiceErrors, creditNoteErrors] = await schemaRun;
  return inputs.map(({ index }) => {
    const all = [
      ...(invoiceErrors.get(index) ?? []),
      ...(creditNoteErrors.get(index) ?? []),
      ...(ruleFindings[index] ?? []),
    ];
    const failures = all.filter((f) => f.flag === "fatal");
    return {
      valid: failures.length === 0,
      failures,
      warnings: all.filter((f) => f.flag !== "fatal"),
    };
  });
}

/** Validates one UBL Invoice or CreditNote (the XML text or its UTF-8 bytes). */
export async function validateUbl(source: UblSource): Promise<UblValidation> {
  const [result] = await validateUblDocuments([source]);
  if (!result) throw new Error("no validation result");
  return result;
}

/** Validates files in one batch; the map is keyed by the paths as given. */
export async function validateUblFiles(
  files: readonly string[],
): Promise<Map<string, UblValidation>> {
  const contents = await Promise.all(files.map((file) => readFile(file)));
  const results = await validateUblDocuments(contents);
  return new Map(files.map((file, i) => [file, results[i] as UblValidation]));
}
