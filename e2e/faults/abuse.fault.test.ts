import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents, emails, shopifyConnections, verificationTokens } from "@/db/schema";
import { startQueue } from "@/lib/jobs/queue";
import { sendEmailJob } from "@/lib/email/jobs/send-email.job";
import { LIMITS } from "@/lib/security/limits";
import { enqueue } from "@/lib/jobs/queue";
import { eventually, windowsTouched } from "./support/checks";
import { seedConcept, seedCustomer } from "./support/documents";
import { seedMerchant, type Merchant } from "./support/seed";
import { actionRef, callAction } from "./support/server-action";
import { APP_URL, startStack, type Stack } from "./support/stack";
import { recordFaults } from "./support/tally";
import { makeOrder, post, type Delivery } from "./support/webhooks";

/**
 * Misuse rather than overload (issue 15): a flood of sign-in requests, an account used
 * to send mail from Facturo's domain, a captured signed Shopify body re-sent under
 * another shop's name or topic, an API key hammered. Each is refused with a clear 4xx
 * (never a 5xx) and leaves nothing behind.
 */
const SUITE = "abuse";
let stack: Stack;
let a: Merchant;
let b: Merchant;

beforeAll(async () => {
  stack = await startStack("abuse", { workers: 1 });
  a = await seedMerchant(stack.handle.db, { label: "Abuse A" });
  b = await seedMerchant(stack.handle.db, { label: "Abuse B" });
});

afterAll(async () => {
  await stack?.stopAll();
});

/** Auth.js's email sign-in, as its own form posts it (CSRF token and cookie first). */
async function requestSignIn(email: string, client: string): Promise<number> {
  const csrf = await fetch(`${APP_URL}/api/auth/csrf`, {
    headers: { "x-forwarded-for": client },
  });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${APP_URL}/api/auth/signin/email`, {
    method: "POST",
    redirect: "manual",
    headers: {
      cookie,
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": client,
    },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: `${APP_URL}/documents` }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe("abuse", () => {
  it("limits a sign-in flood, and a real user's link still arrives at once", async () => {
    // A backlog of other mail: sign-in links must not wait behind it.
    const queue = await startQueue(stack.handle);
    try {
      for (let i = 0; i < 300; i++) {
        await enqueue(queue, sendEmailJob, {
          to: `backlog-${i}@example.be`,
          subject: "Backlog",
          text: "Other mail",
        });
      }
    } finally {
      await queue.stop({ graceful: false, close: false });
    }
    const victim = `victim-${randomBytes(3).toString("hex")}@example.be`;
    const attacker = "203.0.113.66";
    const statuses: number[] = [];
    for (let batch = 0; batch < 30; batch++) {
      statuses.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            requestSignIn(i % 2 === 0 ? victim : `x${batch}-${i}@example.be`, attacker),
          ),
        )),
      );
    }
    const accepted = statuses.filter((s) => s === 302 || s === 200).length;
    const refused = statuses.filter((s) => s === 429).length;
    const user = `user-${randomBytes(3).toString("hex")}@example.be`;
    const asked = Date.now();
    const userStatus = await requestSignIn(user, "198.51.100.7");
    const arrived = await eventually(
      "the real user's sign-in email",
      async () => {
        const [row] = await stack.handle.db.select().from(emails).where(eq(emails.toAddress, user));
        return row;
      },
      60_000,
    );
    const delay = Date.now() - asked;
    const victimLinks = await stack.handle.db
      .select()
      .from(verificationTokens)
      .where(eq(verificationTokens.identifier, victim));
    const jobs = await stack.handle.executeSql(
      "select data::text as data from pgboss.job where name = 'send-sign-in-email'",
    );
    console.log(
      `sign-in flood: ${accepted} accepted, ${refused} refused (429); the user's link in ${delay} ms`,
    );
    recordFaults(SUITE, {
      tried: statuses.length + 1,
      serverErrors: statuses.filter((s) => s >= 500).length + (userStatus >= 500 ? 1 : 0),
    });
    expect(accepted + refused).toBe(300);
    expect(accepted).toBeLessThanOrEqual(10);
    expect([200, 302]).toContain(userStatus);
    expect(delay).toBeLessThan(20_000);
    // One usable link per address at a time, and no usable link kept anywhere.
    expect(victimLinks.length).toBeLessThanOrEqual(1);
    expect(arrived.text).not.toMatch(/callback\/email\?/);
    for (const row of jobs.rows as { data: string }[]) {
      expect(row.data).not.toMatch(/callback\/email|token=/);
    }
  });

  it("caps a new organisation's emails per day, and keeps links to its own domains", async () => {
    const c = await seedMerchant(stack.handle.db, { label: "Abuse C", connectShop: false });
    const customerId = await seedCustomer(stack.handle.db, c, "target@example.be");
    const ids: string[] = [];
    for (let i = 0; i < 35; i++) ids.push(await seedConcept(stack.handle.db, c, customerId));
    const sent = await callAction(
      actionRef("app/(dashboard)/documents/actions.ts#sendDocuments"),
      [ids],
      c.cookie,
    );
    const concepts = await stack.handle.db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.organisationId, c.organisationId), eq(documents.status, "concept")));
    const text = (emailBody: string) => ({
      documentType: "invoice",
      paymentState: "unpaid",
      language: "fr",
      legend: "",
      emailSubject: "Votre facture",
      emailBody,
    });
    const saveText = actionRef("app/(dashboard)/settings/texts/actions.ts#saveDocumentTextAction");
    const phishing = await callAction(
      saveText,
      [text("Payez ici : https://evil.example/pay {paymentLink}")],
      c.cookie,
    );
    const own = await callAction(saveText, [text(`Voir ${APP_URL}/d/x {paymentLink}`)], c.cookie);
    recordFaults(SUITE, {
      tried: 3,
      serverErrors: [sent, phishing, own].filter((r) => r.status >= 500).length,
    });
    expect(sent.result).toMatchObject({
      ok: true,
      data: { queued: 30, overDailyLimit: 5, dailyLimit: 30, newOrganisation: true },
    });
    expect(concepts).toHaveLength(5);
    expect(phishing.result).toMatchObject({
      ok: false,
      fieldErrors: { emailBody: "texts.errors.foreignLink" },
    });
    expect(own.result).toMatchObject({ ok: true });
  });

  it("refuses a signed body re-sent under another shop's name or topic, or too late", async () => {
    const order = makeOrder(Math.floor(Math.random() * 1e9));
    const base = { webhookId: "", body: "" } as Delivery;
    const send = (topic: string, shop: string, body: unknown, headers?: Record<string, string>) =>
      post({
        ...base,
        topic,
        shop,
        body: JSON.stringify(body),
        webhookId: randomUUID(),
        ...(headers ? { headers } : {}),
      });
    const genuine = await send("orders/create", a.shop, order);
    const attempts = {
      "A's order under B's name": await send("orders/paid", b.shop, order),
      "A's uninstall under B's name": await send("app/uninstalled", b.shop, {
        id: 1,
        myshopify_domain: a.shop,
        domain: a.shop,
      }),
      "A's shop/redact under B's name": await send("shop/redact", b.shop, {
        shop_id: 1,
        shop_domain: a.shop,
      }),
      "an order body as B's uninstall": await send("app/uninstalled", b.shop, order),
      "a delivery triggered 6 hours ago": await send("orders/create", a.shop, makeOrder(7), {
        "x-shopify-triggered-at": new Date(Date.now() - 6 * 3600_000).toISOString(),
      }),
    };
    const [connection] = await stack.handle.db
      .select({ status: shopifyConnections.status })
      .from(shopifyConnections)
      .where(eq(shopifyConnections.organisationId, b.organisationId));
    const stored = await stack.handle.executeSql(
      "select count(*)::int as n from shopify_webhook_delivery where shop = $1",
      [b.shop],
    );
    const statuses = [genuine, ...Object.values(attempts)];
    recordFaults(SUITE, {
      tried: statuses.length,
      serverErrors: statuses.filter((s) => s >= 500).length,
    });
    expect(genuine).toBe(200);
    expect(attempts).toEqual(Object.fromEntries(Object.keys(attempts).map((k) => [k, 400])));
    expect(connection?.status).toBe("connected");
    expect(Number((stored.rows[0] as { n: number }).n)).toBe(0);
  });

  it("limits one API key to its rate, with 429 and Retry-After", async () => {
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: 150 }, async () => {
        const response = await fetch(`${APP_URL}/api/v1/organisation`, {
          headers: { authorization: `Bearer ${b.apiKey}` },
        });
        await response.arrayBuffer();
        return { status: response.status, retryAfter: response.headers.get("retry-after") };
      }),
    );
    const ok = statuses.filter((s) => s.status === 200).length;
    const limited = statuses.filter((s) => s.status === 429);
    console.log(`API key flood: ${ok} answered, ${limited.length} limited`);
    recordFaults(SUITE, {
      tried: statuses.length,
      serverErrors: statuses.filter((s) => s.status >= 500).length,
    });
    expect(ok + limited.length).toBe(150);
    const { limit, windowSeconds } = LIMITS.apiPerKey;
    const windows = windowsTouched(started, windowSeconds);
    expect(ok).toBeLessThanOrEqual(limit * windows);
    expect(limited.length).toBeGreaterThanOrEqual(150 - limit * windows);
    expect(limited.every((s) => Number(s.retryAfter) > 0)).toBe(true);
  });
});
