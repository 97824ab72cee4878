"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { requestSignInLink, type SignInState } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState<SignInState, FormData>(requestSignInLink, {});
  return (
    <form action={action} className="form" noValidate>
      {next && <input type="hidden" name="next" value={next} />}
      <div className="field">
        <label htmlFor="email">{t("emailLabel")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "email-error" : undefined}
        />
        {state.error && (
          <p id="email-error" className="field-error" role="alert">
            {state.error === "rate_limited"
              ? t("rate_limited", { minutes: state.retryAfterMinutes ?? 15 })
              : t(state.error)}
          </p>
        )}
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
