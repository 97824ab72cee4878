import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * db/queries is persistence only: reads, writes, locks. Workflows live in
 * lib/<domain>/<verb-noun>.ts and may call these queries, never the other way round.
 * So whatever db/queries takes from lib must be pure: neither it nor anything it
 * imports reaches the database, the queue or Next.js.
 */
const root = path.resolve(import.meta.dirname, "../..");
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+"([^"]+)";/gms;
const FORBIDDEN = /^(@\/db\b|next\b|next\/|@\/lib\/jobs\b|pg-boss$)/;

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function valueImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? "");
}

/** The forbidden imports reachable from a lib module, with the chain that reaches them. */
function impurities(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      const here = [...chain, path.relative(root, file)];
      if (FORBIDDEN.test(specifier)) {
        found.push(`${here.join(" → ")} → ${specifier}`);
        continue;
      }
      const next = resolve(file, specifier);
      if (next?.startsWith(path.join(root, "lib"))) visit(next, here);
    }
  };
  visit(entry, []);
  return found;
}

const queries = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
  .map((name) => path.join(import.meta.dirname, name));

describe("db/queries is persistence only", () => {
  it.each(queries.map((file) => [path.relative(root, file), file]))(
    "%s takes only pure helpers from lib",
    (_name, file) => {
      const fromLib = valueImports(file)
        .filter((specifier) => specifier.startsWith("@/lib/"))
        .map((specifier) => resolve(file, specifier))
        .filter((resolved): resolved is string => resolved !== null);
      expect(fromLib.flatMap(impurities)).toEqual([]);
    },
  );
});

/**
 * A transaction is where a workflow begins, so it belongs to an operation in lib/. The one
 * exception replaces a sign-in token under a lock: one logical write that Auth.js asks for.
 */
const OWN_TRANSACTION_ALLOWED = new Set(["db/queries/verification-tokens.ts"]);

describe("db/queries leaves transactions to lib operations", () => {
  it.each(queries.map((file) => [path.relative(root, file), file]))(
    "%s opens no transaction of its own",
    (name, file) => {
      const opens = /\.transaction\(/.test(readFileSync(file, "utf8"));
      expect(opens).toBe(OWN_TRANSACTION_ALLOWED.has(name));
    },
  );
});
