import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";
import { authenticateApiKey } from "@/db/queries/api-keys";
import { memberships, users } from "@/db/schema";

// The real thing, as an operator runs it: a separate process on an embedded database
// directory, which must exit by itself (database closed, lock released) after each command.
const root = mkdtempSync(path.join(tmpdir(), "facturo-cli-"));
const pgliteDir = path.join(root, "pglite");

function facturo(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    PGLITE_DIR: pgliteDir,
    // Given, so the CLI does not create .data/dev-secrets.json in the repository.
    AUTH_SECRET: "s".repeat(32),
    ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    EMAIL_TRANSPORT: "outbox",
  };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "lib/cli/facturo.ts", ...args], { cwd: process.cwd(), env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("facturo CLI, spawned", () => {
  it(
    "creates an organisation, then an API key for it, on an embedded database",
    { timeout: 120_000 },
    async () => {
      const created = await facturo([
        "create-organisation",
        "--name",
        "Friterie Spawn SRL",
        "--email",
        "Spawned@Example.test",
      ]);
      expect(created.stderr).not.toContain("error:");
      expect(created.code).toBe(0);
      const organisationId = created.stdout.trim();
      expect(organisationId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );

      const key = await facturo([
        "create-api-key",
        "--organisation",
        organisationId,
        "--name",
        "spawned key",
      ]);
      expect(key.stderr).not.toContain("error:");
      expect(key.code).toBe(0);
      const token = key.stdout.trim();
      expect(token).toMatch(/^fct_[0-9a-f]{12}_/);
      expect(key.stderr).toContain("will not be shown again");

      // Both processes have exited and released the directory: open it and check.
      const handle = await openPglite(pgliteDir);
      try {
        expect(await authenticateApiKey(handle.db, token)).toBe(organisationId);
        const owners = await handle.db
          .select({ email: users.email, role: memberships.role })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(memberships.organisationId, organisationId));
        expect(owners).toEqual([{ email: "spawned@example.test", role: "owner" }]);
      } finally {
        await handle.close();
      }
    },
  );
});
