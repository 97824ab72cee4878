/**
 * Facturo's operator CLI: `npm run facturo -- <command>` (see ./run.ts for the commands,
 * ./main.ts for the process wiring). The CLI runs server code outside Next.js, so the
 * `server-only` marker is resolved first (./server-only-outside-next.mjs), then the CLI is
 * loaded: dynamically, because a static import would resolve it before the hook exists.
 * Every way of starting it (npm scripts, `node --import tsx`, the bench, the fault suite)
 * gets this without a flag.
 */
import "./server-only-outside-next.mjs";

await import("./main");
