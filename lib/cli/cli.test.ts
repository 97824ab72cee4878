import path from "node:path";
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DatabaseLockedError, type DbHandle } from "@/db/client";
import { authenticateApiKey } from "@/db/queries/api-keys";
import { apiKeys, memberships, organisations, users } from "@/db/schema";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { ConfigError, parseConfig, type AppConfig } from "@/lib/config/env";
import { defineJob } from "@/lib/jobs/define-job";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { enqueue, startQueue } from "@/lib/jobs/queue";
import { jobRegistry } from "@/lib/jobs/registry";
import { loadedJob } from "@/lib/jobs/worker";
import { runWorker } from "./commands/worker";
import type { CliOutput } from "./output";
import { runCli, type CliDeps } from "./run";
import { BANK_FIXTURES, fixtureFiles } from "@/test/fixtures";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const config = parseConfig({
  NODE_ENV: "test",
  AUTH_SECRET: "x".repeat(32),
  ENCRYPTION_KEY: Buffer.alloc(32).toString("base64"),
  EMAIL_TRANSPORT: "outbox",
});

let handle: DbHandle;

beforeAll(async () => {
  handle = await openTestDb();
});

afterAll(async () => {
  await handle?.close();
});

function memoryOutput(): CliOutput & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

/** runCli on this file's database; runCli's close() must not close the shared handle. */
async function cli(argv: string[], overrides: Partial<CliDeps> = {}) {
  const output = memoryOutput();
  const openDatabase = vi.fn(async () => ({ ...handle, close: async () => {} }));
  const code = await runCli(argv, {
    out: output,
    getConfig: () => config,
    openDatabase,
    log: pino({ level: "silent" }),
    waitForShutdown: () => new Promise<string>(() => {}),
    ...overrides,
  });
  return { code, ...output, openDatabase };
}

const email = () => `owner-${uniqueSuffix()}@test.facturo.local`;

describe("facturo create-organisation", () => {
  it("creates the user, the organisation and the owner membership", async () => {
    const address = email();
    const run = await cli([
      "create-organisation",
      "--name",
      "  Boulangerie Dupont SRL ",
      "--email",
      address.toUpperCase(),
    ]);
    expect(run.stderr.join("\n")).not.toContain("error");
    expect(run.code).toBe(0);
    expect(run.stdout).toHaveLength(1);
    const organisationId = run.stdout[0]!;
    expect(organisationId).toMatch(uuidPattern);

    const [user] = await handle.db.select().from(users).where(eq(users.email, address));
    expect(user).toBeDefined();
    const [organisation] = await handle.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    expect(organisation).toMatchObject({ legalName: "Boulangerie Dupont SRL", country: "BE" });
    const members = await handle.db
      .select()
      .from(memberships)
      .where(eq(memberships.organisationId, organisationId));
    expect(members).toEqual([expect.objectContaining({ userId: user!.id, role: "owner" })]);
    expect(run.stderr.join("\n")).toContain("(new user)");
  });

  it("reuses an existing user, whatever the case of the email", async () => {
    const address = email();
    const existing = await createUser(handle.db, address);
    const first = await createOrg(handle.db, existing.id);

    const run = await cli([
      "create-organisation",
      "--name",
      "Second Company",
      "--email",
      ` ${address.toUpperCase()} `,
    ]);
    expect(run.code).toBe(0);
    const organisationId = run.stdout[0]!;
    expect(run.stderr.join("\n")).toContain("(existing user)");

    const matching = await handle.db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${address}`);
    expect(matching.map((u) => u.id)).toEqual([existing.id]);
    const owned = await handle.db
      .select({ organisationId: memberships.organisationId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, existing.id));
    expect(owned).toHaveLength(2);
    expect(owned).toEqual(
      expect.arrayContaining([
        { organisationId: first.id, role: "owner" },
        { organisationId, role: "owner" },
      ]),
    );
  });

  it.each([
    {
      args: ["--name", "Acme", "--email", "not-an-email"],
      message: 'error: --email "not-an-email" is not a valid email address',
    },
    {
      args: ["--name", "Acme", "--email", ""],
      message: 'error: --email "" is not a valid email address',
    },
    { args: ["--name", "   ", "--email", "a@b.be"], message: "error: --name must not be empty" },
    {
      args: ["--name", "A".repeat(201), "--email", "a@b.be"],
      message: "error: --name is too long",
    },
    { args: ["--email", "a@b.be"], message: "error: --name is required" },
    { args: ["--name", "Acme"], message: "error: --email is required" },
    {
      args: ["--name", "Acme", "--email", "a@b.be", "--vat", "BE0"],
      message: "error: Unknown option '--vat'",
    },
  ])("refuses before opening the database: $message", async ({ args, message }) => {
    const run = await cli(["create-organisation", ...args]);
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([]);
    expect(run.stderr[0]).toContain(message);
    expect(run.stderr.join("\n")).not.toMatch(/\n\s+at /);
    expect(run.openDatabase).not.toHaveBeenCalled();
  });
});

describe("facturo create-api-key", () => {
  it("prints, once, a key that authenticates as the organisation", async () => {
    const user = await createUser(handle.db);
    const organisation = await createOrg(handle.db, user.id);

    const run = await cli([
      "create-api-key",
      "--organisation",
      organisation.id,
      "--name",
      "Shopify store",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toHaveLength(1);
    const token = run.stdout[0]!;
    expect(token).toMatch(/^fct_/);
    const everything = [...run.stdout, ...run.stderr].join("\n");
    expect(everything.split(token)).toHaveLength(2);
    expect(run.stderr.join("\n")).toMatch(/will not be shown again/);

    expect(await authenticateApiKey(handle.db, token)).toBe(organisation.id);
    const keys = await handle.db
      .select({ name: apiKeys.name })
      .from(apiKeys)
      .where(eq(apiKeys.organisationId, organisation.id));
    expect(keys).toEqual([{ name: "Shopify store" }]);
  });

  it("rejects an unknown organisation and creates nothing", async () => {
    const unknown = crypto.randomUUID();
    const name = `key-${uniqueSuffix()}`;
    const run = await cli(["create-api-key", "--organisation", unknown, "--name", name]);
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toEqual([`error: there is no organisation with id ${unknown}`]);
    const keys = await handle.db.select().from(apiKeys).where(eq(apiKeys.name, name));
    expect(keys).toEqual([]);
  });

  it.each([
    {
      args: ["--organisation", "42", "--name", "k"],
      message: 'error: --organisation "42" is not an organisation id',
    },
    {
      args: ["--organisation", crypto.randomUUID(), "--name", " "],
      message: "error: --name must not be empty",
    },
    { args: ["--name", "k"], message: "error: --organisation is required" },
  ])("refuses before opening the database: $message", async ({ args, message }) => {
    const run = await cli(["create-api-key", ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toContain(message);
    expect(run.openDatabase).not.toHaveBeenCalled();
  });
});

describe("facturo migrate", () => {
  it("reports which database it migrated", async () => {
    const run = await cli(["migrate"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toEqual([
      handle.kind === "pglite"
        ? `Database migrated (pglite at ${path.resolve(config.PGLITE_DIR)})`
        : "Database migrated (postgres)",
    ]);
  });
});

describe("facturo usage and errors", () => {
  const commands = ["migrate", "create-organisation", "create-api-key", "worker", "help"];

  it.each([[[]], [["help"]], [["--help"]]])("prints the usage for %j", async (argv) => {
    const run = await cli(argv);
    expect(run.code).toBe(0);
    const text = run.stdout.join("\n");
    for (const command of commands) expect(text).toContain(`  ${command}`);
    expect(run.stderr).toEqual([]);
  });

  it("prints the usage and fails for an unknown command", async () => {
    const run = await cli(["frobnicate", "--now"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([]);
    const text = run.stderr.join("\n");
    for (const command of commands) expect(text).toContain(`  ${command}`);
    expect(run.stderr.at(-1)).toBe('error: unknown command "frobnicate" (see the list above)');
    expect(run.openDatabase).not.toHaveBeenCalled();
  });

  it("prints a command's usage with --help", async () => {
    const run = await cli(["create-api-key", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(/^usage: facturo create-api-key --organisation/);
  });

  it("reports configuration and lock errors without a stack trace", async () => {
    const badConfig = await cli(["migrate"], {
      getConfig: () => {
        throw new ConfigError(["AUTH_SECRET is missing"]);
      },
    });
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr.join("\n")).toMatch(
      /^error: Facturo cannot start.*\n {2}- AUTH_SECRET is missing$/,
    );

    const locked = await cli(["migrate"], {
      openDatabase: () => Promise.reject(new DatabaseLockedError("/srv/facturo/pglite")),
    });
    expect(locked.code).toBe(1);
    expect(locked.stderr).toHaveLength(1);
    expect(locked.stderr[0]).toMatch(
      /^error: Another process is already using .*\/srv\/facturo\/pglite/,
    );
  });

  it("waits for a database that cannot be reached yet, and gives up after its attempts", async () => {
    const refused = () =>
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    let calls = 0;
    const openDatabase = async () => {
      calls++;
      if (calls < 3) throw refused();
      return { ...handle, close: async () => {} };
    };
    const late = await cli(["migrate"], {
      openDatabase,
      databaseWait: { attempts: 5, delayMs: 1 },
    });
    expect(late.code).toBe(0);
    expect(calls).toBe(3);
    expect(late.stderr.filter((line) => line.includes("cannot be reached yet"))).toHaveLength(2);

    const never = await cli(["migrate"], {
      openDatabase: () => Promise.reject(refused()),
      databaseWait: { attempts: 3, delayMs: 1 },
    });
    expect(never.code).toBe(1);
    expect(never.stderr.at(-1)).toMatch(/ECONNREFUSED/);
  });

  it("keeps the stack of an unexpected error", async () => {
    const run = await cli(["migrate"], {
      openDatabase: () => Promise.reject(new Error("connection reset")),
    });
    expect(run.code).toBe(1);
    expect(run.stderr.join("\n")).toMatch(/^error: Error: connection reset\n\s+at /);
  });
});

describe("facturo worker", () => {
  it("refuses to start without DATABASE_URL, explaining why", async () => {
    const waitForShutdown = vi.fn(() => Promise.resolve("SIGTERM"));
    const run = await cli(["worker"], {
      getConfig: () => ({ ...config, DATABASE_URL: undefined }),
      waitForShutdown,
    });
    expect(run.code).toBe(1);
    const text = run.stderr.join("\n");
    expect(text).toMatch(/^error: the worker needs PostgreSQL: DATABASE_URL is not set/);
    expect(text).toContain("already runs the job worker in-process");
    expect(run.openDatabase).not.toHaveBeenCalled();
    expect(waitForShutdown).not.toHaveBeenCalled();
  });

  it("starts with DATABASE_URL, stops on the shutdown signal and closes the database", async () => {
    let closed = false;
    const run = await cli(["worker"], {
      getConfig: (): AppConfig => ({ ...config, DATABASE_URL: "postgres://configured.invalid/db" }),
      openDatabase: async () => ({
        ...handle,
        close: async () => {
          closed = true;
        },
      }),
      waitForShutdown: () => Promise.resolve("SIGTERM"),
    });
    expect(run.stderr.join("\n")).not.toContain("error");
    expect(run.code).toBe(0);
    expect(run.stderr[0]).toMatch(/^Worker started on (pglite|postgres) with jobs: /);
    // Every job of the catalogue, by name.
    expect(run.stderr[0]).toContain(
      `with jobs: ${jobRegistry.map(({ job }) => job.name).join(", ")}.`,
    );
    expect(run.stderr.slice(1)).toEqual([
      "Received SIGTERM: letting running jobs finish, then stopping…",
      "Worker stopped.",
    ]);
    expect(closed).toBe(true);
  });

  it("runs queued jobs until shut down", async () => {
    const calls: unknown[] = [];
    const job = defineJob({
      name: `test-cli-worker-${uniqueSuffix()}`,
      schema: z.object({ n: z.number() }),
      retryLimit: 0,
      retryDelaySeconds: 1,
      expireInSeconds: 60,
    });
    const handler = defineJobHandler(job, async (data) => {
      calls.push(data);
    });
    let stop!: (signal: string) => void;
    const shutdown = new Promise<string>((resolve) => (stop = resolve));
    const output = memoryOutput();
    const running = runWorker({
      handle,
      config,
      log: pino({ level: "silent" }),
      out: output,
      shutdown,
      jobs: [loadedJob(handler)],
    });

    const sender = await startQueue(handle);
    try {
      await vi.waitFor(() => expect(output.stderr[0]).toMatch(/^Worker started/), {
        timeout: 15_000,
      });
      await enqueue(sender, job, { n: 7 });
      await vi.waitFor(() => expect(calls).toEqual([{ n: 7 }]), { timeout: 15_000, interval: 100 });
    } finally {
      stop("SIGINT");
      await running;
      await sender.stop({ graceful: false, wait: true });
    }
    expect(output.stderr.at(-1)).toBe("Worker stopped.");
  });
});

describe("facturo bank:import", () => {
  const statement = path.join(BANK_FIXTURES, "camt053");

  it("imports a statement once: the second run finds nothing new", async () => {
    const organisation = await createOrg(handle.db, (await createUser(handle.db)).id);
    const [file] = fixtureFiles("bank/camt053").filter((f) => f.endsWith(".xml"));
    const first = await cli(["bank:import", path.join(statement, file!), "--org", organisation.id]);
    expect(first.stderr).toEqual([]);
    expect(first.code).toBe(0);
    const counts = JSON.parse(first.stdout.join("\n")) as { lines: number; newLines: number };
    expect(counts.lines).toBeGreaterThan(0);
    expect(counts.newLines).toBe(counts.lines);
    const second = await cli([
      "bank:import",
      path.join(statement, file!),
      "--org",
      organisation.id,
    ]);
    expect(JSON.parse(second.stdout.join("\n"))).toMatchObject({
      lines: counts.lines,
      newLines: 0,
    });
  });

  it("refuses a file that is not a statement, and an unknown organisation", async () => {
    const organisation = await createOrg(handle.db, (await createUser(handle.db)).id);
    const notStatement = await cli(["bank:import", import.meta.filename, "--org", organisation.id]);
    expect(notStatement.code).not.toBe(0);
    expect(notStatement.stderr.join("\n")).toMatch(/could not be read: unknown_format/);
    const unknown = await cli(["bank:import", import.meta.filename, "--org", crypto.randomUUID()]);
    expect(unknown.stderr.join("\n")).toMatch(/no organisation/);
    const noOrg = await cli(["bank:import", import.meta.filename]);
    expect(noOrg.stderr.join("\n")).toMatch(/--org must be an organisation id/);
  });
});
