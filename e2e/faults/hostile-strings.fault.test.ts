import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdfText } from "@/lib/pdf/pdf-text.test-support";
import { eventually } from "./support/checks";
import { UNESCAPED_MARKERS, withHostileText } from "./support/hostile-strings";
import { seedMerchant, type Merchant } from "./support/seed";
import { APP_URL, startStack, type Stack } from "./support/stack";
import { recordFaults } from "./support/tally";
import { delivery, makeOrder, post } from "./support/webhooks";

/**
 * Script, SQL, RTL, emoji, template and header-injection strings in every free-text
 * field of a real order, sent automatically: the document, its PDF and its email
 * exist, show the strings as text, and no served HTML carries them unescaped.
 */
let stack: Stack;
let merchant: Merchant;
let documentId: string;

const SUITE = "hostile strings";

beforeAll(async () => {
  stack = await startStack("hostile_strings", { workers: 1 });
  merchant = await seedMerchant(stack.handle.db, {
    settings: { trigger: "order_created", autoSend: true },
  });
  const order = withHostileText(makeOrder(3000)) as Record<string, unknown>;
  const status = await post(delivery("orders/create", merchant.shop, order));
  recordFaults(SUITE, { tried: 1, serverErrors: status >= 500 ? 1 : 0 });
  expect(status).toBe(200);
  documentId = await eventually(
    "the order's document, sent",
    async () => {
      const found = await stack.handle.executeSql(
        `select d.id from document d join document_send s on s.document_id = d.id
       where d.organisation_id = $1 and s.status = 'sent'`,
        [merchant.organisationId],
      );
      return (found.rows[0] as { id: string } | undefined)?.id;
    },
    90_000,
  ).catch(async (err: Error) => {
    const state = await stack.handle.executeSql(
      `select status, outcome, error from shopify_webhook_delivery where organisation_id = $1`,
      [merchant.organisationId],
    );
    recordFaults(SUITE, { lost: 1 });
    throw new Error(`${err.message}; deliveries: ${JSON.stringify(state.rows)}`);
  });
});

afterAll(async () => {
  await stack?.stopAll();
});

async function page(pathname: string) {
  const response = await fetch(`${APP_URL}${pathname}`, { headers: { cookie: merchant.cookie } });
  const html = await response.text();
  recordFaults(SUITE, { tried: 1, serverErrors: response.status >= 500 ? 1 : 0 });
  return { status: response.status, html };
}

/** Names the marker found, rather than printing the whole page. */
function expectEscaped(html: string) {
  expect(UNESCAPED_MARKERS.filter((marker) => html.includes(marker))).toEqual([]);
}

describe("hostile strings in every order field", () => {
  it.each(["/documents", "/customers", "/apps/shopify/inbox"])(
    "%s renders them as text",
    async (pathname) => {
      const { status, html } = await page(pathname);
      expect(status).toBe(200);
      expectEscaped(html);
    },
  );

  it("the document page shows them escaped", async () => {
    const { status, html } = await page(`/documents/${documentId}`);
    expect(status).toBe(200);
    expectEscaped(html);
    // The strings are there, as text: the check above could have failed.
    expect(html.includes("&lt;script&gt;alert(")).toBe(true);
    expect(html.includes("&lt;svg onload=")).toBe(true);
  });

  it("the customer page and the concept editor show them escaped", async () => {
    const customers = await stack.handle.executeSql(
      `select id from customer where organisation_id = $1`,
      [merchant.organisationId],
    );
    for (const { id } of customers.rows as { id: string }[]) {
      const { status, html } = await page(`/customers/${id}`);
      expect(status).toBe(200);
      expectEscaped(html);
    }
  });

  it("the PDF holds them as plain text", async () => {
    const response = await fetch(`${APP_URL}/api/documents/${documentId}/pdf`, {
      headers: { cookie: merchant.cookie },
    });
    recordFaults(SUITE, { tried: 1, serverErrors: response.status >= 500 ? 1 : 0 });
    expect(response.status).toBe(200);
    const { text } = await readPdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain(`alert("xss-script")`);
    expect(text).toContain("DROP TABLE document");
  });

  it("the email keeps them in its body, never in its headers", async () => {
    const found = await stack.handle.executeSql(
      `select id, subject, to_address, from_address, reply_to, text, html from email
       where organisation_id = $1`,
      [merchant.organisationId],
    );
    const emails = found.rows as {
      id: string;
      subject: string;
      to_address: string;
      from_address: string;
      reply_to: string | null;
      text: string;
      html: string | null;
    }[];
    recordFaults(SUITE, {
      tried: 1,
      lost: emails.length === 0 ? 1 : 0,
      duplicated: Math.max(0, emails.length - 1),
    });
    expect(emails).toHaveLength(1);
    const [email] = emails;
    for (const header of [email?.subject, email?.to_address, email?.from_address, email?.reply_to])
      expect(header ?? "").not.toMatch(/[\r\n]/);
    expectEscaped(email?.html ?? "");
    const outbox = await page(`/outbox/${email?.id}`);
    expect(outbox.status).toBe(200);
    expectEscaped(outbox.html);
  });
});
