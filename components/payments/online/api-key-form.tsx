"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import type { ConnectResult } from "@/lib/payments/online/connect-provider";

export type ApiKeyFormState = ConnectResult | null;

/**
 * A payment provider's API key: a password field (it is a secret, and the page
 * never shows it back), checked with the provider on Save.
 */
export function ApiKeyForm({
  namespace,
  action,
}: {
  namespace: "mollie" | "bancontact";
  action: (state: ApiKeyFormState, form: FormData) => Promise<ApiKeyFormState>;
}) {
  const t = useTranslations(namespace);
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? state.error : null;
  useEffect(() => {
    if (state?.ok) toast.success(t("saved"));
  }, [state, t]);

  return (
    <form action={formAction} className="form" noValidate>
      <div className="field">
        <label htmlFor="apiKey">{t("apiKey")}</label>
        <input
          id="apiKey"
          name="apiKey"
          type="password"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "apiKey-hint apiKey-error" : "apiKey-hint"}
        />
        <span id="apiKey-hint" className="hint">
          {t("apiKeyHint")}
        </span>
        {error && (
          <p id="apiKey-error" className="field-error" role="alert">
            {t(`errors.${error}`)}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
