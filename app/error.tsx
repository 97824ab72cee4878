"use client";

import { useTranslations } from "next-intl";

/** Any unexpected failure of a page: a sentence and a way forward, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="auth-page">
      <div className="card auth-card" role="alert">
        <h1>{t("errorTitle")}</h1>
        <p>{t("errorText")}</p>
        <button type="button" className="btn btn-primary" onClick={reset}>
          {t("retry")}
        </button>
      </div>
    </main>
  );
}
