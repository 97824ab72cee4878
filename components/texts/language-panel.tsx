"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import {
  resetDocumentTextAction,
  saveDocumentTextAction,
} from "@/app/(dashboard)/settings/texts/actions";
import { textFieldsSchema } from "@/app/(dashboard)/settings/texts/schema";
import { Field } from "@/components/documents/field";
import type { DocumentType } from "@/lib/documents/document-lifecycle";
import {
  renderText,
  type DocumentTexts,
  type PaymentState,
  type TextLanguage,
  type TextValues,
} from "@/lib/documents/default-texts";
import styles from "./texts.module.css";

type Fields = z.input<typeof textFieldsSchema>;

/** One language's caption and email: fields on one side, the rendered preview on the other. */
export function LanguagePanel(props: {
  documentType: DocumentType;
  paymentState: PaymentState;
  language: TextLanguage;
  texts: DocumentTexts;
  source: "custom" | "default";
  values: TextValues;
  previewSource: string;
  missingTranslation: boolean;
}) {
  const t = useTranslations("texts");
  const tAll = useTranslations();
  const tc = useTranslations("common");
  const [pending, startTransition] = useTransition();
  const form = useForm<Fields, unknown, z.output<typeof textFieldsSchema>>({
    resolver: zodResolver(textFieldsSchema),
    defaultValues: props.texts,
  });
  const { errors, isDirty } = form.formState;
  const key = {
    documentType: props.documentType,
    paymentState: props.paymentState,
    language: props.language,
  };
  const id = (name: string) => `${props.language}-${name}`;
  const languageName = tc(`languages.${props.language}`);
  const errorText = (message: string | undefined) =>
    message
      ? tAll.has(message)
        ? tAll(message as "texts.errors.tooLong")
        : t("errors.invalid")
      : undefined;
  const [legend = "", emailSubject = "", emailBody = ""] = form.watch([
    "legend",
    "emailSubject",
    "emailBody",
  ]);

  const onSubmit = form.handleSubmit((fields) =>
    startTransition(async () => {
      const result = await saveDocumentTextAction({ ...key, ...fields });
      if (result.ok) {
        form.reset(fields);
        toast.success(t("saved", { language: languageName }));
        return;
      }
      for (const [name, message] of Object.entries(result.fieldErrors))
        form.setError(name as keyof Fields, { message });
    }),
  );

  // Back to the built-in text: the merchant's saved text is deleted (after a confirm),
  // or unsaved edits of a built-in text are simply dropped.
  const onReset = () => {
    if (props.source === "default") {
      form.reset(props.texts);
      return;
    }
    if (!window.confirm(t("resetConfirm", { language: languageName }))) return;
    startTransition(async () => {
      const result = await resetDocumentTextAction(key);
      if (result.ok) toast.success(t("resetDone", { language: languageName }));
      else toast.error(t("errors.reset"));
    });
  };

  const renderedLegend = renderText(legend, props.values);
  return (
    <form
      onSubmit={onSubmit}
      className={`card form ${styles.panel}`}
      noValidate
      aria-labelledby={id("title")}
    >
      <div className={styles.panelHeader}>
        <h2 id={id("title")}>{languageName}</h2>
        <span className={props.source === "custom" ? "badge" : "badge badge-muted"}>
          {props.source === "custom" ? t("ownText") : t("builtInText")}
        </span>
      </div>
      {props.missingTranslation && (
        <p className="notice" role="status">
          <strong>{t("missingTitle")}</strong> {t("missingText", { language: languageName })}
        </p>
      )}
      <div className={styles.columns}>
        <div className={styles.fields}>
          <Field
            id={id("legend")}
            label={t("legend")}
            hint={t("legendHint")}
            error={errorText(errors.legend?.message)}
          >
            {(a11y) => (
              <textarea rows={3} lang={props.language} {...a11y} {...form.register("legend")} />
            )}
          </Field>
          <Field
            id={id("subject")}
            label={t("emailSubject")}
            error={errorText(errors.emailSubject?.message)}
          >
            {(a11y) => <input lang={props.language} {...a11y} {...form.register("emailSubject")} />}
          </Field>
          <Field
            id={id("body")}
            label={t("emailBody")}
            error={errorText(errors.emailBody?.message)}
          >
            {(a11y) => (
              <textarea rows={9} lang={props.language} {...a11y} {...form.register("emailBody")} />
            )}
          </Field>
        </div>
        <section className={styles.preview} aria-labelledby={id("preview")}>
          <h3 id={id("preview")}>{t("preview")}</h3>
          <p className="muted">{props.previewSource}</p>
          <h4>{t("legend")}</h4>
          <p className={styles.previewText} lang={props.language}>
            {renderedLegend || <span className="muted">{t("noLegend")}</span>}
          </p>
          <h4>{t("emailSubject")}</h4>
          <p className={styles.previewText} lang={props.language}>
            {renderText(emailSubject, props.values)}
          </p>
          <h4>{t("emailBody")}</h4>
          <p className={styles.previewText} lang={props.language}>
            {renderText(emailBody, props.values)}
          </p>
        </section>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? tc("saving") : t("save", { language: languageName })}
        </button>
        <button
          type="button"
          className="btn"
          onClick={onReset}
          disabled={pending || (props.source === "default" && !isDirty)}
        >
          {t("reset")}
        </button>
        {isDirty && <span className="muted">{t("unsaved")}</span>}
      </div>
    </form>
  );
}
