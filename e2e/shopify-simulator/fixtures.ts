import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { HttpError } from "./http";
import { isJsonObject, type JsonObject } from "./json";

/**
 * Order payload fixtures (`<fixturesDir>/orders/*.json`). `*.expected.json` files sit next
 * to them but are expected invoice values, not payloads, so they are skipped.
 */

export async function listOrderFixtures(fixturesDir: string): Promise<string[]> {
  try {
    const names = await readdir(path.join(fixturesDir, "orders"));
    return names
      .filter((name) => name.endsWith(".json") && !name.endsWith(".expected.json"))
      .sort();
  } catch {
    return [];
  }
}

export async function loadOrderFixture(fixturesDir: string, name: string): Promise<JsonObject> {
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
