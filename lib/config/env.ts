import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The app's whole configuration, read once from the environment and validated.
 * Production refuses to start without its secrets; development generates safe
 * ones and keeps them under `.data/` so sessions survive a restart.
 */
const base64Key32 = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  ENCRYPTION_KEY: base64Key32,
  APP_URL: z.string().url().default("http://localhost:3000"),
  EMAIL_TRANSPORT: z.enum(["resend", "outbox"]),
  /** The outbox shows every email, sign-in links included, to whoever opens /outbox. */
  OUTBOX_PUBLIC: z.enum(["true", "false"]).optional(),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().min(3).default("Facturo <no-reply@facturo.local>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** With a real Postgres the worker can run in its own processes; embedded mode always runs it in-process. */
  RUN_WORKER_IN_WEB: z.enum(["true", "false"]).default("true"),
  /**
   * Jobs a worker fetches and runs side by side per queue. 1 by default: larger
   * batches convert orders far faster (bench), but a PostgreSQL restart then leaves
   * whole batches held until their jobs expire (fault suite), not yet solved.
   */
  JOB_BATCH_SIZE: z.coerce.number().int().min(1).max(64).default(1),
  /** The app's credentials from the Shopify Partner dashboard; without them the Shopify app says it is not set up. */
  SHOPIFY_CLIENT_ID: z.string().min(1).optional(),
  SHOPIFY_CLIENT_SECRET: z.string().min(1).optional(),
  /** Comma-separated access scopes the app asks for. */
  SHOPIFY_SCOPES: z.string().default("read_orders"),
  /**
   * Where `*.myshopify.com` is reached. Unset: real Shopify. Set (development, tests):
   * the Shopify simulator's origin, which serves each shop under /shops/<shop>/.
   */
  SHOPIFY_API_ORIGIN: z.string().url().optional(),
  /** The Peppol access point's API (Storecove v2). Unset: Storecove; dev and tests: packages/peppol-access-point. */
  PEPPOL_AP_URL: z.string().url().optional(),
  /** The platform's access-point key; without it the Peppol app says sending is not set up. */
  PEPPOL_AP_API_KEY: z.string().min(1).optional(),
  /** Mollie's REST API root; development and tests point it at packages/mollie-stand-in. */
  MOLLIE_API_URL: z.string().url().default("https://api.mollie.com/v2/"),
  /** Bancontact Pro (Payconiq) Merchant API host; pre-production is https://merchant.api.preprod.bancontact.net. */
  BANCONTACT_API_URL: z.string().url().default("https://merchant.api.bancontact.net"),
});

export type AppConfig = z.infer<typeof schema>;

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Facturo cannot start, its configuration is incomplete:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

interface DevSecrets {
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
}

function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, "dev-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DevSecrets;
  const secrets: DevSecrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Pure: turns an environment into a config or a list of every problem found. */
export function parseConfig(env: Env, options: { dataDir?: string } = {}): AppConfig {
  const isProduction = env.NODE_ENV === "production";
  const input: Env = { ...env };
  if (!isProduction && (!input.AUTH_SECRET || !input.ENCRYPTION_KEY)) {
    const dev = loadOrCreateDevSecrets(options.dataDir ?? ".data");
    input.AUTH_SECRET ||= dev.AUTH_SECRET;
    input.ENCRYPTION_KEY ||= dev.ENCRYPTION_KEY;
  }
  // Production sends real mail unless the operator explicitly chose the outbox (staging, e2e).
  input.EMAIL_TRANSPORT ||= input.RESEND_API_KEY ? "resend" : isProduction ? undefined : "outbox";

  const result = schema.safeParse(input);
  const problems: string[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = issue.path.join(".");
      // zod 4 leaves issue.input unset (unless reportInput), so look at the env itself.
      const missing = input[name] === undefined;
      problems.push(
        name === "EMAIL_TRANSPORT" && missing
          ? "RESEND_API_KEY is missing (or set EMAIL_TRANSPORT=outbox to keep emails in the local outbox)"
          : `${name} ${missing ? "is missing" : issue.message}`,
      );
    }
  } else if (result.data.EMAIL_TRANSPORT === "resend" && !result.data.RESEND_API_KEY) {
    problems.push("RESEND_API_KEY is missing (EMAIL_TRANSPORT=resend needs it)");
  } else if (
    isProduction &&
    result.data.EMAIL_TRANSPORT === "outbox" &&
    result.data.OUTBOX_PUBLIC !== "true"
  ) {
    problems.push(
      "EMAIL_TRANSPORT=outbox lets anyone who opens /outbox read every email, sign-in links included: " +
        "set OUTBOX_PUBLIC=true only on a private test or staging server, or set RESEND_API_KEY",
    );
  }
  if (result.success && !result.data.SHOPIFY_CLIENT_ID !== !result.data.SHOPIFY_CLIENT_SECRET) {
    problems.push("SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET go together: set both or neither");
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

const holder = globalThis as unknown as { facturoConfig?: AppConfig };

/** The process's configuration; validated on first use, never during `next build`. */
export function getConfig(): AppConfig {
  holder.facturoConfig ??= parseConfig(process.env);
  return holder.facturoConfig;
}
