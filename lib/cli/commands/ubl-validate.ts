import { access } from "node:fs/promises";
import { parseArgs } from "node:util";
import { validateUblFiles, type UblFinding } from "@/lib/peppol/validation/validate-ubl";
import { CliError, type CliOutput } from "../output";

export const ublValidateUsage = "facturo ubl:validate [--warnings] FILE…";

export interface UblValidateInput {
  files: string[];
  warnings: boolean;
}

export function parseUblValidateArgs(argv: string[]): UblValidateInput {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { warnings: { type: "boolean", short: "w" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new CliError(`${(err as Error).message}\nusage: ${ublValidateUsage}`, 2);
  }
  if (parsed.positionals.length === 0) {
    throw new CliError(`give at least one FILE\nusage: ${ublValidateUsage}`, 2);
  }
  return { files: parsed.positionals, warnings: parsed.values.warnings ?? false };
}

const describe = (f: UblFinding) =>
  `  ${f.rule} (${f.source}${f.location && f.location !== "/" ? ` ${f.location}` : ""}): ${f.message}`;

/**
 * Validates UBL invoices and credit notes against the UBL 2.1 schema and the official CEN
 * EN 16931 and Peppol BIS 3.0 rules: per file `PASS <file>` or `FAIL <file>` and each
 * failed rule. Resolves with the exit code: 1 when any file fails.
 */
export async function ublValidate(
  deps: { out: CliOutput },
  input: UblValidateInput,
): Promise<number> {
  for (const file of input.files) {
    try {
      await access(file);
    } catch (err) {
      throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code}`, 2);
    }
  }
  const results = await validateUblFiles(input.files);
  let failed = 0;
  for (const file of input.files) {
    const result = results.get(file);
    if (!result) throw new Error(`no result for ${file}`);
    if (!result.valid) failed++;
    deps.out.out(`${result.valid ? "PASS" : "FAIL"} ${file}`);
    for (const failure of result.failures) deps.out.out(describe(failure));
    if (input.warnings) {
      for (const warning of result.warnings) deps.out.out(`${describe(warning)} [${warning.flag}]`);
    }
  }
  if (input.files.length > 1) {
    deps.out.err(`${input.files.length - failed} passed, ${failed} failed`);
  }
  return failed > 0 ? 1 : 0;
}
