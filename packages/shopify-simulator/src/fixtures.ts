import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { HttpError } from "@facturo/stand-in-http";
import { isJsonObject, type JsonObject } from "./json";

/**
 * Order payload fixtures (`<fixturesDir>/orders/*.json`). `*.expected.json` files sit next
 * to them but are expected invoice values, not payloads, so they are skipped. Without a
 * fixtures directory there are none.
 */

export async function listOrderFixtures(fixturesDir: string | null): Promise<string[]> {
  if (fixturesDir === null) return [];
  try {
    const names = await readdir(path.join(fixturesDir, "orders"));
    return names
      .filter((name) => name.endsWith(".json") && !name.endsWith(".expected.json"))
      .sort();
  } catch {
    return [];
  }
}

export async function loadOrderFixture(
  fixturesDir: string | null,
  name: string,
): Promise<JsonObject> {
  if (fixturesDir === null) {
    throw new HttpError(
      400,
      `Unknown order fixture "${name}": the simulator was started without a fixtures directory (fixturesDir, --fixtures-dir or SHOPIFY_SIMULATOR_FIXTURES_DIR)`,
    );
  }
  // Only names from the listing: no path tricks ("../…") reach the file system.
  const names = await listOrderFixtures(fixturesDir);
  if (!names.includes(name)) {
    throw new HttpError(
      400,
      `Unknown order fixture "${name}" (have: ${names.join(", ") || "none"})`,
    );
  }
  const parsed = JSON.parse(
    await readFile(path.join(fixturesDir, "orders", name), "utf8"),
  ) as unknown;
  if (!isJsonObject(parsed)) throw new HttpError(500, `Fixture ${name} is not a JSON object`);
  return parsed;
}
