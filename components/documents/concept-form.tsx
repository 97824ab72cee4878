"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { saveConcept } from "@/app/(dashboard)/documents/actions";
import type { CustomerOption } from "@/app/(dashboard)/documents/customer-options";
import { conceptSchema, type Concept, type ConceptInput } from "@/lib/documents/concept-schema";
import { documentTypes, type DocumentType } from "@/lib/documents/document-lifecycle";
import { defaultDueDate } from "./concept-form-values";
import { ConceptLines } from "./concept-lines";
import styles from "./documents.module.css";
import { Field } from "./field";
import { useErrorText } from "./use-error-text";

const languages = ["fr", "nl", "en", "de"] as const;

/** New concept (documentId null) or an existing one; the same schema validates here and on the server. */
export function ConceptForm({
  documentId,
  defaults,
  customers,
  organisationLanguage,
  cancelHref,
}: {
  documentId: string | null;
  defaults: ConceptInput;
  customers: CustomerOption[];
  organisationLanguage: ConceptInput["language"];
  cancelHref: string;
}) {
  const t = useTranslations("documents");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ConceptInput, unknown, Concept>({
    resolver: zodResolver(conceptSchema),
    defaultValues: defaults,
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(
    (_valid) => {
      setFormError(null);
      startTransition(async () => {
        // Success redirects to the document; only failures come back.
        const result = await saveConcept(form.getValues(), documentId);
        if (result.ok) return;
        for (const [name, message] of Object.entries(result.fieldErrors)) {
          form.setError(name as FieldPath<ConceptInput>, { message });
        }
        setFormError(result.formError ?? null);
      });
    },
    () => setFormError("documents.form.fixErrors"),
  );

  // The due date follows the type and issue date until the merchant sets it by hand.
  const followDueDate = (type: DocumentType, issueDate: string) => {
    const { type: oldType, issueDate: oldIssue, dueDate } = form.getValues();
    if ((dueDate ?? "") === defaultDueDate(oldType, oldIssue)) {
      form.setValue("dueDate", defaultDueDate(type, issueDate), { shouldDirty: true });
    }
  };
  const typeField = form.register("type");
  const issueField = form.register("issueDate");
  const customerField = form.register("customerId");

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      {formError && (
        <p className="alert" role="alert">
          {errorText(formError)}
        </p>
      )}
      <fieldset className="card">
        <legend>{t("form.document")}</legend>
        <div className={styles.fields}>
          {documentId === null ? (
            <Field id="type" label={t("form.type")}>
              {(a11y) => (
                <select
                  {...a11y}
                  {...typeField}
                  onChange={(event) => {
                    followDueDate(event.target.value as DocumentType, form.getValues("issueDate"));
                    void typeField.onChange(event);
                  }}
                >
                  {documentTypes.map((type) => (
                    <option key={type} value={type}>
                      {t(`types.${type}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <div className="field">
              <span style={{ fontWeight: 600 }}>{t("form.type")}</span>
              <span>{t(`types.${defaults.type}`)}</span>
            </div>
          )}
          <Field
            id="customerId"
            label={t("form.customer")}
            error={errorText(errors.customerId?.message)}
            hint={customers.length === 0 ? t("form.noCustomers") : undefined}
          >
            {(a11y) => (
              <select
                {...a11y}
                {...customerField}
                onChange={(event) => {
                  const chosen = customers.find((c) => c.id === event.target.value);
                  form.setValue("language", chosen?.language ?? organisationLanguage, {
                    shouldDirty: true,
                  });
                  void customerField.onChange(event);
                }}
              >
                <option value="">{t("form.noCustomer")}</option>
                {customers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="language" label={t("form.language")} hint={t("form.languageHint")}>
            {(a11y) => (
              <select {...a11y} {...form.register("language")}>
                {languages.map((lang) => (
                  <option key={lang} value={lang}>
                    {tc(`languages.${lang}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="issueDate"
            label={t("form.issueDate")}
            error={errorText(errors.issueDate?.message)}
          >
            {(a11y) => (
              <input
                type="date"
                required
                {...a11y}
                {...issueField}
                onChange={(event) => {
                  followDueDate(form.getValues("type"), event.target.value);
                  void issueField.onChange(event);
                }}
              />
            )}
          </Field>
          <Field
            id="supplyDate"
            label={t("form.supplyDate")}
            hint={t("form.supplyDateHint")}
            error={errorText(errors.supplyDate?.message)}
          >
            {(a11y) => <input type="date" {...a11y} {...form.register("supplyDate")} />}
          </Field>
          <Field
            id="dueDate"
            label={t("form.dueDate")}
            hint={t("form.dueDateHint")}
            error={errorText(errors.dueDate?.message)}
          >
            {(a11y) => <input type="date" {...a11y} {...form.register("dueDate")} />}
          </Field>
          <Field
            id="legend"
            label={t("form.legend")}
            hint={t("form.legendHint")}
            error={errorText(errors.legend?.message)}
            className={styles.wide}
          >
            {(a11y) => <textarea rows={3} {...a11y} {...form.register("legend")} />}
          </Field>
        </div>
      </fieldset>
      <ConceptLines form={form} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t("form.saving") : t("form.saveConcept")}
        </button>
        <Link href={cancelHref} className="btn">
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
