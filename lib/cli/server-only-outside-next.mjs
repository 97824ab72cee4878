/**
 * Modules that hold secrets (the secret box, the configuration, the database client, the
 * Shopify app, the email transport…) start with `import "server-only"`, so that Next.js
 * refuses to bundle them into a Client Component. Outside Next.js that package throws on
 * import. A process that runs this server code without Next.js (the CLI and its worker,
 * the bench, scripts of the fault suite, the test that opens PGlite from a second process)
 * loads this file before that code: `node --import tsx --import ./lib/cli/server-only-outside-next.mjs`,
 * or first thing in its entry, as lib/cli/facturo.ts does.
 *
 * Only `server-only` changes (./server-only-hooks.mjs). A process-wide
 * `--conditions=react-server` would also give @react-pdf React's server build, and the
 * worker could no longer render a PDF.
 */
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
