import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseLockedError, openPglite, type DbHandle } from "./client";
import { organisations } from "./schema";

// PGlite itself lets two openers share a directory and silently loses writes, so
// openPglite must refuse a second opener, in this process and in any other.
const root = mkdtempSync(path.join(tmpdir(), "facturo-lock-"));
const dir = path.join(root, "pglite");
const childScript = path.join(process.cwd(), "db", "testing", "open-pglite-child.ts");
// The database client is marked server-only: outside Next.js, resolve that marker first.
const serverOnly = path.join(process.cwd(), "lib", "cli", "server-only-outside-next.mjs");

function runChild(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", serverOnly, childScript, dir],
      {
        cwd: process.cwd(),
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("openPglite directory lock", () => {
  let first: DbHandle | undefined;
  afterAll(async () => {
    await first?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("refuses a second opener in the same process", async () => {
    first = await openPglite(dir);
    await first.db.insert(organisations).values({ legalName: "Locked SRL" });

    const second = openPglite(dir);
    await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
    await expect(second).rejects.toThrow(/Another process is already using the embedded database/);
  });

  it("refuses a second opener in another process", async () => {
    const { code, stderr } = await runChild();
    expect(stderr).toContain(
      "DatabaseLockedError: Another process is already using the embedded database",
    );
    expect(stderr).toContain(dir);
    expect(code).toBe(2);
  });

  it("can be opened again once closed, with the data kept", async () => {
    await first!.close();
    first = undefined;

    const child = await runChild();
    expect(child.stderr).toBe("");
    expect(child.stdout).toContain('opened {"n":1}');
    expect(child.code).toBe(0);

    first = await openPglite(dir);
    const rows = await first.db.select().from(organisations);
    expect(rows.map((r) => r.legalName)).toEqual(["Locked SRL"]);
  });
});
