import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { belgianLocale, formatDateTime } from "@/components/documents/format";
import { requireActiveApp } from "@/app/_server/require-active-app";
import { DisconnectButton } from "@/components/shopify/disconnect-button";
import { InstallForm } from "@/components/shopify/install-form";
import { ConnectedSections } from "@/components/shopify/connected-sections";
import { PrivacyRequests } from "@/components/shopify/privacy-requests";
import { StockModeSection } from "@/components/shopify/stock-mode-section";
import { listProductsWithoutSku, listStockModeChanges } from "@/db/queries/stock-mode";
import { currentStockMode } from "@/lib/articles/stock-mode";
import { RefreshWhile } from "@/components/shopify/refresh-while";
import { isAppActive } from "@/db/queries/apps";
import { getOrganisation } from "@/db/queries/organisations";
import { getShopifyConnection } from "@/db/queries/shopify-connections";
import { countInboxDeliveries } from "@/db/queries/shopify-deliveries";
import { latestImportRun } from "@/db/queries/shopify-imports";
import { listPrivacyRequests } from "@/db/queries/shopify-privacy";
import { getConfig } from "@/lib/config/env";
import { activeTextLanguages } from "@/lib/documents/resolve-texts";
import { isInstallError } from "@/lib/shopify/connection/install-errors";
import { readOrderSettings } from "@/lib/shopify/order-sync/order-settings";
import { isShopifyConfigured } from "@/lib/shopify/platform/shopify-app";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps.shopify"))("title") };
}

const FIELD_ERRORS = ["invalid_shop", "custom_domain"] as const;

export default async function ShopifyPage({ searchParams }: PageProps<"/apps/shopify">) {
  const { db, tenant, organisationId } = await requireActiveApp("shopify");
  const params = await searchParams;
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const intl = belgianLocale(locale);
  const [connection, privacyRequests, lastImport, lastReconcile, deliveryCounts] =
    await Promise.all([
      getShopifyConnection(db, tenant),
      listPrivacyRequests(db, tenant),
      latestImportRun(db, tenant, "import"),
      latestImportRun(db, tenant, "reconcile"),
      countInboxDeliveries(db, tenant),
    ]);
  const [organisation, foreignCustomersActive, stockMode, stockChanges, withoutSku] =
    await Promise.all([
      getOrganisation(db, organisationId),
      isAppActive(db, tenant, "foreign-customers"),
      currentStockMode(db, tenant),
      listStockModeChanges(db, tenant),
      listProductsWithoutSku(db, tenant),
    ]);
  const error = isInstallError(params.error) ? params.error : undefined;
  const typedShop = typeof params.shop === "string" ? params.shop : (connection?.shop ?? "");
  const connected = connection?.status === "connected";
  const setupFailed = connected && Boolean(connection.setupFailedAt) && !connection.webhooksReadyAt;
  const settingUp = connected && !connection.webhooksReadyAt && !setupFailed;
  const fieldError = FIELD_ERRORS.find((e) => e === error);

  return (
    <>
      <div className="page-header">
        <Link href="/apps">← {t("apps.title")}</Link>
        <h1>{t("apps.shopify.title")}</h1>
        <p>{connected ? t("shopify.connectedIntro") : t("apps.shopify.intro")}</p>
      </div>
      {error && !fieldError && (
        <p className="alert" role="alert">
          {t(`shopify.errors.${error}`)}
        </p>
      )}
      {params.connected === "1" && connected && (
        <p className="notice notice-success" role="status">
          {t("shopify.connectedNotice")}
        </p>
      )}
      <section className="card" aria-labelledby="connection-title">
        <h2 id="connection-title">{t("shopify.connection")}</h2>
        {!isShopifyConfigured(getConfig()) ? (
          <p className="notice">{t("shopify.notConfigured")}</p>
        ) : connected ? (
          <>
            <p className="connected-shop">
              <strong>{t("shopify.connectedTo", { shop: connection.shop })}</strong>
              {connection.shopName && <span className="muted"> · {connection.shopName}</span>}
            </p>
            <p className="muted">
              {t("shopify.connectedSince", {
                date: formatDateTime(connection.connectedAt, intl, "date"),
              })}
            </p>
            <p
              role="status"
              data-testid="shopify-setup"
              data-state={settingUp ? "setting-up" : "ready"}
            >
              {settingUp
                ? t(connection.setupError ? "shopify.setupRetrying" : "shopify.settingUp")
                : t("shopify.ready")}
            </p>
            {setupFailed && (
              <div className="alert" role="alert">
                <p>{t("shopify.setupFailed")}</p>
                <a
                  className="btn"
                  href={`/api/shopify/install?shop=${encodeURIComponent(connection.shop)}`}
                >
                  {t("shopify.reconnect")}
                </a>
              </div>
            )}
            <RefreshWhile active={settingUp || lastImport?.status === "running"} />
            <div className="form-actions">
              <DisconnectButton shop={connection.shop} />
            </div>
          </>
        ) : (
          <>
            {connection?.disconnectReason && connection.disconnectedAt && (
              <p className="notice">
                {t(`shopify.wasDisconnected.${connection.disconnectReason}`, {
                  shop: connection.shop,
                  date: formatDateTime(connection.disconnectedAt, intl, "date"),
                })}
              </p>
            )}
            <p>{t("shopify.installIntro")}</p>
            <InstallForm initialShop={typedShop} fieldError={fieldError} />
          </>
        )}
      </section>
      {connected && (
        <ConnectedSections
          settings={readOrderSettings(connection.settings)}
          textLanguages={
            foreignCustomersActive
              ? activeTextLanguages({
                  defaultLanguage: organisation.defaultLanguage,
                  foreignCustomersActive,
                }).map((language) => t(`common.languages.${language}`))
              : null
          }
          lastImport={lastImport}
          lastReconcile={lastReconcile}
          canReadAllOrders={connection.scopes.split(",").includes("read_all_orders")}
          failedDeliveries={deliveryCounts.failed}
          stockSection={
            <StockModeSection
              mode={stockMode}
              changes={stockChanges}
              productsWithoutSku={withoutSku.length}
            />
          }
        />
      )}
      {privacyRequests.length > 0 && <PrivacyRequests requests={privacyRequests} />}
    </>
  );
}
