import { defineConfig } from "vitest/config";

/**
 * `npm test` in this package: its own tests only, without the app's setup. From the
 * repository root, `npm test` runs them too (the root config includes packages/).
 */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
