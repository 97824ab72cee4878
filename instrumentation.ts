/** Runs once when the Next.js server starts (never during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onServerStart } = await import("@/app/_server/on-server-start");
  await onServerStart();
}
