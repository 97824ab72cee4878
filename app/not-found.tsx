import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>{t("notFoundTitle")}</h1>
        <p>{t("notFoundText")}</p>
        <Link href="/documents" className="btn btn-primary">
          {t("home")}
        </Link>
      </div>
    </main>
  );
}
