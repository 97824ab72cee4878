import type { Page } from "@playwright/test";
import { BASE_URL } from "./constants";

/**
 * Reads emails back from the app's local outbox (EMAIL_TRANSPORT=outbox):
 * `/outbox` lists them newest first (a table row per email: date, to, subject linking
 * to `/outbox/<id>`), and `/outbox/<id>` shows the text body in
 * `<pre data-testid="email-text">`.
 *
 * Emails are sent through the job queue, so they appear a moment after the action
 * that sends them; the helpers poll. An email is returned at most once per worker
 * process (magic links work once), so asking twice for the same address waits for a
 * NEW email instead of returning the previous one.
 */

export interface OutboxEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

export interface OutboxWaitOptions {
  /** How long to keep polling /outbox. Default 20 s. */
  timeoutMs?: number;
  /** Only emails whose subject contains this text (case-insensitive). */
  subject?: string | RegExp;
}

const consumedIds = new Set<string>();

interface OutboxRow {
  id: string;
  cells: string[];
  subject: string;
}

async function readOutboxRows(page: Page): Promise<OutboxRow[]> {
  const response = await page.goto("/outbox", { waitUntil: "domcontentloaded" });
  if (!response || response.status() !== 200) {
    throw new Error(
      `GET /outbox answered ${response?.status() ?? "nothing"}; is the server running with EMAIL_TRANSPORT=outbox?`,
    );
  }
  return page.locator("table tbody tr").evaluateAll((rows) =>
    rows.flatMap((row) => {
      const link = row.querySelector<HTMLAnchorElement>('a[href*="/outbox/"]');
      const id = link ? new URL(link.href).pathname.split("/").filter(Boolean).pop() : undefined;
      if (!link || !id) return [];
      const cells = Array.from(row.querySelectorAll("td, th"), (c) => (c.textContent ?? "").trim());
      return [{ id, cells, subject: (link.textContent ?? "").trim() }];
    }),
  );
}

function isAddressedTo(row: OutboxRow, address: string): boolean {
  const wanted = address.trim().toLowerCase();
  return row.cells.some((cell) =>
    cell
      .toLowerCase()
      .split(/[\s,;<>()"']+/)
      .includes(wanted),
  );
}

function subjectMatches(subject: string, filter: OutboxWaitOptions["subject"]): boolean {
  if (filter === undefined) return true;
  if (typeof filter === "string") return subject.toLowerCase().includes(filter.toLowerCase());
  return filter.test(subject);
}

/**
 * The newest email to `address` not yet returned by these helpers, with its text body.
 * Uses a separate tab of the same browser context, so `page` stays where it is.
 */
export async function latestEmail(
  page: Page,
  address: string,
  options: OutboxWaitOptions = {},
): Promise<OutboxEmail> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  const tab = await page.context().newPage();
  try {
    let rows: OutboxRow[] = [];
    for (let attempt = 0; ; attempt++) {
      rows = await readOutboxRows(tab);
      const match = rows.find(
        (row) =>
          !consumedIds.has(row.id) &&
          isAddressedTo(row, address) &&
          subjectMatches(row.subject, options.subject),
      );
      if (match) {
        await tab.goto(`/outbox/${match.id}`, { waitUntil: "domcontentloaded" });
        const text = await tab.getByTestId("email-text").textContent();
        if (text === null) throw new Error(`/outbox/${match.id} has no email-text element`);
        consumedIds.add(match.id);
        return { id: match.id, to: address, subject: match.subject, text };
      }
      if (Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 1_000)));
    }
    const seen = rows.map((r) => `  - ${r.cells.join(" | ")}`).join("\n") || "  (outbox is empty)";
    throw new Error(
      `No new email to ${address}${options.subject ? ` with subject ${String(options.subject)}` : ""} ` +
        `appeared in /outbox within ${timeoutMs} ms. Newest rows seen:\n${seen}`,
    );
  } finally {
    await tab.close();
  }
}

/** Matches Auth.js email-callback links to this server, e.g. /api/auth/callback/email?token=… */
const MAGIC_LINK = new RegExp(
  `${BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/api/auth/callback/[^\\s"'<>]+`,
);

/**
 * Waits for the newest sign-in email to `address` and returns its magic link
 * (the first `http://localhost:3000/api/auth/callback/...` URL in the text body).
 *
 *   await page.getByLabel("Email").fill(email);
 *   await page.getByRole("button", { name: "Send" }).click();
 *   await page.goto(await latestMagicLink(page, email));
 */
export async function latestMagicLink(
  page: Page,
  address: string,
  options: OutboxWaitOptions = {},
): Promise<string> {
  const email = await latestEmail(page, address, options);
  const found = MAGIC_LINK.exec(email.text)?.[0];
  if (!found) {
    throw new Error(
      `The email "${email.subject}" to ${address} (/outbox/${email.id}) has no ` +
        `${BASE_URL}/api/auth/callback/ link. Its text:\n${email.text}`,
    );
  }
  // A link at the end of a sentence may carry the sentence's punctuation.
  return found.replace(/[.,;:!?)\]]+$/, "");
}
