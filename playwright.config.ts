import { mkdirSync, readdirSync, rmdirSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { assertLocalDatabase } from "./e2e/support/assert-local-database";
import {
  BANCONTACT_STAND_IN_URL,
  BASE_URL,
  BROWSER_USER_AGENT,
  E2E_APP_PORT,
  E2E_SHOPIFY_CLIENT_ID,
  E2E_SHOPIFY_CLIENT_SECRET,
  MOLLIE_STAND_IN_URL,
  SHOPIFY_SIMULATOR_URL,
} from "./e2e/support/constants";

/**
 * End-to-end tests against the PRODUCTION server (`npm run start`); build first with
 * `npm run build` (.ci/run does). Chromium is Debian's (/usr/bin/chromium): Playwright
 * cannot download its own browser on these machines (docs/stack.md G17).
 */

const isCI = !!process.env.CI;

/** The Peppol access-point stand-in's port (E2E_PEPPOL_AP_PORT lets checkouts run side by side). */
const PEPPOL_AP_ORIGIN = `http://localhost:${process.env.E2E_PEPPOL_AP_PORT ?? 4010}`;
const PEPPOL_AP_KEY = "facturo-e2e-peppol-key";

// The webServer is started before globalSetup runs, so check the database here, first.
assertLocalDatabase();

/**
 * A fresh embedded database for every run, unless DATABASE_URL is set. This file is
 * evaluated again in each worker process; the directory is chosen once, in the runner,
 * and handed to the workers through the environment they inherit.
 */
function e2ePgliteDir(): string | undefined {
  if (process.env.DATABASE_URL) return undefined;
  if (!process.env.FACTURO_E2E_PGLITE_DIR) {
    const dataDir = path.resolve(import.meta.dirname, ".data");
    removeEmptyE2eDirs(dataDir);
    const stamp = new Date().toISOString().replace(/[-:.]/g, "").replace("T", "-");
    const dir = path.join(dataDir, `e2e-${stamp}-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    process.env.FACTURO_E2E_PGLITE_DIR = dir;
  }
  return process.env.FACTURO_E2E_PGLITE_DIR;
}
const pgliteDir = e2ePgliteDir();

/** Runs that never started the server (`--list`, a failed build) leave empty directories. */
function removeEmptyE2eDirs(dataDir: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(dataDir).filter((n) => /^e2e-\d{8}-\d+Z-\d+$/.test(n));
  } catch {
    return; // no .data yet
  }
  for (const name of names) {
    try {
      rmdirSync(path.join(dataDir, name)); // fails, harmlessly, unless empty
    } catch {
      // not empty: a previous run's database, kept for inspection
    }
  }
}

const serverEnv: Record<string, string> = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(E2E_APP_PORT),
  APP_URL: BASE_URL,
  AUTH_URL: BASE_URL,
  // Test-only secrets, fixed so runs are reproducible. Never use them anywhere else.
  AUTH_SECRET: "facturo-e2e-auth-secret-not-for-production-use-0123456789",
  ENCRYPTION_KEY: "ZmFjdHVyby1lMmUtdGVzdC1lbmNyeXB0aW9uLWtleSE=", // 32 bytes, base64
  // Emails stay in the app's database and are read back from /outbox (e2e/support/outbox.ts).
  EMAIL_TRANSPORT: "outbox",
  OUTBOX_PUBLIC: "true",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  // Shopify is the simulator, reached through configuration only.
  SHOPIFY_CLIENT_ID: E2E_SHOPIFY_CLIENT_ID,
  SHOPIFY_CLIENT_SECRET: E2E_SHOPIFY_CLIENT_SECRET,
  SHOPIFY_API_ORIGIN: SHOPIFY_SIMULATOR_URL,
  // The Peppol access point is its local stand-in (packages/peppol-access-point).
  PEPPOL_AP_URL: `${PEPPOL_AP_ORIGIN}/api/v2`,
  PEPPOL_AP_API_KEY: PEPPOL_AP_KEY,
  // Mollie and Bancontact Pro are their stand-ins (packages/mollie-stand-in, packages/bancontact-stand-in).
  MOLLIE_API_URL: `${MOLLIE_STAND_IN_URL}/v2/`,
  BANCONTACT_API_URL: BANCONTACT_STAND_IN_URL,
  ...(pgliteDir ? { PGLITE_DIR: pgliteDir } : {}),
};

export default defineConfig({
  testDir: "e2e",
  // Journeys only: the fault suite's *.fault.test.ts files are Vitest's.
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  globalSetup: "./e2e/support/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: isCI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: isCI
    ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]]
    : [["list"]],
  use: {
    baseURL: BASE_URL,
    locale: "en-GB",
    userAgent: BROWSER_USER_AGENT,
    timezoneId: "Europe/Brussels",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    video: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        userAgent: BROWSER_USER_AGENT,
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: "npm run shopify:simulator",
      url: `${SHOPIFY_SIMULATOR_URL}/control/health`,
      reuseExistingServer: !isCI,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        SHOPIFY_SIMULATOR_PORT: new URL(SHOPIFY_SIMULATOR_URL).port,
        SHOPIFY_CLIENT_ID: E2E_SHOPIFY_CLIENT_ID,
        SHOPIFY_CLIENT_SECRET: E2E_SHOPIFY_CLIENT_SECRET,
        SHOPIFY_SIMULATOR_APP_URL: BASE_URL,
        // Shopify retries over hours; a test cannot wait that long.
        SHOPIFY_SIMULATOR_RETRY_DELAYS_MS: "500,1000,2000,4000",
      },
    },
    {
      command: "npm run peppol:access-point",
      url: `${PEPPOL_AP_ORIGIN}/control/health`,
      reuseExistingServer: !isCI,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { PEPPOL_AP_PORT: new URL(PEPPOL_AP_ORIGIN).port, PEPPOL_AP_API_KEY: PEPPOL_AP_KEY },
    },
    {
      command: "npx tsx packages/mollie-stand-in/src/main.ts",
      url: `${MOLLIE_STAND_IN_URL}/control/health`,
      reuseExistingServer: !isCI,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { MOLLIE_STAND_IN_PORT: new URL(MOLLIE_STAND_IN_URL).port },
    },
    {
      command: "npx tsx packages/bancontact-stand-in/src/main.ts",
      url: `${BANCONTACT_STAND_IN_URL}/control/health`,
      reuseExistingServer: !isCI,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { BANCONTACT_STAND_IN_PORT: new URL(BANCONTACT_STAND_IN_URL).port },
    },
    {
      command: "npm run start",
      // 200 once the server listens and the database answers (503 before).
      url: `${BASE_URL}/api/health`,
      reuseExistingServer: !isCI,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: serverEnv,
    },
  ],
});
