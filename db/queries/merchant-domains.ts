import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { memberships, organisations, shopifyConnections, users } from "../schema";
import type { Tenant } from "../tenant";

/**
 * What names the merchant's own addresses: the reply-to address, the members' sign-in
 * addresses and the connected Shopify shops.
 */
export async function merchantAddresses(
  db: Db,
  t: Tenant,
): Promise<{ emails: string[]; shops: string[] }> {
  const [organisation] = await db
    .select({ replyTo: organisations.emailReplyTo })
    .from(organisations)
    .where(eq(organisations.id, t.organisationId));
  const members = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, t.organisationId));
  const shops = await db
    .select({ shop: shopifyConnections.shop })
    .from(shopifyConnections)
    .where(t.where(shopifyConnections));
  return {
    emails: [organisation?.replyTo, ...members.map((m) => m.email)].filter((e): e is string =>
      Boolean(e),
    ),
    shops: shops.map((s) => s.shop),
  };
}
