import path from "node:path";

/**
 * Where the rule files live. Resolved from process.cwd() (the repository root for the app,
 * the CLI and the tests), like lib/pdf/register-fonts.ts: Next.js bundling rewrites
 * import.meta paths.
 */
export const RULES_DIR = path.join(process.cwd(), "lib", "peppol", "validation", "rules");
export const XSLT_DIR = path.join(RULES_DIR, "xslt");
export const COMPILED_DIR = path.join(RULES_DIR, "compiled");
export const MANIFEST_FILE = path.join(COMPILED_DIR, "manifest.json");
export const XSD_DIR = path.join(RULES_DIR, "xsd", "ubl-2.1");

/** The two rule sets, in the order they run (the kit's order). */
export const RULE_SETS = [
  { source: "CEN", xslt: "CEN-EN16931-UBL.xslt" },
  { source: "PEPPOL", xslt: "PEPPOL-EN16931-UBL.xslt" },
] as const;

/** What `compile-rules.ts` wrote: each stylesheet's hash when it was compiled. */
export interface CompiledManifest {
  compiler: string;
  runtime: string;
  stylesheets: { xslt: string; xsltSha256: string; sef: string; sefSha256: string }[];
}
