import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers";
import { getDb } from "@/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { getConfig } from "@/lib/config/env";
import { enqueueSignInEmail } from "@/app/_server/sign-in-email";
import { replaceVerificationToken } from "@/db/queries/verification-tokens";
import { hardenedAdapter } from "@/app/_server/hardened-adapter";

/**
 * Auth.js with magic links. The config is a function so the database is opened on
 * the first request, never while `next build` collects pages (docs/stack.md G7).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  const config = getConfig();
  // Sign-in links must carry the public address, not whatever Host the request had.
  process.env.AUTH_URL ??= config.APP_URL;
  const magicLink: EmailConfig = {
    id: "email",
    type: "email",
    name: "Email",
    from: config.EMAIL_FROM,
    maxAge: 60 * 60,
    options: {},
    sendVerificationRequest: ({ identifier, url, expires }) =>
      enqueueSignInEmail(identifier, url, expires),
  };
  return {
    // Session tokens hashed at rest; a new sign-in link replaces the older ones.
    adapter: hardenedAdapter(
      DrizzleAdapter(db, {
        usersTable: users,
        accountsTable: accounts,
        sessionsTable: sessions,
        verificationTokensTable: verificationTokens,
      }),
      (token) => replaceVerificationToken(db, token),
    ),
    // Secure (and __Secure-prefixed) cookies whenever the public address is https,
    // whatever protocol the proxy in front forwards.
    useSecureCookies: config.APP_URL.startsWith("https:"),
    secret: config.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    providers: [magicLink],
    pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
  };
});
