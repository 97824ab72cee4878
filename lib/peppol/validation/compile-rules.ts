/**
 * `npm run peppol:compile-rules`: compiles the official rule stylesheets in `rules/xslt/`
 * (unmodified) to SaxonJS's SEF format with the `xslt3` compiler, gzipped into
 * `rules/compiled/`, and records in `rules/compiled/manifest.json` which stylesheet
 * (sha256) and which compiler made each one. `validate-ubl.ts` refuses a compiled file
 * whose stylesheet has changed since, so run this after replacing the rules (a new Peppol
 * release) or upgrading saxon-js/xslt3, and commit the result.
 *
 * Compiled once and committed rather than at run time: compiling takes ~15 s of CPU (the
 * CEN stylesheet alone ~10 s) that every test process and every fresh server would pay.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { COMPILED_DIR, MANIFEST_FILE, XSLT_DIR, type CompiledManifest } from "./rules-files";

const require = createRequire(import.meta.url);
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const versionOf = (pkg: string) =>
  (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as { version: string })
    .version;

const compiler = require.resolve("xslt3/xslt3.js");
const STAGING_DIR = "/tmp/facturo-peppol-rules/xslt";
rmSync(STAGING_DIR, { recursive: true, force: true });
mkdirSync(STAGING_DIR, { recursive: true });
const scratch = mkdtempSync(path.join(tmpdir(), "facturo-sef-"));
const manifest: CompiledManifest = {
  compiler: `xslt3 ${versionOf("xslt3")}`,
  runtime: `saxon-js ${versionOf("saxon-js")}`,
  stylesheets: [],
};
try {
  for (const name of readdirSync(XSLT_DIR)
    .filter((f) => f.endsWith(".xslt"))
    .sort()) {
    const source = path.join(XSLT_DIR, name);
    const exported = path.join(scratch, `${name}.sef.json`);
    const started = Date.now();
    // The SEF records the stylesheet's base URI: compiling a copy at a fixed, neutral path
    // keeps a developer's checkout path out of the committed file, so every machine
    // produces the same SEF. (-relocate:on only allows the SEF to be deployed elsewhere.)
    const staged = path.join(STAGING_DIR, name);
    copyFileSync(source, staged);
    execFileSync(
      process.execPath,
      [compiler, `-xsl:${staged}`, `-export:${exported}`, "-nogo", "-relocate:on"],
      { stdio: "inherit" },
    );
    const sef = gzipSync(readFileSync(exported), { level: 9 });
    const sefName = name.replace(/\.xslt$/, ".sef.json.gz");
    writeFileSync(path.join(COMPILED_DIR, sefName), sef);
    manifest.stylesheets.push({
      xslt: name,
      xsltSha256: sha256(readFileSync(source)),
      sef: sefName,
      sefSha256: sha256(sef),
    });
    console.info(
      `${name} → compiled/${sefName} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  writeFileSync(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(STAGING_DIR, { recursive: true, force: true });
}
