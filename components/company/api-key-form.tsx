"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { createApiKeyAction } from "@/app/(dashboard)/settings/api-keys/actions";

export function ApiKeyForm() {
  const t = useTranslations();
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (formData: FormData) =>
    startTransition(async () => {
      const name = formData.get("name");
      const result = await createApiKeyAction(typeof name === "string" ? name : "");
      if (result.ok) {
        setToken(result.data?.token ?? null);
        setError(null);
      } else setError(result.fieldErrors.name ?? "validation.required");
    });
  return (
    <div className="card">
      <form action={submit} className="form">
        <div className="field">
          <label htmlFor="api-key-name">{t("apiKeys.name")}</label>
          <input
            id="api-key-name"
            name="name"
            placeholder={t("apiKeys.namePlaceholder")}
            aria-invalid={error ? true : undefined}
          />
          {error && (
            <p className="field-error" role="alert">
              {t(error as "validation.required")}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {t("apiKeys.create")}
          </button>
        </div>
      </form>
      {token && (
        <div role="status" style={{ marginTop: "1rem" }}>
          <p className="notice">{t("apiKeys.created")}</p>
          <code className="secret" data-testid="new-api-key">
            {token}
          </code>
        </div>
      )}
    </div>
  );
}
