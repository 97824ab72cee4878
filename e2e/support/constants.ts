import path from "node:path";

/**
 * Always `localhost`, never 127.0.0.1: Next.js rewrites 127.x to localhost in
 * request URLs, so Auth.js builds its links and CSRF cookies for localhost (stack.md G13).
 */
export const BASE_URL = "http://localhost:3000";

/** Where journey specs write their screenshots (PNGs are gitignored). */
export const SCREENSHOTS_DIR = path.resolve(import.meta.dirname, "..", "screenshots");

/** `e2e/screenshots/<name>.png`, for `page.screenshot({ path: screenshotPath("home") })`. */
export function screenshotPath(name: string): string {
  return path.join(SCREENSHOTS_DIR, name.endsWith(".png") ? name : `${name}.png`);
}
