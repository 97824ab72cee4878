// @ts-check
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/**
 * Flat config: typescript-eslint's type-checked rules on every TS/TSX file, using the
 * TypeScript project service (the same tsconfig.json that `npm run typecheck` uses).
 * Relaxations are limited to what Next.js idioms need; each one says why.
 */
export default defineConfig(
  globalIgnores([
    ".next/",
    "node_modules/",
    "db/migrations/",
    ".data/",
    "next-env.d.ts",
    "test-results/",
    ".ci-results/",
    "playwright-report/",
    "e2e/screenshots/",
    "bench/results/",
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  // Next.js's own rules (what `eslint-config-next/core-web-vitals` enables).
  nextPlugin.configs["core-web-vitals"],
  // The two classic hook rules only; the React Compiler rules of the plugin's
  // "recommended" preset parse every file with Babel again and are not used here.
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },

  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // An un-awaited promise in a server action or route handler is a lost write or a
      // swallowed error.
      "@typescript-eslint/no-floating-promises": "error",
      // Server actions must be `async` even when they do not await anything.
      "@typescript-eslint/require-await": "off",
      // `<form action={serverAction}>` and `onSubmit={handleSubmit(...)}` take
      // promise-returning functions by design; keep the check everywhere else.
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  // Layers you cannot cross by accident (issue 13). The stand-ins under packages/ are dev
  // and test tools: product code never imports them (only tests, their support and the
  // dev launcher in scripts/ do), and they never import the app (the `@/` alias, or a
  // relative path out of their package).
  {
    files: [
      "lib/**/*.{ts,tsx}",
      "db/**/*.{ts,tsx}",
      "app/**/*.{ts,tsx}",
      "components/**/*.{ts,tsx}",
    ],
    ignores: ["**/*.test.ts", "**/*.test-support.ts", "lib/shopify/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@facturo/*", "**/packages/*/**", "@/packages/**", "@/e2e/**", "**/e2e/**"],
              message:
                "Stand-ins and e2e helpers are dev/test tools, not part of the product: only tests (*.test.ts, *.test-support.ts, lib/shopify/testing/) may import them.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/*", "../../*"],
              message:
                "A stand-in is self-contained: no imports from the app (@/…) or from outside its package; pass what it needs as an option.",
            },
          ],
        },
      ],
    },
  },

  // Plain JavaScript (this file, any .mjs script): not part of tsconfig.json, so no
  // type information; Node globals only.
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
  },
  // CommonJS configuration files (.dependency-cruiser.cjs).
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { module: "writable", require: "readonly" },
    },
  },
);
