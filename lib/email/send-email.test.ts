import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { emails } from "@/db/schema";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { EmailSendError, fromHeader, sendEmail, type EmailContext } from "./send-email";

const log = pino({ level: "silent" });
const EMAIL_FROM = "Facturo <no-reply@facturo.test>";

describe("fromHeader", () => {
  it("keeps the app's address and puts the merchant's name in front", () => {
    expect(fromHeader(EMAIL_FROM, "Shop & Co")).toBe('"Shop & Co" <no-reply@facturo.test>');
    expect(fromHeader("no-reply@facturo.test", "Shop")).toBe('"Shop" <no-reply@facturo.test>');
  });

  it("strips characters that could break or inject headers", () => {
    expect(fromHeader(EMAIL_FROM, 'Evil "Co"\r\nBcc: x@evil.test <a>')).toBe(
      '"Evil CoBcc: x@evil.test a" <no-reply@facturo.test>',
    );
    expect(fromHeader(EMAIL_FROM, "back\\slash")).toBe('"backslash" <no-reply@facturo.test>');
  });

  it("falls back to the app's sender when no usable name is left", () => {
    expect(fromHeader(EMAIL_FROM, null)).toBe(EMAIL_FROM);
    expect(fromHeader(EMAIL_FROM, "")).toBe(EMAIL_FROM);
    expect(fromHeader(EMAIL_FROM, ' "\r\n ')).toBe(EMAIL_FROM);
  });
});

interface SeenRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

describe("sendEmail", () => {
  let handle: DbHandle;
  let organisationId: string;
  let server: Server;
  let baseUrl: string;
  let seen: SeenRequest[];
  // What the fake Resend answers next.
  let reply: { status: number; body: unknown };

  beforeAll(async () => {
    handle = await openTestDb();
    const user = await createUser(handle.db);
    organisationId = (await createOrg(handle.db, user.id)).id;

    server = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      req.on("end", () => {
        seen.push({
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: JSON.parse(raw || "{}") as Record<string, unknown>,
        });
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await handle?.close();
  });

  beforeEach(() => {
    seen = [];
    reply = { status: 200, body: { id: "re_fake_123" } };
  });

  const storedRows = (subject: string) =>
    handle.db.select().from(emails).where(eq(emails.subject, subject));

  it("outbox: stores the email and calls no provider", async () => {
    const ctx: EmailContext = {
      db: handle.db,
      config: { EMAIL_TRANSPORT: "outbox", EMAIL_FROM, RESEND_BASE_URL: baseUrl },
      log,
    };
    const subject = `Invoice ${uniqueSuffix()}`;
    const row = await sendEmail(ctx, {
      organisationId,
      to: "client@example.be",
      subject,
      text: "Hello",
      fromName: "Dupont SRL",
      attachments: [
        { filename: "f.pdf", contentType: "application/pdf", contentBase64: "JVBERg==" },
      ],
    });

    expect(seen).toHaveLength(0);
    const rows = await storedRows(subject);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: row.id,
      organisationId,
      transport: "outbox",
      providerId: null,
      fromAddress: '"Dupont SRL" <no-reply@facturo.test>',
      toAddress: "client@example.be",
      text: "Hello",
      html: null,
      replyTo: null,
      attachments: [
        { filename: "f.pdf", contentType: "application/pdf", contentBase64: "JVBERg==" },
      ],
    });
  });

  const resendCtx = (): EmailContext => ({
    db: handle.db,
    config: {
      EMAIL_TRANSPORT: "resend",
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: baseUrl,
      EMAIL_FROM,
    },
    log,
  });

  it("resend: posts the email to the provider and records its id", async () => {
    const subject = `Reminder ${uniqueSuffix()}`;
    const row = await sendEmail(resendCtx(), {
      to: "client@example.be",
      subject,
      text: "Plain",
      html: "<p>Rich</p>",
      fromName: "Dupont SRL",
      replyTo: "owner@dupont.be",
      idempotencyKey: "job-42",
      attachments: [
        { filename: "f.pdf", contentType: "application/pdf", contentBase64: "JVBERg==" },
      ],
    });

    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request).toMatchObject({ method: "POST", url: "/emails" });
    expect(request!.headers.authorization).toBe("Bearer re_test_key");
    expect(request!.headers["idempotency-key"]).toBe("job-42");
    expect(request!.body).toMatchObject({
      from: '"Dupont SRL" <no-reply@facturo.test>',
      to: "client@example.be",
      subject,
      text: "Plain",
      html: "<p>Rich</p>",
      reply_to: "owner@dupont.be",
      attachments: [{ filename: "f.pdf", content: "JVBERg==", content_type: "application/pdf" }],
    });

    const rows = await storedRows(subject);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: row.id,
      organisationId: null,
      transport: "resend",
      providerId: "re_fake_123",
      replyTo: "owner@dupont.be",
      html: "<p>Rich</p>",
    });
  });

  it.each([
    [422, "validation_error", false],
    [500, "application_error", true],
    [429, "rate_limit_exceeded", true],
  ])(
    "resend: a %i %s throws EmailSendError (retryable: %s) and records nothing",
    async (status, name, retryable) => {
      reply = { status, body: { statusCode: status, name, message: `fake ${name}` } };
      const subject = `Refused ${uniqueSuffix()}`;

      const error = await sendEmail(resendCtx(), {
        to: "client@example.be",
        subject,
        text: "x",
      }).catch((err: unknown) => err);

      expect(error).toBeInstanceOf(EmailSendError);
      expect((error as EmailSendError).retryable).toBe(retryable);
      expect((error as EmailSendError).message).toContain(`fake ${name}`);
      expect(seen).toHaveLength(1);
      expect(await storedRows(subject)).toHaveLength(0);
    },
  );
});
