// @ts-check
/**
 * Facturo's import boundaries, checked by `npm run lint` (dependency-cruiser over the
 * whole repository). Each rule says why it exists; `test/lint-boundaries.test.ts` writes a
 * small tree with one violation per rule and fails if a rule stops catching it.
 *
 * Paths are relative to the repository root. Imports are resolved as TypeScript resolves
 * them (tsconfig `paths`, `@/…`), npm workspaces through their symlinks (so a package in
 * packages/ is caught under its real path, whatever name it is imported by), and type-only
 * imports count: a cycle of types is still a cycle to untangle, and a component's type
 * import is allowed only where a rule says so.
 */

/** Test code: may use the stand-ins of e2e/ (or packages/) and cross layers to set a scene. */
const TEST_FILES = String.raw`(\.test\.tsx?|\.test-support\.tsx?)$`;
/** Test helpers that use the Shopify simulator (a merchant, a shop, the test environment). */
const SHOPIFY_TEST_HELPERS = String.raw`^lib/shopify/testing/`;
/** Test helpers that run jobs (a worker on the test database with the registry's handlers). */
const JOB_TEST_HELPERS = String.raw`^lib/jobs/testing/`;

/** What ships: the Next.js app and everything it runs (the CLI included). */
const PRODUCT = String.raw`^(lib|db|app|components)/|^(auth|proxy|instrumentation)\.ts$`;
/** Stand-ins, simulators and the e2e suite: development tools that tests may use. */
const STAND_INS = String.raw`^(e2e|packages)/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "No import cycles anywhere, type-only and dynamic imports included: a cycle makes " +
        "module order matter and hides which layer depends on which.",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-db-not-next",
      severity: "error",
      comment:
        "lib/ and db/ are plain TypeScript, run by the CLI, the worker and tests without " +
        "Next.js. The one exception is lib/i18n/request.ts, next-intl's request config, " +
        "which Next.js loads itself (next.config.ts).",
      from: { path: "^(lib|db)/", pathNot: "^lib/i18n/request\\.ts$" },
      to: { path: "^node_modules/(next|next-auth|next-intl|@next/[^/]+|@auth/[^/]+)/" },
    },
    {
      name: "lib-db-not-app-or-components",
      severity: "error",
      comment:
        "The domain and persistence layers do not know the web layer: app/ and components/ " +
        "call lib/ and db/, never the reverse (the process-wide queue, for one, is handed " +
        "down from app/_server, not fetched from lib/).",
      from: { path: "^(lib|db)/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "product-not-stand-ins",
      severity: "error",
      comment:
        "What ships never imports the stand-ins and simulators (e2e/, packages/). Tests and " +
        "their helpers may; the dev launcher that starts them lives in scripts/.",
      from: { path: PRODUCT, pathNot: `${TEST_FILES}|${SHOPIFY_TEST_HELPERS}` },
      to: { path: STAND_INS },
    },
    {
      name: "product-not-bench-or-scripts",
      severity: "error",
      comment: "Nothing in the product folders, tests included, imports the bench or scripts.",
      from: { path: PRODUCT },
      to: { path: "^(bench|scripts)/" },
    },
    {
      name: "components-not-server-context",
      severity: "error",
      comment:
        "Components render what they are given: the page resolves the session and the " +
        "organisation (app/_server) and passes the data down.",
      from: { path: "^components/" },
      to: { path: "^app/_server/" },
    },
    {
      name: "components-not-queries",
      severity: "error",
      comment:
        "Components never query the database (db/queries, the client): pages do, and pass " +
        "rows as props. Importing a row's type is allowed (erased at build, it describes " +
        "the props); importing a query function or any value is not.",
      from: { path: "^components/" },
      to: {
        path: "^db/(queries/|client\\.ts$|index\\.ts$)",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "db-not-jobs",
      severity: "error",
      comment:
        "Persistence does not depend on the job system: jobs call db/queries, not the " +
        "reverse. Tests in db/ may run a job to check what a query feeds it.",
      from: { path: "^db/", pathNot: TEST_FILES },
      to: { path: "^lib/jobs/" },
    },
    {
      name: "job-handlers-only-from-registry",
      severity: "error",
      comment:
        "A job handler is loaded by the worker's registry (lib/jobs/registry.ts). Code that " +
        "enqueues imports the job's definition (<name>.job.ts), never its handler, so " +
        "queueing a job does not load its dependencies. The CLI may run a job in place " +
        "(bank:import); tests may call a handler directly.",
      from: { pathNot: `^lib/jobs/registry\\.ts$|^lib/cli/|${TEST_FILES}|${JOB_TEST_HELPERS}` },
      to: { path: "\\.handler\\.tsx?$" },
    },
    {
      name: "job-registry-only-from-workers",
      severity: "error",
      comment:
        "The registry (every handler) is for the processes that run jobs: the in-web worker " +
        "(app/_server/run-worker.ts) and `facturo worker`, plus tests.",
      from: {
        pathNot: `^app/_server/run-worker\\.ts$|^lib/cli/commands/worker\\.ts$|${TEST_FILES}|${JOB_TEST_HELPERS}`,
      },
      to: { path: "^lib/jobs/registry\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: {
      path: String.raw`^(\.next|\.data|\.git|\.ci-results|test-results|playwright-report|bench/results|db/migrations|test/fixtures)/`,
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
