import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/db/queries/articles";
import { createCustomer } from "@/db/queries/customers";
import { createConcept } from "@/lib/documents/create-concept";
import { recordDelivery } from "@/db/queries/shopify-deliveries";
import { concept } from "@/db/testing/document-factory";
import { articleSchema, emptyArticleInput } from "@/lib/articles/article-schema";
import { customerSchema, emptyCustomerInput } from "@/lib/customers/customer-schema";
import { listRoutes, listServerActions, serverActionIds } from "./support/app-inventory";
import { seedMerchant, type Merchant } from "./support/seed";
import { callAction } from "./support/server-action";
import { APP_URL, startStack, type Stack } from "./support/stack";
import { recordFaults } from "./support/tally";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { systemClock } from "@/lib/calendar/clock";

/**
 * Organisation B (a signed-in user, and an API key) tries every route, page and
 * server action with organisation A's ids. Routes and actions are read from the
 * source tree and the build: one nobody has classified below fails the case, so a
 * new one cannot slip through untested.
 */
let stack: Stack;
let a: Merchant;
let b: Merchant;
const ids = {} as Record<
  "concept" | "invoice" | "customer" | "article" | "delivery" | "apiKey",
  string
>;
const MARKER = `a-secret-${randomUUID().slice(0, 8)}`;
const SUITE = "tenant isolation";

beforeAll(async () => {
  stack = await startStack("tenant_isolation", { workers: 1 });
  const db = stack.handle.db;
  a = await seedMerchant(db, { label: `Org A ${MARKER}` });
  b = await seedMerchant(db, { label: "Org B" });
  ids.customer = await createCustomer(
    db,
    a.t,
    customerSchema.parse({
      ...emptyCustomerInput,
      name: `Customer ${MARKER}`,
      email: "a@example.be",
    }),
  );
  const article = await createArticle(
    db,
    a.t,
    articleSchema.parse({
      ...emptyArticleInput,
      sku: MARKER,
      name: `Article ${MARKER}`,
      unitPrice: "10.00",
    }),
  );
  if (!article.ok) throw new Error("article not created");
  ids.article = article.id;
  ids.concept = await createConcept(db, a.t, concept({ customerId: ids.customer, legend: MARKER }));
  ids.invoice = await createConcept(db, a.t, concept({ customerId: ids.customer }));
  await finaliseDocument(db, a.t, { documentId: ids.invoice }, systemClock);
  const delivery = await recordDelivery(db, {
    organisationId: a.organisationId,
    shop: a.shop,
    topic: "orders/create",
    webhookId: randomUUID(),
    eventId: null,
    apiVersion: "2026-07",
    triggeredAt: null,
    rawBody: "{}",
    resourceId: "1",
    status: "failed",
    outcome: "unexpected_payload",
  });
  ids.delivery = delivery.id;
  const key = await stack.handle.executeSql(`select id from api_key where organisation_id = $1`, [
    a.organisationId,
  ]);
  ids.apiKey = (key.rows[0] as { id: string }).id;
});

afterAll(async () => {
  await stack?.stopAll();
});

/** Everything organisation A owns, hashed table by table (every table with organisation_id). */
async function fingerprintOfA(): Promise<Record<string, string>> {
  const tables = await stack.handle.executeSql(
    `select table_name from information_schema.columns
     where table_schema = 'public' and column_name = 'organisation_id' order by table_name`,
  );
  const prints: Record<string, string> = {};
  for (const { table_name } of tables.rows as { table_name: string }[]) {
    const found = await stack.handle.executeSql(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h
       from "${table_name}" t where organisation_id = $1`,
      [a.organisationId],
    );
    const row = found.rows[0] as { n: number; h: string };
    prints[table_name] = `${row.n}:${row.h}`;
  }
  return prints;
}

// ---------------------------------------------------------------------------
// Routes and pages

type IdKind = keyof typeof ids;
type RouteCase =
  | { session: IdKind } // B's session with A's id: 404; A's session: 200
  | { apiKey: IdKind } // B's API key with A's id: 404; A's key: 200
  | { list: "session" | "apiKey" } // B sees its own data, nothing of A's
  | { notTenantData: string }; // why this route cannot show a tenant's data by id

const ROUTES: Record<string, RouteCase> = {
  "/": { list: "session" },
  "/login": { notTenantData: "sign-in form" },
  "/login/check-email": { notTenantData: "static message" },
  "/onboarding": { list: "session" },
  "/onboarding/shop": { list: "session" },
  "/shopify": {
    notTenantData:
      "the App URL: Shopify's hmac checked; a connected shop opens only for members of its organisation",
  },
  "/shopify/go": { notTenantData: "opens a shop only for members of its organisation (session)" },
  "/shopify/claim/[id]": {
    notTenantData:
      "a pending install (random id), claimed only by the shop owner's address or a member",
  },
  "/shopify/problem": { notTenantData: "static message (the shop domain from the query)" },
  "/shopify/check-email": { notTenantData: "static message (masked address from the query)" },
  "/documents": { list: "session" },
  "/documents/new": { list: "session" },
  "/documents/[id]": { session: "invoice" },
  "/documents/[id]/edit": { session: "concept" },
  "/customers": { list: "session" },
  "/customers/new": { list: "session" },
  "/customers/[id]": { session: "customer" },
  "/articles": { list: "session" },
  "/articles/new": { list: "session" },
  "/articles/[id]": { session: "article" },
  "/payments": { list: "session" },
  "/apps": { list: "session" },
  "/apps/bancontact": { list: "session" },
  "/apps/mollie": { list: "session" },
  "/apps/peppol": { list: "session" },
  "/apps/foreign-customers": { list: "session" },
  "/apps/shopify": { list: "session" },
  "/apps/shopify/inbox": { list: "session" },
  "/settings": { list: "session" },
  "/settings/api-keys": { list: "session" },
  "/settings/numbering": { list: "session" },
  "/settings/texts": { list: "session" },
  "/api/documents/[id]/pdf": { session: "invoice" },
  "/api/documents/[id]/ubl": { session: "invoice" },
  "/api/logo": { list: "session" },
  "/api/v1/documents": { list: "apiKey" },
  "/api/v1/documents/[id]": { apiKey: "invoice" },
  "/api/v1/documents/[id]/pdf": { apiKey: "invoice" },
  "/api/v1/documents/[id]/ubl": { apiKey: "invoice" },
  "/api/v1/organisation": { list: "apiKey" },
  "/api/health": { notTenantData: "database check" },
  "/api/auth/[...nextauth]": { notTenantData: "Auth.js" },
  "/api/shopify/install": { notTenantData: "starts an install for the session's own organisation" },
  "/api/shopify/callback": {
    notTenantData: "completes the session's own install (hostile-install case)",
  },
  "/api/shopify/app-callback": {
    notTenantData: "completes an install started in Shopify for the session's own organisation",
  },
  "/api/shopify/webhooks": {
    notTenantData: "HMAC-signed, tenant from the shop (hostile-webhooks case)",
  },
  "/api/payments/mollie/webhook": {
    notTenantData: "provider callback; the payment is re-fetched from Mollie",
  },
  "/api/payments/bancontact/callback": {
    notTenantData: "provider callback; the payment is re-fetched",
  },
  "/d/[token]": { notTenantData: "a 32-byte capability token, not an id (checked below)" },
  "/d/[token]/pdf": { notTenantData: "a 32-byte capability token, not an id (checked below)" },
  "/d/[token]/pay/[provider]": {
    notTenantData: "a 32-byte capability token, not an id (checked below)",
  },
  "/outbox": { notTenantData: "test-only mailbox (EMAIL_TRANSPORT=outbox + OUTBOX_PUBLIC=true)" },
  "/outbox/[id]": {
    notTenantData: "test-only mailbox (EMAIL_TRANSPORT=outbox + OUTBOX_PUBLIC=true)",
  },
};

async function get(pathname: string, auth: { cookie?: string; apiKey?: string }) {
  const response = await fetch(`${APP_URL}${pathname}`, {
    redirect: "manual",
    headers: {
      ...(auth.cookie ? { cookie: auth.cookie } : {}),
      ...(auth.apiKey ? { authorization: `Bearer ${auth.apiKey}` } : {}),
    },
  });
  const body = await response.text();
  recordFaults(SUITE, { tried: 1, serverErrors: response.status >= 500 ? 1 : 0 });
  return { status: response.status, body };
}

/** A's marker, or an id of A's that B did not send itself (a 404 page echoes the URL). */
const leaksA = (body: string, sent = "") =>
  body.includes(MARKER) || Object.values(ids).some((id) => !sent.includes(id) && body.includes(id));

describe("every route and page", () => {
  it("is classified (a new one must say how it is scoped)", () => {
    const unclassified = listRoutes()
      .map((r) => r.pattern)
      .filter((p) => !(p in ROUTES));
    expect(unclassified).toEqual([]);
  });

  const byId = Object.entries(ROUTES).filter(
    (e): e is [string, { session: IdKind } | { apiKey: IdKind }] =>
      "session" in e[1] || "apiKey" in e[1],
  );
  it.each(byId)("%s: B gets 404 for A's id, A gets 200", async (pattern, route) => {
    const kind = "session" in route ? route.session : route.apiKey;
    const url = pattern.replace("[id]", ids[kind]);
    const asB = "session" in route ? { cookie: b.cookie } : { apiKey: b.apiKey };
    const asA = "session" in route ? { cookie: a.cookie } : { apiKey: a.apiKey };
    const byB = await get(url, asB);
    const byA = await get(url, asA);
    expect([403, 404]).toContain(byB.status);
    expect(leaksA(byB.body, url)).toBe(false);
    expect(byA.status).toBe(200);
  });

  it.each(byId)("%s: hostile ids answer 4xx, never 5xx", async (pattern, route) => {
    const auth = "session" in route ? { cookie: b.cookie } : { apiKey: b.apiKey };
    for (const id of [
      "not-a-uuid",
      "' OR '1'='1",
      "..%2F..%2Fetc%2Fpasswd",
      "%00",
      "9".repeat(400),
    ]) {
      const { status } = await get(pattern.replace("[id]", id), auth);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
  });

  const lists = Object.entries(ROUTES).filter(
    (e): e is [string, { list: "session" | "apiKey" }] => "list" in e[1],
  );
  it.each(lists)("%s shows B nothing of A", async (pattern, route) => {
    const auth = route.list === "session" ? { cookie: b.cookie } : { apiKey: b.apiKey };
    const { status, body } = await get(pattern, auth);
    expect(status).toBeLessThan(500);
    expect(leaksA(body)).toBe(false);
  });

  it("list filters and presets naming A's ids show B nothing of A", async () => {
    for (const url of [
      `/documents?customer=${ids.customer}`,
      `/documents/new?customer=${ids.customer}&type=credit_note`,
      `/api/v1/documents?customer_id=${ids.customer}`,
      `/apps/shopify/inbox?before=${ids.delivery}`,
    ]) {
      const auth = url.startsWith("/api/") ? { apiKey: b.apiKey } : { cookie: b.cookie };
      const { status, body } = await get(url, auth);
      expect(status).toBeLessThan(500);
      expect(leaksA(body, url)).toBe(false);
    }
  });

  it("a document's id is not its public token", async () => {
    for (const url of [`/d/${ids.invoice}`, `/d/${ids.invoice}/pdf`, `/d/${randomUUID()}/pdf`]) {
      const { status, body } = await get(url, { cookie: b.cookie });
      expect(status).toBe(404);
      expect(leaksA(body, url)).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------
// Server actions: called by B with A's ids (and otherwise valid arguments).

type ActionCase = { args: () => unknown[] } | { noForeignIds: string };

const customerInput = { ...emptyCustomerInput, name: "Taken over by B", email: "b@example.be" };
const articleInput = { ...emptyArticleInput, sku: "B-1", name: "Taken over", unitPrice: "1.00" };
const conceptInput = {
  type: "invoice",
  customerId: null,
  language: "fr",
  issueDate: "2026-11-29",
  dueDate: "",
  legend: "Taken over by B",
  lines: [
    {
      description: "x",
      sku: "",
      quantity: "1",
      unitPrice: "1.00",
      priceMode: "excl",
      discountPercent: "0",
      vatCategory: "S",
      vatRateBp: 2100,
    },
  ],
};

const ACTIONS: Record<string, ActionCase> = {
  "app/(dashboard)/articles/actions.ts#updateArticleAction": {
    args: () => [ids.article, articleInput],
  },
  "app/(dashboard)/articles/actions.ts#recordStockCorrectionAction": {
    args: () => [ids.article, { quantity: "5", note: "B was here" }],
  },
  "app/(dashboard)/customers/actions.ts#updateCustomerAction": {
    args: () => [ids.customer, customerInput],
  },
  "app/(dashboard)/settings/api-keys/actions.ts#revokeApiKeyAction": { args: () => [ids.apiKey] },
  "app/(dashboard)/apps/shopify/inbox/actions.ts#retryDelivery": { args: () => [ids.delivery] },
  "app/(dashboard)/apps/peppol/actions.ts#sendViaPeppol": { args: () => [ids.invoice] },
  "app/(dashboard)/payments/actions.ts#matchBankLine": {
    args: () => [{ lineId: randomUUID(), invoiceId: ids.invoice }],
  },
  "app/(dashboard)/payments/actions.ts#sendPaymentReminder": { args: () => [ids.invoice] },
  // No bank line is seeded for A: an unknown line id must be refused the same way.
  "app/(dashboard)/payments/actions.ts#ignoreBankLine": { args: () => [randomUUID()] },
  "app/(dashboard)/documents/actions.ts#saveConcept": {
    args: () => [{ ...conceptInput, customerId: ids.customer }, ids.concept],
  },
  "app/(dashboard)/documents/actions.ts#sendDocuments": {
    args: () => [[ids.concept, ids.invoice]],
  },
  "app/(dashboard)/documents/actions.ts#deleteDocument": { args: () => [ids.concept] },
  "app/(dashboard)/documents/actions.ts#cancelDocument": { args: () => [ids.invoice] },
  "app/(dashboard)/documents/[id]/invoice-actions.ts#markInvoicePaid": {
    args: () => [ids.invoice, { amount: "1.00", paidOn: "2026-11-29", method: "cash" }],
  },
  "app/(dashboard)/documents/[id]/invoice-actions.ts#undoInvoicePayment": {
    args: () => [ids.invoice, randomUUID()],
  },
  "app/(dashboard)/documents/[id]/invoice-actions.ts#creditInvoice": { args: () => [ids.invoice] },
  "app/(dashboard)/documents/actions.ts#sendSelectedDocuments": {
    noForeignIds: "FormData of ids, passed to sendDocuments (covered above)",
  },
  "app/(auth)/login/actions.ts#requestSignInLink": { noForeignIds: "an email address" },
  "app/_actions/set-locale.ts#setLocale": { noForeignIds: "a locale cookie" },
  "app/_actions/sign-out.ts#signOut": { noForeignIds: "the caller's own session" },
  "app/onboarding/actions.ts#createOrganisation": { noForeignIds: "creates a new organisation" },
  "app/onboarding/actions.ts#completeShopOnboarding": { noForeignIds: "own organisation" },
  "app/(dashboard)/articles/actions.ts#createArticleAction": { noForeignIds: "creates in own org" },
  "app/(dashboard)/customers/actions.ts#createCustomerAction": {
    noForeignIds: "creates in own org",
  },
  "app/(dashboard)/settings/actions.ts#saveCompanySettings": { noForeignIds: "own organisation" },
  "app/(dashboard)/settings/actions.ts#uploadLogo": { noForeignIds: "own organisation" },
  "app/(dashboard)/settings/actions.ts#removeLogo": { noForeignIds: "own organisation" },
  "app/(dashboard)/settings/api-keys/actions.ts#createApiKeyAction": { noForeignIds: "a name" },
  "app/(dashboard)/settings/numbering/actions.ts#saveSeriesAction": {
    noForeignIds: "own series by type",
  },
  "app/(dashboard)/settings/numbering/actions.ts#savePaymentTermsAction": {
    noForeignIds: "a number",
  },
  "app/(dashboard)/settings/texts/actions.ts#saveDocumentTextAction": {
    noForeignIds: "own texts by type",
  },
  "app/(dashboard)/settings/texts/actions.ts#resetDocumentTextAction": {
    noForeignIds: "own texts by type",
  },
  "app/(dashboard)/apps/actions.ts#setAppActive": { noForeignIds: "an app key of the catalogue" },
  "app/(dashboard)/apps/peppol/actions.ts#registerOnPeppol": { noForeignIds: "own organisation" },
  "app/(dashboard)/apps/bancontact/actions.ts#saveBancontactApiKey": {
    noForeignIds: "own secrets",
  },
  "app/(dashboard)/apps/mollie/actions.ts#saveMollieApiKey": { noForeignIds: "own secrets" },
  "app/(dashboard)/apps/shopify/actions.ts#disconnectShopify": { noForeignIds: "own connection" },
  "app/(dashboard)/apps/shopify/stock-actions.ts#switchStockModeAction": {
    noForeignIds: "own organisation's stock mode; the count file names SKUs, matched in it",
  },
  "app/(dashboard)/apps/shopify/order-actions.ts#saveOrderSettings": {
    noForeignIds: "own connection",
  },
  "app/(dashboard)/apps/shopify/order-actions.ts#importOrdersSince": {
    noForeignIds: "own connection",
  },
  "app/(dashboard)/apps/shopify/order-actions.ts#reconcileNow": { noForeignIds: "own connection" },
  "app/(dashboard)/apps/shopify/inbox/actions.ts#retryAllFailed": {
    noForeignIds: "own deliveries",
  },
  "app/(dashboard)/payments/actions.ts#uploadStatement": {
    noForeignIds: "a file, imported into own org",
  },
};

describe("every server action", () => {
  it("is classified (a new one must say whether it takes ids)", () => {
    expect(listServerActions().filter((name) => !(name in ACTIONS))).toEqual([]);
  });

  it("called by B with A's ids changes nothing of A's and answers no 5xx", async () => {
    const refs = serverActionIds();
    const before = await fingerprintOfA();
    const outcomes: { action: string; status: number; result: unknown }[] = [];
    for (const [name, action] of Object.entries(ACTIONS)) {
      if (!("args" in action)) continue;
      const ref = refs.get(name);
      if (!ref) throw new Error(`${name} is not in the build's server action manifest`);
      const { status, result } = await callAction(ref, action.args(), b.cookie);
      recordFaults(SUITE, { tried: 1, serverErrors: status >= 500 ? 1 : 0 });
      outcomes.push({ action: name.split("#")[1] ?? name, status, result });
    }
    const after = await fingerprintOfA();
    console.log("B's attempts on A's ids:", outcomes);
    expect(after).toEqual(before);
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    // Every attempt reached the action and was refused by it (not by the transport).
    expect(outcomes.filter((o) => o.status !== 200)).toEqual([]);
  });

  it("B cannot put A's customer on a concept of its own", async () => {
    const ref = serverActionIds().get("app/(dashboard)/documents/actions.ts#saveConcept");
    if (!ref) throw new Error("saveConcept is not in the build");
    const { status } = await callAction(
      ref,
      [{ ...conceptInput, customerId: ids.customer }, null],
      b.cookie,
    );
    recordFaults(SUITE, { tried: 1, serverErrors: status >= 500 ? 1 : 0 });
    const taken = await stack.handle.executeSql(
      `select count(*)::int as n from document where organisation_id = $1
       and (customer_id = $2 or customer::text like $3)`,
      [b.organisationId, ids.customer, `%${MARKER}%`],
    );
    expect(status).toBe(200);
    expect((taken.rows[0] as { n: number }).n).toBe(0);
  });

  it("the same call by A does change A's data (the check above can fail)", async () => {
    const refs = serverActionIds();
    const ref = refs.get("app/(dashboard)/customers/actions.ts#updateCustomerAction");
    if (!ref) throw new Error("updateCustomerAction is not in the build");
    const before = await fingerprintOfA();
    // A keeps the marker in its customer's name: the leak checks stay as strong whichever
    // test runs first.
    const { status } = await callAction(
      ref,
      [ids.customer, { ...customerInput, name: `Customer ${MARKER} (renamed by A)` }],
      a.cookie,
    );
    expect(status).toBe(200);
    expect((await fingerprintOfA()).customer).not.toBe(before.customer);
  });
});
