import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { AppActions } from "@/components/apps/app-actions";
import { listAppActivations } from "@/db/queries/apps";
import { appCatalog } from "@/lib/apps/catalog";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps"))("title") };
}

export default async function AppsPage() {
  const { db, tenant } = await requireOrg();
  const t = await getTranslations("apps");
  const activations = await listAppActivations(db, tenant);
  const isActive = (key: string) => activations.some((a) => a.appKey === key && a.active);
  return (
    <>
      <div className="page-header">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
      </div>
      <section className="card" aria-labelledby="advanced-settings">
        <h2 id="advanced-settings">{t("advanced")}</h2>
        <ul className="app-list">
          {appCatalog.map((app) => {
            const name = t(`names.${app.key}`);
            const active = isActive(app.key);
            return (
              <li key={app.key} className="app-row" data-app={app.key}>
                <div className="app-info">
                  <h3>
                    {name}
                    {active && <span className="badge">{t("active")}</span>}
                  </h3>
                  <p>{t(`descriptions.${app.key}`)}</p>
                </div>
                <div className="app-actions">
                  <AppActions appKey={app.key} appName={name} active={active} />
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
