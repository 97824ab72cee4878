/**
 * The apps a merchant can switch on under Apps & connections. Order is display order.
 * `configurable` apps have a settings page at /apps/<key>.
 */
export const appCatalog = [
  { key: "shopify", configurable: true },
  { key: "foreign-customers", configurable: true },
  { key: "mollie", configurable: true },
  { key: "bancontact", configurable: true },
  { key: "peppol", configurable: true },
] as const;

export type AppKey = (typeof appCatalog)[number]["key"];

export const appKeys: readonly AppKey[] = appCatalog.map((app) => app.key);

export function isAppKey(value: string): value is AppKey {
  return (appKeys as readonly string[]).includes(value);
}
