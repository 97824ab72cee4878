"use client";

import { useLocale, useTranslations } from "next-intl";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import type { Concept, ConceptInput } from "@/lib/documents/concept-schema";
import { emptyLine } from "./concept-form-values";
import styles from "./documents.module.css";
import { Field, type FieldControlProps } from "./field";
import { belgianLocale } from "./format";
import { LineNet, LiveTotalsFooter, LiveTotalsProvider } from "./live-totals-context";
import { useErrorText } from "./use-error-text";
import { parseVatChoice, vatChoicesFor, vatChoiceValue } from "./vat-choice";
import { vatLabel } from "./vat-label";

type Form = UseFormReturn<ConceptInput, unknown, Concept>;

/** The lines editor with a live totals preview (the server's own pricing, see live-totals.ts). */
export function ConceptLines({ form }: { form: Form }) {
  const t = useTranslations("documents");
  const errorText = useErrorText();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "lines" });
  const lineErrors = form.formState.errors.lines;
  const linesError = lineErrors?.message ?? lineErrors?.root?.message;

  return (
    <LiveTotalsProvider form={form}>
      <fieldset className="card">
        <legend>{t("form.lines")}</legend>
        {linesError && (
          <p className="field-error" role="alert">
            {errorText(linesError)}
          </p>
        )}
        {fields.map((field, index) => {
          const number = String(index + 1);
          const errors = lineErrors?.[index];
          const id = (name: string) => `lines-${index}-${name}`;
          return (
            <fieldset key={field.id} className={styles.line}>
              <legend>{t("form.line", { number })}</legend>
              <div className={styles.fields}>
                <Field
                  id={id("description")}
                  label={t("form.description")}
                  error={errorText(errors?.description?.message)}
                  className={styles.wide}
                >
                  {(a11y) => <input {...a11y} {...form.register(`lines.${index}.description`)} />}
                </Field>
                <Field id={id("sku")} label={t("form.sku")} error={errorText(errors?.sku?.message)}>
                  {(a11y) => <input {...a11y} {...form.register(`lines.${index}.sku`)} />}
                </Field>
                <Field
                  id={id("quantity")}
                  label={t("form.quantity")}
                  error={errorText(errors?.quantity?.message)}
                >
                  {(a11y) => (
                    <input
                      inputMode="decimal"
                      {...a11y}
                      {...form.register(`lines.${index}.quantity`)}
                    />
                  )}
                </Field>
                <Field
                  id={id("unitPrice")}
                  label={t("form.unitPrice")}
                  error={errorText(errors?.unitPrice?.message)}
                >
                  {(a11y) => (
                    <input
                      inputMode="decimal"
                      {...a11y}
                      {...form.register(`lines.${index}.unitPrice`)}
                    />
                  )}
                </Field>
                <Field id={id("priceMode")} label={t("form.priceMode")}>
                  {(a11y) => (
                    <select {...a11y} {...form.register(`lines.${index}.priceMode`)}>
                      <option value="excl">{t("form.excl")}</option>
                      <option value="incl">{t("form.incl")}</option>
                    </select>
                  )}
                </Field>
                <Field
                  id={id("discountPercent")}
                  label={t("form.discount")}
                  error={errorText(errors?.discountPercent?.message)}
                >
                  {(a11y) => (
                    <input
                      inputMode="decimal"
                      {...a11y}
                      {...form.register(`lines.${index}.discountPercent`)}
                    />
                  )}
                </Field>
                <Field
                  id={id("discountAmount")}
                  label={t("form.discountAmount")}
                  error={errorText(errors?.discountAmount?.message)}
                >
                  {(a11y) => (
                    <input
                      inputMode="decimal"
                      {...a11y}
                      {...form.register(`lines.${index}.discountAmount`)}
                    />
                  )}
                </Field>
                <Field
                  id={id("vat")}
                  label={t("form.vat")}
                  error={errorText(
                    errors?.vatCategory?.message ??
                      errors?.vatRateBp?.message ??
                      errors?.vatCountry?.message,
                  )}
                >
                  {(a11y) => <LineVatSelect form={form} index={index} a11y={a11y} />}
                </Field>
              </div>
              <div className={styles.lineFooter}>
                <LineNet index={index} />
                {fields.length > 1 && (
                  <button type="button" className="btn-link" onClick={() => remove(index)}>
                    {t("form.removeLine", { number })}
                  </button>
                )}
              </div>
            </fieldset>
          );
        })}
        <button type="button" className="btn" onClick={() => append(emptyLine())}>
          {t("form.addLine")}
        </button>
        <LiveTotalsFooter />
      </fieldset>
    </LiveTotalsProvider>
  );
}

/** The VAT choice of one line; it watches only its own line. */
function LineVatSelect({
  form,
  index,
  a11y,
}: {
  form: Form;
  index: number;
  a11y: FieldControlProps;
}) {
  const tv = useTranslations("documents.vat");
  const locale = belgianLocale(useLocale());
  const [category, rateBp, country] = useWatch({
    control: form.control,
    name: [`lines.${index}.vatCategory`, `lines.${index}.vatRateBp`, `lines.${index}.vatCountry`],
  });
  return (
    <select
      {...a11y}
      value={vatChoiceValue(category ?? "S", rateBp ?? 2100, country)}
      onChange={(event) => {
        const choice = parseVatChoice(event.target.value);
        if (!choice) return;
        form.setValue(`lines.${index}.vatCategory`, choice.category, { shouldDirty: true });
        form.setValue(`lines.${index}.vatRateBp`, choice.rateBp, { shouldDirty: true });
        form.setValue(`lines.${index}.vatCountry`, choice.country, { shouldDirty: true });
      }}
    >
      {vatChoicesFor(category ?? "S", rateBp ?? 2100, country).map((c) => (
        <option key={c.value} value={c.value}>
          {vatLabel(tv, c.category, c.rateBp, locale, c.country)}
        </option>
      ))}
    </select>
  );
}
