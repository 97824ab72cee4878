import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { HttpError } from "@facturo/stand-in-http";
import { isJsonObject, type JsonObject } from "./json";

/**
 * Order payload fixtures. The fixtures directory lists its files in `manifest.json`
 * (`{ "files": ["orders/a.json", "orders/a.expected.json", "refunds/…"] }`); the orders a
 * merchant can place are the `orders/*.json` it lists, without the `*.expected.json` files
 * (expected invoice values, not payloads). The directory itself is never listed, so a
 * fixture that goes missing fails with its path instead of silently leaving the list.
 */

export const FIXTURE_MANIFEST = "manifest.json";

const START_HINT =
  "start the simulator with --fixtures-dir DIR or SHOPIFY_SIMULATOR_FIXTURES_DIR=DIR (Facturo's `npm run dev` and `npm run shopify:simulator` pass test/fixtures/shopify)";

/** The order fixtures, or why there are none (for the shop admin page and the control API). */
export interface OrderFixtureCatalogue {
  names: string[];
  /** Why the list is empty, in words a developer can act on; null when it is not. */
  problem: string | null;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * The fixtures on offer. No directory, a directory that is not there, no manifest or a
 * manifest that lists no order: an empty list with the reason. A listed file that is not
 * there, or a manifest that cannot be read: an error naming the path (HTTP 500).
 */
export async function readOrderFixtures(
  fixturesDir: string | null,
): Promise<OrderFixtureCatalogue> {
  if (fixturesDir === null) {
    return { names: [], problem: `No fixtures directory: ${START_HINT}.` };
  }
  if (!(await exists(fixturesDir))) {
    return {
      names: [],
      problem: `The fixtures directory ${fixturesDir} does not exist: ${START_HINT}.`,
    };
  }
  const manifestPath = path.join(fixturesDir, FIXTURE_MANIFEST);
  if (!(await exists(manifestPath))) {
    return {
      names: [],
      problem: `The fixtures directory ${fixturesDir} has no ${FIXTURE_MANIFEST} listing its files ({ "files": ["orders/….json"] }).`,
    };
  }
  let files: unknown;
  try {
    files = (JSON.parse(await readFile(manifestPath, "utf8")) as { files?: unknown }).files;
  } catch (error) {
    throw new HttpError(500, `${manifestPath} is not valid JSON: ${String(error)}`);
  }
  if (!Array.isArray(files) || !files.every((f): f is string => typeof f === "string")) {
    throw new HttpError(500, `${manifestPath}: "files" must be a list of file names`);
  }
  const names = files
    .filter((file) => file.startsWith("orders/") && file.split("/").length === 2)
    .map((file) => file.slice("orders/".length))
    .filter((name) => name.endsWith(".json") && !name.endsWith(".expected.json"))
    .sort();
  for (const name of names) {
    const file = path.join(fixturesDir, "orders", name);
    if (!(await exists(file))) {
      throw new HttpError(500, `Missing fixture: ${file} (listed in ${manifestPath})`);
    }
  }
  if (names.length === 0) {
    return { names, problem: `${manifestPath} lists no order (orders/*.json).` };
  }
  return { names, problem: null };
}

/** The order fixtures' names; see `readOrderFixtures` for when it throws. */
export async function listOrderFixtures(fixturesDir: string | null): Promise<string[]> {
  return (await readOrderFixtures(fixturesDir)).names;
}

export async function loadOrderFixture(
  fixturesDir: string | null,
  name: string,
): Promise<JsonObject> {
  const { names, problem } = await readOrderFixtures(fixturesDir);
  // Only names from the manifest: no path tricks ("../…") reach the file system.
  if (fixturesDir === null || !names.includes(name)) {
    throw new HttpError(
      400,
      `Unknown order fixture "${name}" (have: ${names.join(", ") || "none"})${problem ? `. ${problem}` : ""}`,
    );
  }
  const parsed = JSON.parse(
    await readFile(path.join(fixturesDir, "orders", name), "utf8"),
  ) as unknown;
  if (!isJsonObject(parsed)) throw new HttpError(500, `Fixture ${name} is not a JSON object`);
  return parsed;
}
