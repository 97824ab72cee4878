import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { emails } from "@/db/schema";
import { openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { testJobContext } from "@/lib/jobs/testing/test-worker";
import type { JobContext } from "@/lib/jobs/job-handler";
import { PermanentJobError } from "@/lib/jobs/permanent-job-error";
import { sendSignInEmailHandler } from "./jobs/send-sign-in-email.handler";
import { admitSignIn } from "./sign-in-limits";
import {
  openOutboxLinkMarkers,
  openSignInLink,
  sealSignInLink,
  SIGN_IN_LINK_PLACEHOLDER,
} from "./sign-in-link";

let handle: DbHandle;
let ctx: JobContext;

beforeAll(async () => {
  handle = await openTestDb();
  ctx = testJobContext(handle);
});

afterAll(async () => {
  await handle?.close();
});

describe("sign-in", () => {
  it("sends the link but keeps neither it in the job's data nor in the email record", async () => {
    const to = `link-${uniqueSuffix()}@example.be`;
    const url = `http://localhost:3000/api/auth/callback/email?token=${uniqueSuffix()}secret`;
    const sealedLink = sealSignInLink(
      url,
      new Date(Date.now() + 3600_000),
      ctx.config.ENCRYPTION_KEY,
    );
    expect(sealedLink).not.toContain("secret");
    await sendSignInEmailHandler.run(
      { to, subject: "Sign in", text: `Click ${SIGN_IN_LINK_PLACEHOLDER} now`, sealedLink },
      ctx,
    );
    const [row] = await handle.db.select().from(emails).where(eq(emails.toAddress, to));
    expect(row?.text).not.toContain("secret");
    expect(row?.text).not.toContain(SIGN_IN_LINK_PLACEHOLDER);
    // The outbox (development, tests) can still show the link to its reader.
    expect(openOutboxLinkMarkers(row!.text, ctx.config.ENCRYPTION_KEY)).toBe(`Click ${url} now`);
  });

  it("does not send a link that expired while it waited", async () => {
    const sealedLink = sealSignInLink(
      "http://x/y",
      new Date(Date.now() - 1000),
      ctx.config.ENCRYPTION_KEY,
    );
    expect(openSignInLink(sealedLink, ctx.config.ENCRYPTION_KEY)).toBeNull();
    await expect(
      sendSignInEmailHandler.run(
        { to: "late@example.be", subject: "Sign in", text: SIGN_IN_LINK_PLACEHOLDER, sealedLink },
        ctx,
      ),
    ).rejects.toBeInstanceOf(PermanentJobError);
  });

  it("allows 3 links per address per 15 minutes", async () => {
    const email = `limited-${uniqueSuffix()}@example.be`;
    const now = new Date("2026-03-05T10:00:00Z");
    const headers = new Headers({ "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.1` });
    for (let i = 0; i < 3; i++)
      expect((await admitSignIn(handle.db, email, headers, now)).allowed).toBe(true);
    expect(await admitSignIn(handle.db, ` ${email.toUpperCase()} `, headers, now)).toMatchObject({
      allowed: false,
      refusedBy: "sign-in-email",
    });
  });
});
