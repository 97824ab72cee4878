import { APP_URL } from "./stack";
import { serverActionIds, type ActionRef } from "./app-inventory";

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

/**
 * Calls a server action whose one argument is a FormData (an upload), encoded as React
 * does: a multipart body whose field `0` is `["$K1"]` and whose fields are prefixed `_1_`.
 */
export async function callActionWithForm(
  ref: ActionRef,
  fields: Record<string, string | Blob>,
  cookie: string,
  headers: Record<string, string> = {},
) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value instanceof Blob) body.append(`_1_${name}`, value, name);
    else body.append(`_1_${name}`, value);
  }
  // Last, as React sends it: the server reads the fields that came before the root.
  body.set("0", JSON.stringify(["$K1"]));
  const response = await fetch(`${APP_URL}${ref.page.replace(/\[[^\]]+\]/g, "x")}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      cookie,
      origin: APP_URL,
      accept: "text/x-component",
      "next-action": ref.id,
      ...headers,
    },
    body,
  });
  const text = await response.text();
  const row = /^1:(.*)$/m.exec(text)?.[1];
  let result: unknown;
  try {
    result = row ? (JSON.parse(row) as unknown) : undefined;
  } catch {
    result = row;
  }
  return { status: response.status, result };
}

/** The build's id of one server action, by `file#export`. */
export function actionRef(name: string): ActionRef {
  const ref = serverActionIds().get(name);
  if (!ref) throw new Error(`No server action ${name} in the build`);
  return ref;
}
