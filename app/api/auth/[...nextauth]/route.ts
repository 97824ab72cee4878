import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { getDb } from "@/db";
import { admitSignIn } from "@/lib/auth/sign-in-limits";
import { tooManyRequests } from "@/lib/security/rate-limit";

export const { GET } = handlers;

/**
 * Auth.js's POST, with the sign-in limits in front of its email sign-in (the same
 * ones the sign-in form's action applies): beyond them 429 with Retry-After, and no
 * link is made or sent.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/signin/email")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get("email");
    const decision = await admitSignIn(
      await getDb(),
      typeof email === "string" ? email : "",
      request.headers,
    );
    if (!decision.allowed) {
      return tooManyRequests(decision, {
        error: "rate_limited",
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
  }
  return handlers.POST(request);
}
