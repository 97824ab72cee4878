import type { AppConfig } from "@/lib/config/env";
import { adminGraphqlFor } from "./admin-graphql/admin-client";
import { SHOP_QUERY } from "./admin-graphql/queries";
import { getShopifyApp, type Session } from "./shopify-app";

export interface ShopIdentity {
  name: string;
  /** The shop owner's address, as Shopify reports it (`Shop.email`); null when absent. */
  email: string | null;
}

/** The shop's name and owner address, asked with the token the install just returned. */
export async function fetchShopIdentity(
  config: AppConfig,
  session: Session,
): Promise<ShopIdentity> {
  const { shop } = await adminGraphqlFor(
    getShopifyApp(config),
    session,
  )<{
    shop: { name: string | null; email: string | null };
  }>(SHOP_QUERY);
  return { name: shop.name?.trim() || session.shop, email: shop.email?.trim() || null };
}
