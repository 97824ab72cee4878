import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite loads its WASM through file URLs that break when bundled (docs/stack.md G5).
  // @shopify/shopify-api: one copy from node_modules for the worker (instrumentation)
  // and the route handlers, so its error classes and fetch hook are the same everywhere.
  // saxon-js and xmllint-wasm (Peppol validation): a 7 MB prebuilt script and a worker
  // thread started from its own folder, both used as they are installed.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pino",
    "pg-boss",
    "proper-lockfile",
    "@shopify/shopify-api",
    "saxon-js",
    "xmllint-wasm",
  ],
  poweredByHeader: false,
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
};

export default withNextIntl(nextConfig);
