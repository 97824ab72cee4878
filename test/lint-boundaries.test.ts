import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The import boundaries of .dependency-cruiser.cjs (run by `npm run lint`), checked on a
 * small repository written here with Facturo's layout: the allowed imports must pass, and
 * each rule must catch its deliberate violation. A rule loosened until it catches nothing
 * (a typo in a path, an exemption grown too wide) fails this test.
 */

const repo = process.cwd();
const depcruise = path.join(repo, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const config = path.join(repo, ".dependency-cruiser.cjs");

type Files = Record<string, string>;

/** Imports the rules allow: exceptions and the normal direction of every layer. */
const allowed: Files = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { module: "esnext", moduleResolution: "bundler", paths: { "@/*": ["./*"] } },
  }),
  // Stand-ins for npm packages, and a workspace package linked the way npm links it.
  "node_modules/next/package.json": `{ "name": "next" }`,
  "node_modules/next/headers.js": "export const headers = () => null;",
  "node_modules/next-auth/package.json": `{ "name": "next-auth", "main": "index.js" }`,
  "node_modules/next-auth/index.js": "export const auth = () => null;",
  "packages/shopify-simulator/package.json": `{ "name": "@facturo/shopify-simulator", "main": "index.ts" }`,
  "packages/shopify-simulator/index.ts": "export const simulator = 1;",
  "e2e/mollie-stand-in/server.ts": "export const standIn = 1;",
  "bench/run.ts": "export const bench = 1;",
  "scripts/dev.ts": "export const dev = 1;",
  // The layers.
  "db/queries/documents.ts":
    "export type DocumentRow = { id: string };\nexport const getDocument = () => null;",
  "app/_server/context.ts": `import { getDocument } from "@/db/queries/documents";\nexport const requireOrg = getDocument;`,
  "components/card.tsx": `import type { DocumentRow } from "@/db/queries/documents";\nexport type CardProps = { document: DocumentRow };`,
  "app/page.tsx": `import type { CardProps } from "@/components/card";\nimport { requireOrg } from "@/app/_server/context";\nexport const page = (p: CardProps) => [p, requireOrg];`,
  "lib/i18n/request.ts": `import { headers } from "next/headers";\nexport const request = headers;`,
  // A job: definition, handler, registry, and the processes that run it.
  "lib/jobs/queue.ts": "export const enqueue = (name: string) => name;",
  "lib/bank/jobs/import-statement.job.ts": `export const importStatementJob = "import-statement";`,
  "lib/bank/jobs/import-statement.handler.ts": `import { importStatementJob } from "./import-statement.job";\nexport const handler = importStatementJob;`,
  "lib/bank/upload.ts": `import { enqueue } from "@/lib/jobs/queue";\nimport { importStatementJob } from "./jobs/import-statement.job";\nexport const upload = () => enqueue(importStatementJob);`,
  "lib/jobs/registry.ts": `export const registry = [() => import("@/lib/bank/jobs/import-statement.handler")];`,
  "app/_server/run-worker.ts": `import { registry } from "@/lib/jobs/registry";\nexport const run = registry;`,
  "lib/cli/commands/worker.ts": `import { registry } from "@/lib/jobs/registry";\nexport const run = registry;`,
  "lib/cli/commands/bank-import.ts": `import { handler } from "@/lib/bank/jobs/import-statement.handler";\nexport const run = handler;`,
  // Tests: stand-ins, handlers and jobs are theirs to use.
  "lib/bank/jobs/import-statement.handler.test.ts": `import { handler } from "./import-statement.handler";\nimport { registry } from "@/lib/jobs/registry";\nimport { standIn } from "@/e2e/mollie-stand-in/server";\nimport { simulator } from "@facturo/shopify-simulator";\nexport const t = [handler, registry, standIn, simulator];`,
  "lib/jobs/testing/test-worker.ts": `import { registry } from "@/lib/jobs/registry";\nexport const worker = registry;`,
  "lib/shopify/testing/merchant.ts": `import { simulator } from "@facturo/shopify-simulator";\nexport const merchant = simulator;`,
  "db/queries/documents.test.ts": `import { enqueue } from "@/lib/jobs/queue";\nexport const t = enqueue;`,
};

/** One deliberate violation (or two) per rule: [rule, from, to]. */
const violations: { rule: string; from: string; to: string; files: Files }[] = [
  {
    rule: "no-circular",
    from: "lib/cycle/a.ts",
    to: "lib/cycle/b.ts",
    files: {
      // Type-only on one side: it still counts.
      "lib/cycle/a.ts": `import type { B } from "./b";\nexport type A = { b?: B };`,
      "lib/cycle/b.ts": `import type { A } from "./a";\nexport type B = { a?: A };`,
    },
  },
  {
    rule: "no-circular",
    from: "lib/lazy/load.ts",
    to: "lib/lazy/loaded.ts",
    files: {
      // A dynamic import closing a loop, the jobs' old work-around: it counts too.
      "lib/lazy/load.ts": `export const load = () => import("./loaded");`,
      "lib/lazy/loaded.ts": `import { load } from "./load";\nexport const again = load;`,
    },
  },
  {
    rule: "lib-db-not-next",
    from: "lib/greeting.ts",
    to: "node_modules/next/headers.js",
    files: {
      "lib/greeting.ts": `import { headers } from "next/headers";\nexport const g = headers;`,
    },
  },
  {
    rule: "lib-db-not-next",
    from: "db/session.ts",
    to: "node_modules/next-auth/index.js",
    files: { "db/session.ts": `import { auth } from "next-auth";\nexport const s = auth;` },
  },
  {
    rule: "lib-db-not-app-or-components",
    from: "lib/uses-app.ts",
    to: "app/_server/context.ts",
    files: {
      "lib/uses-app.ts": `import { requireOrg } from "@/app/_server/context";\nexport const u = requireOrg;`,
    },
  },
  {
    rule: "lib-db-not-app-or-components",
    from: "db/uses-component.ts",
    to: "components/card.tsx",
    files: {
      "db/uses-component.ts": `import type { CardProps } from "@/components/card";\nexport type U = CardProps;`,
    },
  },
  {
    rule: "product-not-stand-ins",
    from: "lib/payments/pay.ts",
    to: "e2e/mollie-stand-in/server.ts",
    files: {
      "lib/payments/pay.ts": `import { standIn } from "@/e2e/mollie-stand-in/server";\nexport const p = standIn;`,
    },
  },
  {
    rule: "product-not-stand-ins",
    from: "app/api/route.ts",
    to: "packages/shopify-simulator/index.ts",
    files: {
      // By its workspace name: caught under its real path.
      "app/api/route.ts": `import { simulator } from "@facturo/shopify-simulator";\nexport const r = simulator;`,
    },
  },
  {
    rule: "product-not-bench-or-scripts",
    from: "lib/bench-user.test.ts",
    to: "bench/run.ts",
    files: {
      "lib/bench-user.test.ts": `import { bench } from "@/bench/run";\nexport const b = bench;`,
    },
  },
  {
    rule: "product-not-bench-or-scripts",
    from: "components/dev-banner.tsx",
    to: "scripts/dev.ts",
    files: {
      "components/dev-banner.tsx": `import { dev } from "@/scripts/dev";\nexport const d = dev;`,
    },
  },
  {
    rule: "components-not-server-context",
    from: "components/peppol-section.tsx",
    to: "app/_server/context.ts",
    files: {
      "components/peppol-section.tsx": `import { requireOrg } from "@/app/_server/context";\nexport const s = requireOrg;`,
    },
  },
  {
    rule: "components-not-queries",
    from: "components/loader.tsx",
    to: "db/queries/documents.ts",
    files: {
      "components/loader.tsx": `import { getDocument } from "@/db/queries/documents";\nexport const l = getDocument;`,
    },
  },
  {
    rule: "db-not-jobs",
    from: "db/queries/sends.ts",
    to: "lib/jobs/queue.ts",
    files: {
      "db/queries/sends.ts": `import { enqueue } from "@/lib/jobs/queue";\nexport const s = enqueue;`,
    },
  },
  {
    rule: "job-handlers-only-from-registry",
    from: "app/actions.ts",
    to: "lib/bank/jobs/import-statement.handler.ts",
    files: {
      "app/actions.ts": `import { handler } from "@/lib/bank/jobs/import-statement.handler";\nexport const a = handler;`,
    },
  },
  {
    rule: "job-registry-only-from-workers",
    from: "lib/documents/send.ts",
    to: "lib/jobs/registry.ts",
    files: {
      "lib/documents/send.ts": `import { registry } from "@/lib/jobs/registry";\nexport const s = registry;`,
    },
  },
];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

const roots: string[] = [];

function writeRepository(files: Files): string {
  const root = mkdtempSync(path.join(tmpdir(), "facturo-boundaries-"));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  mkdirSync(path.join(root, "node_modules/@facturo"), { recursive: true });
  symlinkSync(
    "../../packages/shopify-simulator",
    path.join(root, "node_modules/@facturo/shopify-simulator"),
  );
  return root;
}

async function cruise(root: string): Promise<Violation[]> {
  const dirs = ["app", "components", "db", "lib", "e2e", "packages", "bench", "scripts"];
  // Exit code 1..n is the number of violations: read the report either way.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [depcruise, "--config", config, "--output-type", "json", ...dirs],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => {
    if (typeof error.stdout !== "string" || error.stdout === "") throw error;
    return { stdout: error.stdout };
  });
  const report = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations;
}

let clean: Violation[];
let found: Violation[];

beforeAll(async () => {
  const withViolations = Object.assign({}, allowed, ...violations.map((v) => v.files)) as Files;
  [clean, found] = await Promise.all([
    cruise(writeRepository(allowed)),
    cruise(writeRepository(withViolations)),
  ]);
}, 60_000);

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe("import boundaries (.dependency-cruiser.cjs)", () => {
  it("allow the imports Facturo relies on (exceptions, tests, the job worker)", () => {
    expect(clean).toEqual([]);
  });

  it.each(violations.map((v) => [v.rule, v.from, v.to] as const))(
    "%s catches %s -> %s",
    (rule, from, to) => {
      const hits = found.filter(
        (v) =>
          v.rule.name === rule &&
          (v.cycle
            ? v.cycle.some((step) => step.name === from) && v.cycle.some((s) => s.name === to)
            : v.from === from && v.to === to),
      );
      expect(hits, `${rule}: ${from} -> ${to}`).not.toHaveLength(0);
    },
  );

  it("report nothing but the deliberate violations", () => {
    const expected = new Set(violations.flatMap((v) => Object.keys(v.files)));
    const unexpected = found.filter((v) => !expected.has(v.from));
    expect(unexpected).toEqual([]);
  });
});
