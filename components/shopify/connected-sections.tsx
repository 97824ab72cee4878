import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { belgianLocale, formatDateTime } from "@/components/documents/format";
import type { ShopifyImport } from "@/db/queries/shopify-imports";
import type { OrderSettings } from "@/lib/shopify/order-sync/order-settings";
import { ImportOrdersForm, ReconcileNowButton } from "./import-orders";
import { OrderSettingsForm } from "./order-settings-form";

const DAY = 24 * 3600_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** What a connected shop's page shows under the connection: the seed's order sections. */
export async function ConnectedSections(props: {
  settings: OrderSettings;
  textLanguages: string[] | null;
  lastImport: ShopifyImport | null;
  lastReconcile: ShopifyImport | null;
  canReadAllOrders: boolean;
  failedDeliveries: number;
  /** Where stock is managed: right under the order settings it changes the effect of. */
  stockSection?: ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations("shopify"), getLocale()]);
  const intl = belgianLocale(locale);
  const now = new Date();
  const { settings, lastImport, lastReconcile } = props;
  const counts = (run: ShopifyImport) => ({
    seen: run.seen,
    created: run.created,
    existing: run.existing,
    skipped: run.skipped,
    failed: run.failed,
  });
  return (
    <>
      <section className="card" aria-labelledby="orders-title">
        <h2 id="orders-title">{t("orders.title")}</h2>
        <p className="muted">{t("orders.intro")}</p>
        <OrderSettingsForm initial={settings} />
      </section>
      {props.stockSection}

      <section className="card" aria-labelledby="legends-title">
        <h2 id="legends-title">{t("legends.title")}</h2>
        <p className="muted">{t("legends.intro")}</p>
        <ul className="section-links">
          {(["paid", "unpaid"] as const).map((state) => (
            <li key={state}>
              <strong>{t(`legends.${state}`)}</strong> —{" "}
              <Link href={`/settings/texts?type=${settings.documentType}&state=${state}`}>
                {t("legends.edit")} ({t(`orders.types.${settings.documentType}`)})
              </Link>
            </li>
          ))}
        </ul>
        {props.textLanguages && (
          <p className="muted">
            {t("legends.languages", { languages: props.textLanguages.join(", ") })}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title">{t("import.title")}</h2>
        <p className="muted">
          {t("import.intro")} {props.canReadAllOrders ? null : t("import.limit")}
        </p>
        <ImportOrdersForm
          defaultSince={isoDay(new Date(now.getTime() - 30 * DAY))}
          minSince={props.canReadAllOrders ? null : isoDay(new Date(now.getTime() - 60 * DAY))}
          maxSince={isoDay(now)}
        />
        {lastImport && (
          <div role="status" aria-live="polite">
            {lastImport.status === "running" ? (
              <>
                <progress className="progress-bar" aria-label={t("import.progressLabel")} />
                <p>{t("import.running", { seen: lastImport.seen })}</p>
              </>
            ) : (
              <p>
                {lastImport.status === "failed"
                  ? t("import.failed", { error: lastImport.error ?? "" })
                  : t("import.summary", counts(lastImport))}
              </p>
            )}
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="reconcile-title">
        <h2 id="reconcile-title">{t("reconcile.title")}</h2>
        <p className="muted">{t("reconcile.intro")}</p>
        <p>
          {lastReconcile
            ? t("reconcile.last", {
                date: formatDateTime(lastReconcile.startedAt, intl),
                created: lastReconcile.created,
              })
            : t("reconcile.never")}
        </p>
        {lastReconcile?.status === "failed" && (
          <p className="alert">{t("reconcile.failed", { error: lastReconcile.error ?? "" })}</p>
        )}
        {lastReconcile?.status === "done" && lastReconcile.failed > 0 && (
          <p className="alert">{t("reconcile.someFailed", { failed: lastReconcile.failed })}</p>
        )}
        <div className="form-actions">
          <ReconcileNowButton />
          <Link className="btn" href="/apps/shopify/inbox">
            {t("inbox.link")}
          </Link>
        </div>
        {props.failedDeliveries > 0 && (
          <p className="alert">
            <Link href="/apps/shopify/inbox?status=failed">
              {t("inbox.attention", { count: props.failedDeliveries })}
            </Link>
          </p>
        )}
      </section>
    </>
  );
}
