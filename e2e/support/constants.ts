import path from "node:path";

/**
 * Ports are fixed unless E2E_APP_PORT / E2E_SIMULATOR_PORT say otherwise (so two
 * checkouts can run their journeys side by side). Always `localhost`, never 127.0.0.1: Next.js rewrites 127.x to localhost in
 * request URLs, so Auth.js builds its links and CSRF cookies for localhost (docs/stack.md G13).
 */
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3000);
export const BASE_URL = `http://localhost:${E2E_APP_PORT}`;

/** Where journey specs write their screenshots (PNGs are gitignored). */
export const SCREENSHOTS_DIR = path.resolve(import.meta.dirname, "..", "screenshots");

/** `e2e/screenshots/<name>.png`, for `page.screenshot({ path: screenshotPath("home") })`. */
export function screenshotPath(name: string): string {
  return path.join(SCREENSHOTS_DIR, name.endsWith(".png") ? name : `${name}.png`);
}

/** The Shopify simulator the e2e server talks to instead of Shopify (packages/shopify-simulator). */
export const SHOPIFY_SIMULATOR_URL = `http://localhost:${process.env.E2E_SIMULATOR_PORT ?? 3999}`;

/**
 * Where the e2e run's payment stand-ins listen (packages/mollie-stand-in,
 * packages/bancontact-stand-in): E2E_MOLLIE_PORT / E2E_BANCONTACT_PORT, so checkouts can run
 * their journeys side by side (like E2E_SIMULATOR_PORT).
 */
export const MOLLIE_STAND_IN_URL = `http://localhost:${process.env.E2E_MOLLIE_PORT ?? 3998}`;
export const BANCONTACT_STAND_IN_URL = `http://localhost:${process.env.E2E_BANCONTACT_PORT ?? 3997}`;

export const E2E_SHOPIFY_CLIENT_ID = "facturo-e2e";
export const E2E_SHOPIFY_CLIENT_SECRET = "facturo-e2e-shopify-secret";

/** A regular desktop Chrome: Shopify's library turns away "HeadlessChrome" as a bot. */
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
