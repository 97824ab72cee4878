import { defineConfig } from "vitest/config";
import { serverOnlyAlias } from "./test/server-only-alias";

/**
 * `npm run test:faults`: the fault and hostile-input suite (issue 8). It starts real
 * processes (web, workers, a throwaway PostgreSQL) and drives them over HTTP, so it
 * runs one file at a time and is kept out of the unit suite.
 */
export default defineConfig({
  resolve: { tsconfigPaths: true, alias: [serverOnlyAlias] },
  test: {
    include: ["e2e/faults/**/*.fault.test.ts"],
    globalSetup: ["./e2e/faults/support/global-setup.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
