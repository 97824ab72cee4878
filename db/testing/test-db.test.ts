import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DbHandle } from "../client";
import { openTestDb } from "./test-db";

// Guards the harness itself: with DATABASE_URL the suite must run on the database
// global-setup created, never on the one the developer pointed it at.
describe("test database", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDb();
  });
  afterAll(() => handle?.close());

  it("uses PGlite without DATABASE_URL and this run's fresh database with it", async () => {
    const provided = inject("testDatabaseUrl");
    const { rows } = await handle.executeSql("select current_database() as name");
    const name = (rows[0] as { name: string }).name;
    if (provided) {
      expect(handle.kind).toBe("postgres");
      expect(name).toMatch(/^facturo_test_\d+_[0-9a-f]{8}$/);
      expect(new URL(provided).pathname).toBe(`/${name}`);
    } else {
      expect(handle.kind).toBe("pglite");
      expect(process.env.DATABASE_URL).toBeUndefined();
    }
  });

  it("is migrated", async () => {
    const { rows } = await handle.executeSql(
      "select count(*)::int as n from information_schema.tables where table_name in ('organisation', 'api_key', 'email')",
    );
    expect((rows[0] as { n: number }).n).toBe(3);
  });
});
