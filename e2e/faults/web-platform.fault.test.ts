import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/db/schema";
import { seedIssuedInvoice } from "./support/documents";
import { seedMerchant, type Merchant } from "./support/seed";
import { startWeb, stop, waitForHttp } from "./support/processes";
import { actionRef, callAction, callActionWithForm } from "./support/server-action";
import { APP_URL, startStack, type Stack } from "./support/stack";
import { recordFaults } from "./support/tally";

/**
 * The web platform's answers to what a browser or a stranger sends (issue 15): security
 * headers on every page and route, a CSP nonce on every script, a short safe request
 * id, 403 for a server action from another site, 413 for an upload over the one limit,
 * one payment out of four parallel "mark paid", and a health check that shows the queue.
 */
const SUITE = "web platform";
let stack: Stack;
let merchant: Merchant;
let token: string;

beforeAll(async () => {
  stack = await startStack("web_platform", { workers: 1 });
  merchant = await seedMerchant(stack.handle.db, { label: "Platform" });
  token = (await seedIssuedInvoice(stack.handle.db, merchant)).token;
});

afterAll(async () => {
  await stack?.stopAll();
});

describe("web platform", () => {
  it("sends the security headers on every kind of page and route", async () => {
    const paths = [
      ["/login", false],
      ["/documents", true],
      [`/d/${token}`, false],
      [`/d/${token}/pdf`, false],
      ["/api/health", false],
      ["/no-such-page", false],
    ] as const;
    const problems: string[] = [];
    let serverErrors = 0;
    for (const [path, signedIn] of paths) {
      const response = await fetch(`${APP_URL}${path}`, {
        headers: signedIn ? { cookie: merchant.cookie } : {},
        redirect: "manual",
      });
      const body = await response.text();
      if (response.status >= 500) serverErrors++;
      const csp = response.headers.get("content-security-policy") ?? "";
      const customer = path.startsWith("/d/");
      if (!csp.includes("frame-ancestors 'none'")) problems.push(`${path}: CSP ${csp}`);
      if (response.headers.get("x-content-type-options") !== "nosniff")
        problems.push(`${path}: nosniff`);
      const referrer = response.headers.get("referrer-policy");
      if (referrer !== (customer ? "no-referrer" : "strict-origin-when-cross-origin"))
        problems.push(`${path}: referrer-policy ${referrer}`);
      if (response.headers.get("content-type")?.startsWith("text/html")) {
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
        const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
        const without = scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`));
        if (!nonce || scripts.length === 0 || without.length > 0)
          problems.push(
            `${path}: ${without.length} of ${scripts.length} scripts without the nonce`,
          );
      }
    }
    recordFaults(SUITE, { tried: paths.length, serverErrors });
    expect(problems).toEqual([]);
  });

  it("answers with a short safe request id, never the 6,000 characters it was given", async () => {
    const given = "x".repeat(6_000);
    const response = await fetch(`${APP_URL}/api/health`, {
      headers: { "x-request-id": given },
    });
    await response.arrayBuffer();
    const id = response.headers.get("x-request-id") ?? "";
    const kept = await fetch(`${APP_URL}/api/health`, {
      headers: { "x-request-id": "lb-42.a" },
    });
    await kept.arrayBuffer();
    recordFaults(SUITE, {
      tried: 2,
      serverErrors: [response, kept].filter((r) => r.status >= 500).length,
    });
    expect(id.length).toBeGreaterThan(0);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(kept.headers.get("x-request-id")).toBe("lb-42.a");
  });

  it("answers 403 to a server action posted from another site", async () => {
    const ref = actionRef("app/(dashboard)/settings/actions.ts#removeLogo");
    const response = await fetch(`${APP_URL}${ref.page}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: merchant.cookie,
        origin: "https://evil.example",
        accept: "text/x-component",
        "next-action": ref.id,
        "content-type": "text/plain;charset=UTF-8",
      },
      body: "[]",
    });
    await response.arrayBuffer();
    recordFaults(SUITE, {
      tried: 1,
      serverErrors: response.status >= 500 ? 1 : 0,
    });
    expect(response.status).toBe(403);
  });

  it("answers 'too large' (413) to a statement over the one 5 MB limit", async () => {
    const upload = await callActionWithForm(
      actionRef("app/(dashboard)/payments/actions.ts#uploadStatement"),
      {
        statement: new Blob([new Uint8Array(6 * 1024 * 1024)], {
          type: "text/xml",
        }),
      },
      merchant.cookie,
    );
    recordFaults(SUITE, {
      tried: 1,
      serverErrors: upload.status >= 500 ? 1 : 0,
    });
    expect(upload.status).toBe(413);
    // Just under the limit is read by the action and refused with its own message.
    const under = await callActionWithForm(
      actionRef("app/(dashboard)/payments/actions.ts#uploadStatement"),
      {
        statement: new Blob([new Uint8Array(5 * 1024 * 1024 + 1)], {
          type: "text/xml",
        }),
      },
      merchant.cookie,
    );
    expect(under).toMatchObject({
      status: 200,
      result: { ok: false, error: "tooLarge" },
    });
  });

  it("records one payment for four parallel 'mark paid 10.00' on a 12.10 invoice", async () => {
    const invoice = await seedIssuedInvoice(stack.handle.db, merchant);
    const ref = actionRef("app/(dashboard)/documents/[id]/invoice-actions.ts#markInvoicePaid");
    const today = new Date().toISOString().slice(0, 10);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        callAction(
          ref,
          [invoice.id, { amount: "10.00", paidOn: today, method: "cash" }],
          merchant.cookie,
        ),
      ),
    );
    const recorded = await stack.handle.db
      .select()
      .from(payments)
      .where(eq(payments.documentId, invoice.id));
    recordFaults(SUITE, {
      tried: 4,
      duplicated: Math.max(0, recorded.length - 1),
      lost: recorded.length === 0 ? 1 : 0,
      serverErrors: answers.filter((a) => a.status >= 500).length,
    });
    expect(recorded.map((p) => p.amountCents)).toEqual([1000]);
    expect(answers.filter((a) => (a.result as { ok?: boolean })?.ok === true)).toHaveLength(1);
  });

  it("reports the database and the queue to a monitor", async () => {
    const response = await fetch(`${APP_URL}/api/health`);
    const health = (await response.json()) as {
      ok: boolean;
      queue: {
        waiting: number;
        oldestWaitingSeconds: number;
        workersSeen: number;
        stalled: boolean;
      };
    };
    recordFaults(SUITE, {
      tried: 1,
      serverErrors: response.status >= 500 ? 1 : 0,
    });
    expect(health.ok).toBe(true);
    expect(health.queue.workersSeen).toBeGreaterThanOrEqual(1);
    expect(typeof health.queue.oldestWaitingSeconds).toBe("number");
    expect(health.queue.stalled).toBe(false);
  });

  it("behind https (APP_URL), sends HSTS and only Secure cookies", async () => {
    // The same server, told that its public address is https (TLS ends at a proxy in front).
    await stop(stack.web);
    stack.web = startWeb(
      {
        ...stack.env,
        APP_URL: APP_URL.replace("http:", "https:"),
        AUTH_URL: APP_URL.replace("http:", "https:"),
      },
      "web_platform-web-https",
    );
    await waitForHttp(`${APP_URL}/api/health`, 90_000, stack.web);
    try {
      const page = await fetch(`${APP_URL}/login`);
      await page.arrayBuffer();
      const csrf = await fetch(`${APP_URL}/api/auth/csrf`);
      await csrf.arrayBuffer();
      const cookies = csrf.headers.getSetCookie();
      recordFaults(SUITE, {
        tried: 2,
        serverErrors: [page, csrf].filter((r) => r.status >= 500).length,
      });
      expect(page.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      expect(cookies.length).toBeGreaterThan(0);
      expect(cookies.filter((c) => !/;\s*secure/i.test(c))).toEqual([]);
    } finally {
      await stop(stack.web);
      stack.web = startWeb(stack.env, "web_platform-web-again");
      await waitForHttp(`${APP_URL}/api/health`, 90_000, stack.web);
    }
  });
});
