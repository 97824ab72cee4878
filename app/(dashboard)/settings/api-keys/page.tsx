import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { ApiKeyForm } from "@/components/company/api-key-form";
import { RevokeApiKeyButton } from "@/components/company/revoke-api-key-button";
import { listApiKeys } from "@/db/queries/api-keys";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKeys"))("title") };
}

export default async function ApiKeysPage() {
  const { db, tenant } = await requireOrg();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const keys = await listApiKeys(db, tenant);
  const date = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("apiKeys.never");
  return (
    <>
      <div className="page-header">
        <Link href="/settings">← {t("nav.settings")}</Link>
        <h1>{t("apiKeys.title")}</h1>
        <p>{t("apiKeys.intro")}</p>
      </div>
      <ApiKeyForm />
      {keys.length === 0 ? (
        <p className="muted">{t("apiKeys.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("apiKeys.name")}</th>
                <th scope="col">{t("apiKeys.createdAt")}</th>
                <th scope="col">{t("apiKeys.lastUsed")}</th>
                <th scope="col">{t("apiKeys.status")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <td>
                    {key.name} <code className="muted">fct_{key.prefix}_…</code>
                  </td>
                  <td>{date(key.createdAt)}</td>
                  <td>{date(key.lastUsedAt)}</td>
                  <td>
                    {key.revokedAt ? (
                      t("apiKeys.revoked")
                    ) : (
                      <RevokeApiKeyButton id={key.id} name={key.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
