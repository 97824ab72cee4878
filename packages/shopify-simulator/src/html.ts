/**
 * Minimal HTML templating. Every interpolated value goes through `escapeHtml` — order
 * names, customer names and notes come from payloads and may be hostile.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** A value already rendered as HTML, so `html` does not escape it again. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | Interpolation[];

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(value);
}

/** Tagged template: literal parts are trusted, every `${…}` is escaped (arrays joined). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; background: #f1f2f4; color: #1a1a1a; }
  header.sim { background: #008060; color: #fff; padding: 0.75rem 1.5rem; display: flex;
    gap: 1rem; align-items: baseline; }
  header.sim a { color: #fff; }
  header.sim .brand { font-weight: 700; font-size: 1.1rem; }
  header.sim .tag { background: #fff3; border-radius: 4px; padding: 0.1rem 0.5rem; font-size: 0.85rem; }
  main { max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
  .card { background: #fff; border-radius: 12px; box-shadow: 0 1px 2px #0002; padding: 1.25rem 1.5rem;
    margin-bottom: 1rem; }
  .narrow { max-width: 28rem; margin-left: auto; margin-right: auto; }
  h1 { font-size: 1.4rem; margin-top: 0; } h2 { font-size: 1.1rem; }
  label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
  input[type=email], input[type=password], input[type=text], select {
    width: 100%; box-sizing: border-box; padding: 0.5rem; border: 1px solid #8a8a8a; border-radius: 8px;
    font: inherit; }
  button { font: inherit; padding: 0.5rem 1rem; border-radius: 8px; border: 1px solid #8a8a8a;
    background: #fff; cursor: pointer; }
  button.primary { background: #008060; border-color: #006e52; color: #fff; font-weight: 600; }
  button.danger { border-color: #b42318; color: #b42318; }
  button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible {
    outline: 3px solid #005bd3; outline-offset: 2px; }
  .actions { display: flex; gap: 0.5rem; margin-top: 1rem; flex-wrap: wrap; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 0.4rem;
    border-bottom: 1px solid #e3e3e3; vertical-align: top; }
  form.inline { display: inline; }
  .muted { color: #616161; } .ok { color: #0c5132; } .bad { color: #8e1f0b; }
  .notice { background: #e0f0ff; border-radius: 8px; padding: 0.5rem 1rem; }
  code { background: #f1f1f1; padding: 0 0.25rem; border-radius: 4px; }
`;

/** A full page with the "Shopify (simulated)" header. */
export function page(title: string, body: SafeHtml, headerExtra?: SafeHtml): string {
  return `<!doctype html>\n${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Shopify (simulated)</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <header class="sim" role="banner">
          <span class="brand">Shopify</span><span class="tag">simulated</span>
          ${headerExtra ?? ""}
        </header>
        <main>${body}</main>
      </body>
    </html> `.value
  }`;
}
