import { mkdirSync } from "node:fs";
import type { FullConfig } from "@playwright/test";
import { assertLocalDatabase } from "./assert-local-database";
import { SCREENSHOTS_DIR } from "./constants";

/**
 * Playwright starts `webServer` BEFORE globalSetup, so playwright.config.ts also calls
 * assertLocalDatabase() when it loads; this second check covers runs with a server
 * that was already up (reuseExistingServer outside CI).
 */
export default function globalSetup(_config: FullConfig): void {
  assertLocalDatabase();
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
}
