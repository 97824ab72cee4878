import { defineConfig } from "vitest/config";
import { serverOnlyAlias } from "./test/server-only-alias";

export default defineConfig({
  resolve: { tsconfigPaths: true, alias: [serverOnlyAlias] },
  test: {
    include: [
      "lib/**/*.test.ts",
      "db/**/*.test.ts",
      "components/**/*.test.ts",
      "app/**/*.test.ts",
      // The stand-ins' own tests (npm workspaces under packages/).
      "packages/*/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    globalSetup: ["./db/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file opens its own in-memory PGlite (~1-2 s); two cores, two forks.
    maxWorkers: 2,
  },
});
