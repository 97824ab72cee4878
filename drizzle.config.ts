import { defineConfig } from "drizzle-kit";

// Only `generate` is used: migrations are reviewed, committed and applied by the app itself.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
