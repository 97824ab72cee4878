/**
 * Starts one stand-in for `npm run dev`; a port already taken (another `npm run dev`, an
 * e2e run) stops the launcher with a sentence naming the variable that moves it, instead
 * of a stack trace.
 */
export async function startOnPort<T>(
  what: string,
  variable: string,
  port: number,
  start: (port: number) => Promise<T>,
): Promise<T> {
  try {
    return await start(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    console.error(
      `Port ${port} is already in use, so the ${what} cannot start (another "npm run dev" ` +
        `or a test run?). Stop it, or choose another port with ${variable}=<port>.`,
    );
    process.exit(1);
  }
}
