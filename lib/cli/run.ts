import { DatabaseLockedError, type DbHandle } from "@/db/client";
import { isDatabaseUnavailable } from "@/db/errors";
import { ConfigError, type AppConfig } from "@/lib/config/env";
import type { Logger } from "@/lib/log/logger";
import { parseCommandArgs } from "./args";
import { bankImport, bankImportUsage, parseBankImportArgs } from "./commands/bank-import";
import { createApiKey, createApiKeyUsage, parseCreateApiKeyArgs } from "./commands/create-api-key";
import {
  createOrganisation,
  createOrganisationUsage,
  parseCreateOrganisationArgs,
} from "./commands/create-organisation";
import { migrate, migrateUsage } from "./commands/migrate";
import { orderPreview, orderPreviewUsage, parseOrderPreviewArgs } from "./commands/order-preview";
import { parseUblValidateArgs, ublValidate, ublValidateUsage } from "./commands/ubl-validate";
import { assertSeparateWorkerPossible, runWorker, workerUsage } from "./commands/worker";
import { CliError, type CliOutput } from "./output";

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliDeps {
  out: CliOutput;
  getConfig(): AppConfig;
  /** Opens (and migrates) the database; runCli closes it when the command ends. */
  openDatabase(config: AppConfig): Promise<DbHandle>;
  log: Logger;
  /** Resolves with the signal's name when the worker should stop. */
  waitForShutdown(): Promise<string>;
  /** How long to wait for a database that cannot be reached yet (default: 30 × 2 s). */
  databaseWait?: { attempts: number; delayMs: number };
}

export const usage = `Facturo operator commands

usage: npm run facturo -- <command> [options]
       (or npx tsx lib/cli/facturo.ts <command> [options])

commands:
  migrate
      Create or update the database schema.
  create-organisation --name "<legal name>" --email <owner email>
      Create an organisation owned by that user (created if new; they sign in
      with a magic link to that address). Prints the organisation id.
  create-api-key --organisation <organisation id> --name "<key name>"
      Create an API key for the organisation. Prints the key once.
  order:preview FILE [FILE…] [--refund REFUND_FILE] [--issue] [--ubl] [--org ORGANISATION_ID]
      Print, as a JSON array in the read API's shape, the documents Shopify
      order payloads would become, saving nothing: the FILEs are applied in
      order to one throw-away database (a returning customer is one), one
      element per FILE (default settings: an invoice; --org: that
      organisation's seller data and Shopify settings). --refund adds the
      credit note of a refunds/create payload. --issue sends each document as
      the merchant would (number, dates, payments, snapshots; nothing leaves);
      --ubl also adds each issued document's Peppol UBL as "ubl".
  bank:import FILE --org ORGANISATION_ID
      Import a bank statement (CODA or camt.053) as the Payments page does:
      lines already imported are skipped; transfers quoting an invoice's
      structured communication or number mark it paid. Prints the counts.
  ubl:validate [--warnings] FILE…
      Check UBL invoices and credit notes as a Peppol access point does (UBL 2.1
      schema, CEN EN 16931 and Peppol BIS 3.0 rules): PASS or FAIL per file, with
      each failed rule. Exits 1 when any file fails. No database needed.
  worker
      Run the job worker until SIGINT/SIGTERM. Needs DATABASE_URL (PostgreSQL).
  help
      Show this help.

The database is PostgreSQL when DATABASE_URL is set, otherwise the embedded one in
PGLITE_DIR (default .data/pglite), which only one process at a time may open: stop
the web server before running a command against it.`;

const commandUsages: Record<string, string> = {
  migrate: migrateUsage,
  "create-organisation": createOrganisationUsage,
  "create-api-key": createApiKeyUsage,
  worker: workerUsage,
  "order:preview": orderPreviewUsage,
  "bank:import": bankImportUsage,
  "ubl:validate": ublValidateUsage,
};

function isExpected(err: unknown): err is Error {
  return (
    err instanceof CliError || err instanceof ConfigError || err instanceof DatabaseLockedError
  );
}

function report(err: unknown, out: CliOutput): number {
  if (isExpected(err)) {
    out.err(`error: ${err.message}`);
    return err instanceof CliError ? err.exitCode : 1;
  }
  // Not an operator mistake: keep the stack for whoever debugs it.
  out.err(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return 1;
}

/**
 * A worker started with the database (a deployment, a PostgreSQL restart) waits for it
 * instead of dying at start: only "cannot be reached" is waited out, any other failure
 * (a locked embedded folder, a failed migration) stops the command at once.
 */
async function openWhenReachable(deps: CliDeps, config: AppConfig): Promise<DbHandle> {
  const { attempts, delayMs } = deps.databaseWait ?? { attempts: 30, delayMs: 2_000 };
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.openDatabase(config);
    } catch (error) {
      if (!isDatabaseUnavailable(error) || attempt >= attempts) throw error;
      deps.out.err(`The database cannot be reached yet; trying again (${attempt}/${attempts})…`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

async function withDatabase(
  deps: CliDeps,
  run: (handle: DbHandle, config: AppConfig) => Promise<unknown>,
  config: AppConfig = deps.getConfig(),
): Promise<void> {
  const handle = await openWhenReachable(deps, config);
  try {
    await run(handle, config);
  } finally {
    await handle.close();
  }
}

/** Runs one command; resolves with the process exit code, never throws. */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const [command, ...args] = argv;
  const { out } = deps;
  try {
    if (command === undefined || command === "help" || command === "--help" || command === "-h") {
      out.out(usage);
      return 0;
    }
    const commandUsage = commandUsages[command];
    if (commandUsage === undefined) {
      out.err(usage);
      out.err("");
      throw new CliError(`unknown command "${command}" (see the list above)`);
    }
    if (args.includes("--help") || args.includes("-h")) {
      out.out(`usage: ${commandUsage}`);
      return 0;
    }

    switch (command) {
      case "migrate":
        parseCommandArgs(args, {}, migrateUsage);
        await withDatabase(deps, (handle, config) => migrate({ handle, config, out }));
        return 0;
      case "create-organisation": {
        const input = parseCreateOrganisationArgs(args);
        await withDatabase(deps, (handle) => createOrganisation({ db: handle.db, out }, input));
        return 0;
      }
      case "create-api-key": {
        const input = parseCreateApiKeyArgs(args);
        await withDatabase(deps, (handle) => createApiKey({ db: handle.db, out }, input));
        return 0;
      }
      case "order:preview": {
        const input = parseOrderPreviewArgs(args);
        const config = input.organisationId ? deps.getConfig() : ({} as AppConfig);
        await orderPreview({ out, config, openDatabase: (c) => deps.openDatabase(c) }, input);
        return 0;
      }
      case "bank:import": {
        const input = parseBankImportArgs(args);
        await withDatabase(deps, (handle, config) =>
          bankImport({ handle, config, log: deps.log, out }, input),
        );
        return 0;
      }
      case "ubl:validate":
        return await ublValidate({ out }, parseUblValidateArgs(args));
      case "worker": {
        parseCommandArgs(args, {}, workerUsage);
        const config = deps.getConfig();
        assertSeparateWorkerPossible(config);
        // Listen before starting, so a signal during start-up still stops cleanly.
        const shutdown = deps.waitForShutdown();
        await withDatabase(
          deps,
          (handle) => runWorker({ handle, config, log: deps.log, out, shutdown }),
          config,
        );
        return 0;
      }
      default:
        throw new Error(`command "${command}" has a usage but no implementation`);
    }
  } catch (err) {
    return report(err, out);
  }
}
