import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { createBankImport, getBankImport } from "@/db/queries/bank";
import { organisations } from "@/db/schema";
import { tenant } from "@/db/tenant";
import { importBankStatementHandler } from "@/lib/bank/jobs/import-statement.handler";
import type { AppConfig } from "@/lib/config/env";
import { refusingQueue } from "@/lib/jobs/refusing-queue";
import type { Logger } from "@/lib/log/logger";
import { CliError, type CliOutput } from "../output";

export const bankImportUsage = "facturo bank:import FILE --org ORGANISATION_ID";

/** The dashboard's limit: a statement file larger than this is not a statement. */
const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;

export interface BankImportInput {
  file: string;
  organisationId: string;
}

export function parseBankImportArgs(argv: string[]): BankImportInput {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { org: { type: "string" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new CliError(`${(err as Error).message}\nusage: ${bankImportUsage}`);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    throw new CliError(`give exactly one statement FILE\nusage: ${bankImportUsage}`);
  }
  const org = parsed.values.org?.trim() ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(org)) {
    throw new CliError(`--org must be an organisation id (a UUID)\nusage: ${bankImportUsage}`);
  }
  return { file, organisationId: org.toLowerCase() };
}

/**
 * Imports a CODA or camt.053 file exactly as an upload on the Payments page does
 * (same stored file, same job, same idempotency per statement line), but runs the
 * job here and prints its result, so an operator sees at once what was matched.
 */
export async function bankImport(
  deps: { handle: DbHandle; config: AppConfig; log: Logger; out: CliOutput },
  input: BankImportInput,
) {
  const { db } = deps.handle;
  const size = await stat(input.file).then(
    (s) => s.size,
    () => {
      throw new CliError(`cannot read ${input.file}`);
    },
  );
  if (size > MAX_STATEMENT_BYTES) throw new CliError(`${input.file} is larger than 5 MB`);
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) throw new CliError(`there is no organisation with id ${input.organisationId}`);
  const t = tenant(organisation.id);
  const importId = await createBankImport(db, t, {
    filename: path.basename(input.file).slice(0, 200),
    content: await readFile(input.file),
  });
  await importBankStatementHandler.run(
    { organisationId: t.organisationId, importId },
    { db, config: deps.config, log: deps.log, queue: refusingQueue("bank:import queues nothing") },
  );
  const result = await getBankImport(db, t, importId);
  if (result?.status === "failed") {
    throw new CliError(`${input.file} could not be read: ${result.error ?? "unknown error"}`);
  }
  deps.out.out(
    JSON.stringify(
      {
        importId,
        format: result?.format,
        lines: result?.lines,
        newLines: result?.newLines,
        matched: result?.matched,
        suggested: result?.suggested,
        unmatched: result?.unmatched,
      },
      null,
      2,
    ),
  );
  return result;
}
