"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { savePaymentTermsAction } from "@/app/(dashboard)/settings/numbering/actions";

export function PaymentTermsForm({ days }: { days: number }) {
  const t = useTranslations();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (formData: FormData) =>
    startTransition(async () => {
      const value = formData.get("days");
      const result = await savePaymentTermsAction(typeof value === "string" ? value : "");
      if (result.ok) {
        setError(null);
        toast.success(t("numbering.paymentTermsSaved"));
      } else setError(result.fieldErrors.days ?? "numbering.errors.days");
    });
  return (
    <form action={submit} className="card form" aria-labelledby="payment-terms-title">
      <h2 id="payment-terms-title">{t("numbering.paymentTerms")}</h2>
      <div className="field">
        <label htmlFor="payment-days">{t("numbering.paymentTermsDays")}</label>
        <input
          id="payment-days"
          name="days"
          inputMode="numeric"
          defaultValue={days}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "payment-days-error" : undefined}
          style={{ maxWidth: 120 }}
        />
        {error && (
          <p id="payment-days-error" className="field-error" role="alert">
            {t(error as "numbering.errors.days")}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </form>
  );
}
