import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { createApiKey } from "@/db/queries/api-keys";
import { createOrganisationWithOwner } from "@/lib/company/create-organisation-with-owner";
import { saveConnectionSettings, saveInstalledShop } from "@/db/queries/shopify-connections";
import { users } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { sealTokenPair } from "@/lib/shopify/platform/access-token";
import type { OrderSettings } from "@/lib/shopify/order-sync/order-settings";

/**
 * A merchant as the measurements need it: a company complete enough to send
 * invoices, an API key for the read API, and optionally a connected Shopify shop.
 * Rows go in through the app's own query functions (the OAuth dance is not what
 * is measured); the token is sealed exactly as an install seals it.
 */
export interface Merchant {
  t: Tenant;
  apiKey: string;
  shop: string | null;
}

export interface MerchantOptions {
  name: string;
  encryptionKey: string;
  shop?: { domain: string; settings: OrderSettings; accessToken?: string };
}

export async function seedMerchant(db: Db, options: MerchantOptions): Promise<Merchant> {
  const suffix = randomBytes(4).toString("hex");
  const [user] = await db
    .insert(users)
    .values({ email: `${options.name}-${suffix}@bench.facturo.local`, name: options.name })
    .returning();
  if (!user) throw new Error("User not created");
  const organisation = await createOrganisationWithOwner(db, user.id, {
    legalName: `Bench ${options.name} SRL`,
    vatNumber: "BE0403170701",
    street: "Rue de la Loi 16",
    postalCode: "1000",
    city: "Bruxelles",
    country: "BE",
    iban: "BE68539007547034",
  });
  const t = tenant(organisation.id);
  const { token } = await createApiKey(db, t, "bench");
  if (!options.shop) return { t, apiKey: token, shop: null };

  const saved = await saveInstalledShop(db, t, {
    shop: options.shop.domain,
    scopes: "read_orders",
    sealedTokens: sealTokenPair(
      {
        accessToken: options.shop.accessToken ?? "shpat_bench",
        accessTokenExpiresAt: null,
        refreshToken: null,
        refreshTokenExpiresAt: null,
      },
      options.encryptionKey,
    ),
    accessTokenExpiresAt: null,
  });
  if (!saved.ok) throw new Error(`Shop not connected: ${saved.reason}`);
  await saveConnectionSettings(db, t, saved.connection.id, options.shop.settings);
  return { t, apiKey: token, shop: options.shop.domain };
}
