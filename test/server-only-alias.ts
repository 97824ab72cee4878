import { fileURLToPath } from "node:url";

/**
 * Tests run server code outside Next.js: `import "server-only"` (which throws unless
 * resolved under React's "react-server" condition, as Next.js's server bundles do) is
 * resolved to the package's own empty module. Only that import: a "react-server"
 * condition for everything would also give @react-pdf React's server build, which
 * cannot render a PDF. The CLI does the same with lib/cli/server-only-hooks.mjs.
 */
export const serverOnlyAlias = {
  find: /^server-only$/,
  replacement: fileURLToPath(new URL("../node_modules/server-only/empty.js", import.meta.url)),
};
