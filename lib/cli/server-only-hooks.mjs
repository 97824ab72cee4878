// Module resolution hooks (node:module register), loaded by ./server-only-outside-next.mjs.

/**
 * `server-only` resolves under React's "react-server" condition, to its empty module, as in
 * Next.js's server bundles; every other import resolves as before.
 * @param {string} specifier
 * @param {{ conditions: string[] }} context
 * @param {(specifier: string, context: object) => Promise<unknown>} nextResolve
 */
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, {
    ...context,
    conditions: [...context.conditions, "react-server"],
  });
}
