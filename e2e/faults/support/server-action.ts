import { APP_URL } from "./stack";
import type { ActionRef } from "./app-inventory";

/**
 * Calls a server action over HTTP the way the browser does: a POST to a page that
 * uses it, with the action id in `Next-Action` and the arguments as JSON (React's
 * encoding of plain values). Returns the status and the action's result, read from
 * the RSC answer when there is one.
 */
export async function callAction(ref: ActionRef, args: unknown[], cookie: string) {
  const response = await fetch(`${APP_URL}${ref.page.replace(/\[[^\]]+\]/g, "x")}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      cookie,
      origin: APP_URL,
      accept: "text/x-component",
      "next-action": ref.id,
      "content-type": "text/plain;charset=UTF-8",
    },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  // RSC rows look like `1:{"ok":false,...}`; row 0 is Next's envelope.
  const row = /^1:(.*)$/m.exec(text)?.[1];
  let result: unknown;
  try {
    result = row ? (JSON.parse(row) as unknown) : undefined;
  } catch {
    result = row;
  }
  return { status: response.status, result, redirectedTo: response.headers.get("location") };
}
