import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/security/body-limits";

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
  // One limit for the bank statement upload and every server action (lib/security/body-limits.ts);
  // proxy.ts answers 413 beyond it, before Next.js would fail with a 500.
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES } },
  // The files proxy.ts does not see (build output, icons) get the fixed security headers.
  headers: async () =>
    ["/_next/static/:path*", "/icon.svg", "/robots.txt"].map((source) => ({
      source,
      headers: [
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      ],
    })),
};

export default withNextIntl(nextConfig);
