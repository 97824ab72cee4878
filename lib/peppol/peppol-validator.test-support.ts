import { execFile } from "node:child_process";
import path from "node:path";

/** The shared validation kit (../shared/peppol, outside the repository; see its README). */
export const VALIDATOR = path.resolve(process.cwd(), "../shared/peppol/validate");

export interface ValidatorFinding {
  /** CEN, PEPPOL or XSD. */
  readonly layer: string;
  /** BR-CO-16, PEPPOL-COMMON-R043, … ("XSD" for schema errors). */
  readonly rule: string;
  readonly location: string;
  readonly message: string;
}

export interface ValidatorResult {
  readonly pass: boolean;
  readonly fatal: readonly ValidatorFinding[];
}

export interface ValidatorRun {
  /** Per absolute file path, as the validator printed it. */
  readonly results: ReadonlyMap<string, ValidatorResult>;
  readonly exitCode: number;
  readonly durationMs: number;
  readonly output: string;
}

/**
 * Runs `validate` once over all files (one JVM, stylesheets compiled once: ~7 s plus
 * well under a second per file) and parses its report. Exit 2 (tool missing, Saxon
 * crash) is an error, never "no findings".
 */
export function validateFiles(files: readonly string[]): Promise<ValidatorRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    execFile(
      VALIDATOR,
      [...files],
      { maxBuffer: 64 * 1024 * 1024, timeout: 600_000 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        if (exitCode !== 0 && exitCode !== 1) {
          reject(
            new Error(`validator failed (exit ${exitCode}): ${stderr || (error?.message ?? "")}`),
          );
          return;
        }
        resolve({
          results: parseReport(stdout),
          exitCode,
          durationMs: Date.now() - started,
          output: stdout,
        });
      },
    );
  });
}

/**
 * The report format (shared/peppol/README.md):
 *
 *   FAIL /abs/file.xml (fatal: 2, warnings: 0)
 *     [fatal] CEN    BR-CO-16
 *         at /Invoice[1]/LegalMonetaryTotal[1]
 *         [BR-CO-16]-Amount due for payment …
 *     [fatal] XSD  UBL 2.1 schema validation failed:
 *         <xmllint lines>
 */
export function parseReport(output: string): Map<string, ValidatorResult> {
  const results = new Map<string, { pass: boolean; fatal: ValidatorFinding[] }>();
  let current: { pass: boolean; fatal: ValidatorFinding[] } | null = null;
  const lines = output.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const verdict = /^(PASS|FAIL) (.+) \(fatal: \d+, warnings: \d+\)$/.exec(line);
    if (verdict) {
      current = { pass: verdict[1] === "PASS", fatal: [] };
      results.set(verdict[2] ?? "", current);
      continue;
    }
    const finding = /^ {2}\[fatal\] (\S+)\s+(.*)$/.exec(line);
    if (!finding || !current) continue;
    const layer = finding[1] ?? "";
    if (layer === "XSD") {
      const detail: string[] = [];
      while ((lines[i + 1] ?? "").startsWith("      ")) detail.push((lines[++i] ?? "").trim());
      current.fatal.push({ layer, rule: "XSD", location: "", message: detail.join(" | ") });
    } else {
      const location = (lines[i + 1] ?? "").trim().replace(/^at /, "");
      const message = (lines[i + 2] ?? "").trim();
      i += 2;
      current.fatal.push({ layer, rule: (finding[2] ?? "").trim(), location, message });
    }
  }
  return results;
}
