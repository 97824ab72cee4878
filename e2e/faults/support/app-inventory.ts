import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { APP_DIR } from "./processes";

/**
 * Every way into the app, read from the source tree (routes and pages) and from the
 * build (server action ids), so a new route or action is covered, or fails the
 * tenant-isolation case until someone says how it is scoped.
 */
const APP_ROOT = process.cwd();
const SOURCE_DIR = path.resolve(APP_ROOT, "app");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** `app/(dashboard)/documents/[id]/page.tsx` → `/documents/[id]`. */
function toUrlPattern(file: string): string {
  const segments = path
    .relative(SOURCE_DIR, path.dirname(file))
    .split(path.sep)
    .filter((s) => s !== "" && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** URL patterns of every page and route handler (private `_folders` are not routes). */
export function listRoutes(): { pattern: string; kind: "page" | "route" }[] {
  return filesUnder(SOURCE_DIR)
    .filter((f) => /\/(page\.tsx|route\.ts)$/.test(f) && !/\/_[^/]+\//.test(f))
    .map((f) => ({
      pattern: toUrlPattern(f),
      kind: f.endsWith("page.tsx") ? ("page" as const) : ("route" as const),
    }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** `file#export` of every exported function of every `"use server"` file. */
export function listServerActions(): string[] {
  return filesUnder(SOURCE_DIR)
    .filter((f) => /\.tsx?$/.test(f))
    .filter((f) => /^\s*["']use server["']/.test(readFileSync(f, "utf8")))
    .flatMap((f) => {
      const source = readFileSync(f, "utf8");
      const file = path.relative(process.cwd(), f);
      return [...source.matchAll(/export\s+async\s+function\s+(\w+)/g)].map(
        (m) => `${file}#${m[1]}`,
      );
    })
    .sort();
}

export interface ActionRef {
  id: string;
  /** A page the action is bound to: the URL to POST it to. */
  page: string;
}

/** The build's server action ids, by `file#export`. */
export function serverActionIds(): Map<string, ActionRef> {
  const manifest = JSON.parse(
    readFileSync(path.join(APP_DIR, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<
      string,
      { filename?: string; exportedName?: string; workers: Record<string, unknown> }
    >;
  };
  const refs = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    const pages = Object.keys(entry.workers)
      .filter((w) => w.endsWith("/page"))
      .map((w) => toUrlPattern(path.join(APP_ROOT, `${w}.tsx`)));
    const page = pages.find((p) => !p.includes("[")) ?? pages[0] ?? "/";
    refs.set(`${entry.filename}#${entry.exportedName}`, { id, page });
  }
  return refs;
}
