import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The README's Architecture section is a map of the repository. This test keeps it true:
 * every folder of the repository is on the map (but for the few whose insides are
 * summarised, below), and every path the section names exists.
 *
 * The map is the section's first code block, one folder or file per line:
 *
 *     lib/                        description, continued on lines indented to the
 *                                 description column
 *       shopify/                  a child: two more spaces than its parent
 *         order-mapping/          …
 *       customers/ articles/      several siblings on one line (they cannot have children)
 *
 * A name ends in "/" for a folder, may hold several segments (`(auth)/login/`), and is
 * followed by two or more spaces and its description. A line indented to column
 * CONTINUATION_INDENT or beyond continues the description above it.
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const CONTINUATION_INDENT = 24;
const FILE_EXTENSIONS = /\.(ts|tsx|js|mjs|cjs|json|md|sql|css|txt|xml|png|ico|svg|sch|xslt|gz)$/;

/** Folders whose insides the map describes instead of listing, and why. */
const SUMMARISED: readonly { under: RegExp; why: string }[] = [
  {
    under: /^lib\/peppol\/validation\/rules\/xsd\/./,
    why: "the UBL 2.1 schema in OASIS's own folder layout, kept unmodified",
  },
  { under: /^packages\/[^/]+\/src(\/|$)/, why: "each workspace's source, told by its README" },
];

interface MapCheck {
  /** Folders of the repository the map does not name. */
  missing: string[];
  /** Paths the section names that do not exist. */
  notFound: string[];
  /** Lines of the map that do not follow the format. */
  malformed: string[];
}

interface RepoView {
  /** Every folder of the repository, relative, without a trailing slash. */
  folders: readonly string[];
  /** The top-level files and folders (what a path in prose may start with). */
  topLevel: ReadonlySet<string>;
  exists(relative: string): boolean;
  isFolder(relative: string): boolean;
}

function architectureSection(readme: string): string {
  const start = readme.search(/^## Architecture\s*$/m);
  if (start < 0) throw new Error('The README has no "## Architecture" section');
  const rest = readme.slice(start + "## Architecture".length);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

const trimSlash = (p: string) => p.replace(/\/+$/, "");
const looksLikePath = (token: string) => token.includes("/") || FILE_EXTENSIONS.test(token);
const isPattern = (token: string) => /[<>*…{}]|:\/\//.test(token);

/** Every folder a path names, itself included when it ends in "/". */
function foldersOf(relative: string): string[] {
  const parts = trimSlash(relative).split("/");
  const count = relative.endsWith("/") ? parts.length : parts.length - 1;
  return Array.from({ length: count }, (_, i) => parts.slice(0, i + 1).join("/"));
}

function checkMap(section: string, repo: RepoView): MapCheck {
  const malformed: string[] = [];
  const notFound = new Set<string>();
  const named = new Set<string>();

  const fence = /^```[^\n]*\n([\s\S]*?)^```/m.exec(section);
  if (!fence?.[1]) return { missing: [...repo.folders], notFound: [], malformed: ["no map"] };
  const prose = section.replace(fence[0], "");

  // Each depth's folder, for its children; null where a line cannot have children.
  const parents: (string | null)[] = [];
  // The folder a description's file names belong to (then the repository's root).
  let here = "";
  for (const [index, line] of fence[1].split("\n").entries()) {
    if (line.trim() === "") continue;
    const where = `map line ${index + 1} ("${line.trim().slice(0, 40)}")`;
    const indent = line.length - line.trimStart().length;
    let description = line;
    if (indent < CONTINUATION_INDENT) {
      const depth = indent / 2;
      const parent = depth === 0 ? "" : parents[depth - 1];
      if (indent % 2 !== 0 || parent === undefined || parent === null) {
        malformed.push(`${where}: not two spaces deeper than a single folder above it`);
        continue;
      }
      const [names = "", ...rest] = line.trim().split(/ {2,}/);
      const entries = names.split(" ");
      const bad = entries.filter((entry) => !looksLikePath(entry) || isPattern(entry));
      if (bad.length > 0) {
        malformed.push(`${where}: ${bad.join(", ")} is not a folder/ or a file name`);
        continue;
      }
      const paths = entries.map((entry) => `${parent}${entry}`);
      for (const p of paths) {
        const relative = trimSlash(p);
        if (!repo.exists(relative) || (p.endsWith("/") && !repo.isFolder(relative)))
          notFound.add(p);
        for (const folder of foldersOf(p)) named.add(folder);
      }
      parents.length = depth;
      parents[depth] = paths.length === 1 && paths[0]?.endsWith("/") ? paths[0] : null;
      here = parents[depth] ?? parent;
      description = rest.join(" ");
    }
    for (const token of descriptionPaths(description, repo)) {
      if (!repo.exists(`${here}${trimSlash(token)}`) && !repo.exists(trimSlash(token)))
        notFound.add(token);
    }
  }

  // Paths in the prose are written from the repository's root.
  for (const [, code = ""] of prose.matchAll(/`([^`\n]+)`/g)) {
    if (/\s/.test(code) || isPattern(code) || code.startsWith("/")) continue;
    const fromRoot = code.includes("/") && repo.topLevel.has(code.split("/")[0] ?? "");
    if (!fromRoot && !FILE_EXTENSIONS.test(code)) continue;
    if (!repo.exists(trimSlash(code))) notFound.add(code);
  }

  const missing = repo.folders.filter(
    (folder) => !named.has(folder) && !SUMMARISED.some((s) => s.under.test(folder)),
  );
  return { missing, notFound: [...notFound], malformed };
}

/**
 * Words of a description that name a file, or a path from the repository's root. Product
 * names that look like files (Next.js, Node.js) are words, not paths.
 */
function descriptionPaths(text: string, repo: RepoView): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[("'`]+|[)"'`,;:.]+$/g, ""))
    .filter((word) => word !== "" && !isPattern(word) && !/^[A-Z][a-z]+\.js$/.test(word))
    .filter(
      (word) =>
        FILE_EXTENSIONS.test(word) ||
        (word.includes("/") && repo.topLevel.has(word.split("/")[0] ?? "")),
    );
}

/** The repository as git sees it: tracked files and new ones not ignored. */
function repository(): RepoView {
  let listing: string;
  try {
    listing = execFileSync(
      "git",
      ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
      {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch (error) {
    throw new Error(
      `The README map test lists the repository's folders with git, which failed: ${String(error)}`,
    );
  }
  const files = listing.split("\0").filter((f) => f && existsSync(path.join(ROOT, f)));
  const folders = new Set<string>();
  for (const file of files) for (const folder of foldersOf(file)) folders.add(folder);
  return {
    folders: [...folders].sort(),
    topLevel: new Set(files.map((f) => f.split("/")[0] ?? "")),
    exists: (relative) => existsSync(path.join(ROOT, relative)),
    isFolder: (relative) => statSync(path.join(ROOT, relative)).isDirectory(),
  };
}

describe("the README's Architecture section", () => {
  const repo = repository();
  const check = checkMap(
    architectureSection(readFileSync(path.join(ROOT, "README.md"), "utf8")),
    repo,
  );

  it("follows the map's format", () => {
    expect(check.malformed).toEqual([]);
  });

  it("names every folder of the repository", () => {
    expect(check.missing).toEqual([]);
  });

  it("names only paths that exist", () => {
    expect(check.notFound).toEqual([]);
  });

  it("has lib/, app/, components/ and the repository's top level among the folders it checks", () => {
    for (const folder of ["lib", "app", "components", "lib/shopify", "app/d", "components/ui"])
      expect(repo.folders).toContain(folder);
  });
});

describe("the map check itself", () => {
  const folders = ["app", "app/(auth)", "app/(auth)/login", "lib", "lib/payments", "lib/forms"];
  const files = ["lib/payments/record-payment.ts", "README.md"];
  const fake: RepoView = {
    folders,
    topLevel: new Set(["app", "lib", "README.md"]),
    exists: (p) => folders.includes(p) || files.includes(p),
    isFolder: (p) => folders.includes(p),
  };
  const section = (map: string, prose = "") => `\n\`\`\`\n${map}\n\`\`\`\n${prose}\n`;

  it("passes a complete map", () => {
    const map = [
      "app/                          the entry layer",
      "  (auth)/login/               sign-in",
      "lib/                          the domain",
      "  payments/                   record-payment.ts",
      "  forms/                      form results",
    ].join("\n");
    expect(checkMap(section(map, "See `lib/payments/record-payment.ts`."), fake)).toEqual({
      missing: [],
      notFound: [],
      malformed: [],
    });
  });

  it("catches a folder left out, a path that does not exist and a line it cannot read", () => {
    const map = [
      "app/                          the entry layer",
      "  (auth)/login/               sign-in",
      "lib/                          the domain",
      "  payments/                   record-payment.ts, undo-payment.ts",
      "  calendar/                   the Brussels day",
      "  the forms                   not a path",
    ].join("\n");
    const check = checkMap(section(map, "Numbers: `lib/numbering/format.ts`."), fake);
    expect(check.missing).toEqual(["lib/forms"]);
    expect(check.notFound.sort()).toEqual(
      ["lib/calendar/", "lib/numbering/format.ts", "undo-payment.ts"].sort(),
    );
    expect(check.malformed).toHaveLength(1);
  });
});
