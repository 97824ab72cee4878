"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { TextField } from "@/components/ui/text-field";
import { newOrganisationSchema, type NewOrganisationInput } from "@/lib/company/company-schema";
import { legalFormChoiceText } from "@/lib/company/legal-mentions";
import { legalForms } from "@/db/schema/organisations";
import type { ActionResult } from "@/lib/forms/action-result";
import { createOrganisation } from "./actions";

type Output = z.output<typeof newOrganisationSchema>;

const empty: NewOrganisationInput = {
  legalName: "",
  legalForm: "",
  registerCourt: "",
  vatNumber: "",
  street: "",
  postalCode: "",
  city: "",
  country: "BE",
  iban: "",
};

/**
 * The company's first details. By default it creates the company; a company made from
 * a Shopify shop passes its own action and values (app/onboarding/shop).
 */
export function OnboardingForm({
  action = createOrganisation,
  defaultValues = empty,
  submitLabel,
}: {
  action?: (input: NewOrganisationInput) => Promise<ActionResult>;
  defaultValues?: NewOrganisationInput;
  submitLabel?: string;
}) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const form = useForm<NewOrganisationInput, unknown, Output>({
    resolver: zodResolver(newOrganisationSchema),
    defaultValues,
  });
  const { errors } = form.formState;

  // The action re-validates the raw input with the same schema.
  const onSubmit = form.handleSubmit(() => {
    startTransition(async () => {
      const result = await action(form.getValues());
      if (result && !result.ok) {
        for (const [field, message] of Object.entries(result.fieldErrors)) {
          form.setError(field as keyof NewOrganisationInput, { message });
        }
        if (result.formError) toast.error(t("common.error"));
      }
    });
  });

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <TextField
        label={t("company.legalName")}
        registration={form.register("legalName")}
        error={errors.legalName}
        autoComplete="organization"
        required
      />
      <div className="grid-2">
        <div className="field">
          <label htmlFor="legalForm">{t("company.legalForm")}</label>
          <select
            id="legalForm"
            aria-describedby="legalForm-hint"
            aria-invalid={errors.legalForm ? true : undefined}
            {...form.register("legalForm")}
          >
            <option value="">{t("company.legalFormNone")}</option>
            {legalForms.map((code) => (
              <option key={code} value={code}>
                {code === "sole_trader"
                  ? t("company.legalFormSoleTrader")
                  : legalFormChoiceText(code)}
              </option>
            ))}
          </select>
          <span id="legalForm-hint" className="hint">
            {t("company.legalFormHint")}
          </span>
        </div>
        <TextField
          label={t("company.registerCourt")}
          hint={t("onboarding.registerCourtHint")}
          registration={form.register("registerCourt")}
          error={errors.registerCourt}
        />
      </div>
      <TextField
        label={`${t("company.vatNumber")} (${t("common.optional")})`}
        hint={t("company.vatNumberHint")}
        registration={form.register("vatNumber")}
        error={errors.vatNumber}
      />
      <TextField
        label={`${t("company.street")} (${t("common.optional")})`}
        registration={form.register("street")}
        error={errors.street}
        autoComplete="street-address"
      />
      <div className="grid-2">
        <TextField
          label={`${t("company.postalCode")} (${t("common.optional")})`}
          registration={form.register("postalCode")}
          error={errors.postalCode}
          autoComplete="postal-code"
        />
        <TextField
          label={`${t("company.city")} (${t("common.optional")})`}
          registration={form.register("city")}
          error={errors.city}
          autoComplete="address-level2"
        />
      </div>
      <input type="hidden" {...form.register("country")} />
      <TextField
        label={`${t("company.iban")} (${t("common.optional")})`}
        registration={form.register("iban")}
        error={errors.iban}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t("common.saving") : (submitLabel ?? t("onboarding.submit"))}
        </button>
      </div>
    </form>
  );
}
