"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createCustomerAction, updateCustomerAction } from "@/app/(dashboard)/customers/actions";
import { TextField } from "@/components/ui/text-field";
import { customerCountries } from "@/lib/customers/countries";
import {
  customerLanguages,
  customerSchema,
  type CustomerFields,
  type CustomerInput,
} from "@/lib/customers/customer-schema";
import { SelectField } from "./select-field";
import { useFieldError } from "./use-field-error";

/** New customer (no id) or edit one; the same schema checks here and in the action. */
export function CustomerForm({ id, defaults }: { id?: string; defaults: CustomerInput }) {
  const t = useTranslations();
  const translated = useFieldError();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<CustomerInput, unknown, CustomerFields>({
    resolver: zodResolver(customerSchema),
    defaultValues: defaults,
  });
  const { errors } = form.formState;
  const field = (name: Exclude<keyof CustomerInput, "hasDelivery">) => ({
    registration: form.register(name),
    error: translated(errors[name]),
  });
  const hasDelivery = form.watch("hasDelivery");
  const countryOptions = useMemo(() => {
    const names = new Intl.DisplayNames([t("common.intlLocale")], { type: "region" });
    return customerCountries.map((code) => ({ value: code, label: names.of(code) ?? code }));
  }, [t]);

  const onSubmit = form.handleSubmit(() => {
    startTransition(async () => {
      const values = form.getValues();
      const result = id
        ? await updateCustomerAction(id, values)
        : await createCustomerAction(values);
      if (result.ok) {
        toast.success(t(id ? "customers.saved" : "customers.created"));
        if (!id && result.data) router.push(`/customers/${result.data.id}`);
        else router.refresh();
        return;
      }
      if (result.formError) toast.error(t(result.formError));
      for (const [name, message] of Object.entries(result.fieldErrors)) {
        form.setError(name as keyof CustomerInput, { message });
      }
    });
  });

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <fieldset className="card">
        <legend>{t("customers.form.identity")}</legend>
        <div className="form">
          <div className="grid-2">
            <TextField
              label={t("customers.form.name")}
              hint={t("customers.form.nameHint")}
              autoComplete="off"
              {...field("name")}
            />
            <TextField
              label={t("customers.form.company")}
              autoComplete="off"
              {...field("company")}
            />
          </div>
          <div className="grid-2">
            <TextField
              label={t("customers.form.vatNumber")}
              hint={t("customers.form.vatNumberHint")}
              autoComplete="off"
              {...field("vatNumber")}
            />
            <TextField
              label={t("customers.form.email")}
              hint={t("customers.form.emailHint")}
              type="email"
              autoComplete="off"
              {...field("email")}
            />
          </div>
          <SelectField
            label={t("customers.form.language")}
            hint={t("customers.form.languageHint")}
            options={customerLanguages.map((lang) => ({
              value: lang,
              label: t(`common.languages.${lang}`),
            }))}
            {...field("language")}
          />
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t("customers.form.billing")}</legend>
        <div className="form">
          <TextField
            label={t("customers.form.street")}
            autoComplete="off"
            {...field("billingStreet")}
          />
          <div className="grid-2">
            <TextField
              label={t("customers.form.postalCode")}
              autoComplete="off"
              {...field("billingPostalCode")}
            />
            <TextField
              label={t("customers.form.city")}
              autoComplete="off"
              {...field("billingCity")}
            />
          </div>
          <SelectField
            label={t("customers.form.country")}
            options={countryOptions}
            {...field("billingCountry")}
          />
          <div
            className="field"
            style={{ flexDirection: "row", alignItems: "center", gap: "0.5rem" }}
          >
            <input
              id="hasDelivery"
              type="checkbox"
              style={{ width: "1.25rem", height: "1.25rem" }}
              aria-controls="delivery-address"
              aria-expanded={hasDelivery}
              {...form.register("hasDelivery")}
            />
            <label htmlFor="hasDelivery">{t("customers.form.hasDelivery")}</label>
          </div>
        </div>
      </fieldset>
      <fieldset className="card" id="delivery-address" hidden={!hasDelivery}>
        <legend>{t("customers.form.delivery")}</legend>
        <div className="form">
          <TextField
            label={t("customers.form.street")}
            autoComplete="off"
            {...field("deliveryStreet")}
          />
          <div className="grid-2">
            <TextField
              label={t("customers.form.postalCode")}
              autoComplete="off"
              {...field("deliveryPostalCode")}
            />
            <TextField
              label={t("customers.form.city")}
              autoComplete="off"
              {...field("deliveryCity")}
            />
          </div>
          <SelectField
            label={t("customers.form.country")}
            options={countryOptions}
            {...field("deliveryCountry")}
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t("common.saving") : id ? t("common.save") : t("customers.form.create")}
        </button>
      </div>
    </form>
  );
}
