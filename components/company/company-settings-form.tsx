"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { saveCompanySettings } from "@/app/(dashboard)/settings/actions";
import { TextField } from "@/components/ui/text-field";
import {
  companySettingsSchema,
  documentLanguageValues,
  type CompanySettingsInput,
} from "@/lib/company/company-schema";
import { legalFormChoiceText } from "@/lib/company/legal-mentions";
import { languageRegionOf } from "@/lib/company/language-rule";
import { languageRules, legalForms } from "@/db/schema/organisations";

const countries = ["BE", "NL", "FR", "LU", "DE"] as const;

export function CompanySettingsForm({ defaults }: { defaults: CompanySettingsInput }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const form = useForm<CompanySettingsInput, unknown, z.output<typeof companySettingsSchema>>({
    resolver: zodResolver(companySettingsSchema),
    defaultValues: defaults,
  });
  const { errors } = form.formState;
  const field = (name: Exclude<keyof CompanySettingsInput, "inLiquidation" | "vatFranchise">) => ({
    registration: form.register(name),
    error: errors[name],
  });
  const legalForm = form.watch("legalForm");
  const dutchRegion = languageRegionOf(form.watch("country"), form.watch("postalCode")) === "dutch";
  const ruleNames = {
    auto: "languageRuleAuto",
    dutch: "languageRuleDutch",
    customer: "languageRuleCustomer",
  } as const;
  const legalPerson = legalForm !== "" && legalForm !== "sole_trader" && legalForm !== "maatschap";

  const onSubmit = form.handleSubmit(() => {
    startTransition(async () => {
      const result = await saveCompanySettings(form.getValues());
      if (result.ok) {
        toast.success(t("common.saved"));
        return;
      }
      for (const [name, message] of Object.entries(result.fieldErrors)) {
        form.setError(name as keyof CompanySettingsInput, { message });
      }
    });
  });

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <fieldset className="card">
        <legend>{t("company.identity")}</legend>
        <div className="form">
          <TextField
            label={t("company.legalName")}
            autoComplete="organization"
            {...field("legalName")}
          />
          <TextField
            label={t("company.vatNumber")}
            hint={t("company.vatNumberHint")}
            {...field("vatNumber")}
          />
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t("company.address")}</legend>
        <div className="form">
          <TextField
            label={t("company.street")}
            autoComplete="street-address"
            {...field("street")}
          />
          <div className="grid-2">
            <TextField
              label={t("company.postalCode")}
              autoComplete="postal-code"
              {...field("postalCode")}
            />
            <TextField label={t("company.city")} autoComplete="address-level2" {...field("city")} />
          </div>
          <div className="field">
            <label htmlFor="country">{t("company.country")}</label>
            <select id="country" {...form.register("country")}>
              {countries.map((code) => (
                <option key={code} value={code}>
                  {new Intl.DisplayNames([t("common.intlLocale")], { type: "region" }).of(code)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t("company.legalSection")}</legend>
        <p className="hint">{t("company.legalIntro")}</p>
        <div className="form">
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
              label={t("company.enterpriseNumber")}
              hint={t("company.enterpriseNumberHint")}
              {...field("enterpriseNumber")}
            />
          </div>
          <TextField
            label={
              legalPerson
                ? `${t("company.registerCourt")} (${t("company.requiredByLaw")})`
                : t("company.registerCourt")
            }
            hint={t("company.registerCourtHint")}
            {...field("registerCourt")}
          />
          <p className="hint" style={{ margin: 0 }}>
            {t("company.registeredOfficeHint")}
          </p>
          <TextField label={t("company.registeredStreet")} {...field("registeredStreet")} />
          <div className="grid-2">
            <TextField
              label={t("company.registeredPostalCode")}
              {...field("registeredPostalCode")}
            />
            <TextField label={t("company.registeredCity")} {...field("registeredCity")} />
          </div>
          <div className="field field-checkbox">
            <label>
              <input type="checkbox" {...form.register("inLiquidation")} />{" "}
              {t("company.inLiquidation")}
            </label>
          </div>
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t("company.contactSection")}</legend>
        <p className="hint">{t("company.contactIntro")}</p>
        <div className="grid-2">
          <TextField
            label={t("company.contactEmail")}
            type="email"
            autoComplete="email"
            {...field("contactEmail")}
          />
          <TextField label={t("company.phone")} type="tel" autoComplete="tel" {...field("phone")} />
          <TextField
            label={t("company.website")}
            hint={t("company.websiteHint")}
            autoComplete="url"
            {...field("website")}
          />
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t("company.vatSection")}</legend>
        <div className="field field-checkbox">
          <label>
            <input
              type="checkbox"
              aria-describedby="vatFranchise-hint"
              {...form.register("vatFranchise")}
            />{" "}
            {t("company.vatFranchise")}
          </label>
          <span id="vatFranchise-hint" className="hint">
            {t("company.vatFranchiseHint")}
          </span>
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t("company.bank")}</legend>
        <div className="grid-2">
          <TextField label={t("company.iban")} {...field("iban")} />
          <TextField label={t("company.bic")} {...field("bic")} />
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t("company.emailSection")}</legend>
        <div className="grid-2">
          <TextField
            label={t("company.emailSenderName")}
            hint={t("company.emailSenderNameHint")}
            {...field("emailSenderName")}
          />
          <TextField
            label={t("company.emailReplyTo")}
            hint={t("company.emailReplyToHint")}
            type="email"
            {...field("emailReplyTo")}
          />
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t("company.documentsSection")}</legend>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="defaultLanguage">{t("company.defaultLanguage")}</label>
            <select id="defaultLanguage" {...form.register("defaultLanguage")}>
              {documentLanguageValues.map((lang) => (
                <option key={lang} value={lang}>
                  {t(`common.languages.${lang}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="languageRule">{t("company.languageRule")}</label>
            <select
              id="languageRule"
              aria-describedby="languageRule-hint"
              {...form.register("languageRule")}
            >
              {languageRules.map((rule) => (
                <option key={rule} value={rule}>
                  {t(`company.${ruleNames[rule]}`)}
                </option>
              ))}
            </select>
            <span id="languageRule-hint" className="hint">
              {form.watch("languageRule") === "auto"
                ? `${t(dutchRegion ? "company.languageRuleAutoDutch" : "company.languageRuleAutoFree")} `
                : ""}
              {t("company.languageRuleHint")}
            </span>
          </div>
          <div className="field">
            <span id="currency-label" style={{ fontWeight: 600 }}>
              {t("company.currency")}
            </span>
            <span aria-labelledby="currency-label">{t("company.currencyFixed")}</span>
          </div>
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </form>
  );
}
