import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { createApiKey } from "@/db/queries/api-keys";
import { activateApp } from "@/db/queries/apps";
import { createOrganisationWithOwner } from "@/lib/company/create-organisation-with-owner";
import { saveConnectionSettings } from "@/db/queries/shopify-connections";
import { sessions, users } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { connectTestShop } from "@/lib/shopify/testing/shopify-test-env";
import type { OrderSettings } from "@/lib/shopify/order-sync/order-settings";
import { FAULTS_ENCRYPTION_KEY } from "./stack";
import { hashSessionToken } from "@/lib/auth/session-token";

/**
 * A merchant as the app would have it after sign-in, onboarding and a Shopify
 * install, written straight through db/queries: the cases test what happens next,
 * not the forms that lead there.
 */
export interface Merchant {
  t: Tenant;
  organisationId: string;
  userId: string;
  email: string;
  /** `Cookie` header value of a signed-in browser (an Auth.js database session). */
  cookie: string;
  apiKey: string;
  shop: string;
  /** Empty when the merchant was seeded without a connected shop. */
  connectionId: string;
}

const suffix = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

export async function seedMerchant(
  db: Db,
  options: { settings?: Partial<OrderSettings>; label?: string; connectShop?: boolean } = {},
): Promise<Merchant> {
  const id = suffix();
  const email = `owner-${id}@example.be`;
  const [user] = await db.insert(users).values({ email, name: "Fault Owner" }).returning();
  if (!user) throw new Error("user not created");
  const organisation = await createOrganisationWithOwner(db, user.id, {
    legalName: `${options.label ?? "Faults"} ${id}`,
    vatNumber: "BE0403170701",
    // Brussels (bilingual): the documents keep the language each case asks. A company in
    // the Dutch-language region would invoice Belgian buyers in Dutch (language rule).
    street: "Wetstraat 16",
    postalCode: "1000",
    city: "Brussel",
    country: "BE",
    iban: "BE68539007547034",
  });
  const t = tenant(organisation.id);
  const sessionToken = randomBytes(32).toString("hex");
  await db.insert(sessions).values({
    // Stored as Auth.js's hardened adapter keeps it: hashed (the cookie holds the token).
    sessionToken: hashSessionToken(sessionToken),
    userId: user.id,
    expires: new Date(Date.now() + 24 * 3600_000),
  });
  await activateApp(db, t, "shopify");
  const shop = `faults-${id}.myshopify.com`;
  let connectionId = "";
  if (options.connectShop !== false) {
    connectionId = await connectTestShop(db, t, shop, FAULTS_ENCRYPTION_KEY);
    await saveConnectionSettings(db, t, connectionId, {
      documentType: "invoice",
      trigger: "order_created",
      autoSend: false,
      ...options.settings,
    });
  }
  const key = await createApiKey(db, t, "faults");
  return {
    t,
    organisationId: organisation.id,
    userId: user.id,
    email,
    cookie: `authjs.session-token=${sessionToken}`,
    apiKey: key.token,
    shop,
    connectionId,
  };
}
