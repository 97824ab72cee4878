"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createArticleAction, updateArticleAction } from "@/app/(dashboard)/articles/actions";
import { SelectField } from "@/components/customers/select-field";
import { useFieldError } from "@/components/customers/use-field-error";
import { TextField } from "@/components/ui/text-field";
import {
  articleSchema,
  type ArticleFields,
  type ArticleInput,
} from "@/lib/articles/article-schema";
import { articleVatChoices } from "@/lib/articles/article-vat";

/** New article (no id) or edit one; the same schema checks here and in the action. */
export function ArticleForm({ id, defaults }: { id?: string; defaults: ArticleInput }) {
  const t = useTranslations();
  const translated = useFieldError();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<ArticleInput, unknown, ArticleFields>({
    resolver: zodResolver(articleSchema),
    defaultValues: defaults,
  });
  const { errors } = form.formState;
  const field = (name: Exclude<keyof ArticleInput, "trackStock">) => ({
    registration: form.register(name),
    error: translated(errors[name]),
  });

  const onSubmit = form.handleSubmit(() => {
    startTransition(async () => {
      const values = form.getValues();
      const result = id ? await updateArticleAction(id, values) : await createArticleAction(values);
      if (result.ok) {
        toast.success(t(id ? "articles.saved" : "articles.created"));
        if (!id && result.data) router.push(`/articles/${result.data.id}`);
        else router.refresh();
        return;
      }
      if (result.formError) toast.error(t(result.formError));
      for (const [name, message] of Object.entries(result.fieldErrors)) {
        form.setError(name as keyof ArticleInput, { message });
      }
    });
  });

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <fieldset className="card">
        <legend>{t("articles.form.details")}</legend>
        <div className="form">
          <div className="grid-2">
            <TextField label={t("articles.form.name")} autoComplete="off" {...field("name")} />
            <TextField
              label={t("articles.form.sku")}
              hint={t("articles.form.skuHint")}
              autoComplete="off"
              spellCheck={false}
              {...field("sku")}
            />
          </div>
          <div className="grid-2">
            <TextField
              label={t("articles.form.unitPrice")}
              hint={t("articles.form.unitPriceHint")}
              inputMode="decimal"
              autoComplete="off"
              {...field("unitPrice")}
            />
            <SelectField
              label={t("articles.form.vat")}
              options={articleVatChoices.map((choice) => ({
                value: choice,
                label: t(`articles.form.vatChoices.${choice.replace(":", "")}`),
              }))}
              {...field("vat")}
            />
          </div>
          <div className="field">
            <div style={{ display: "flex", alignItems: "center", gap: "0.5rem" }}>
              <input
                id="trackStock"
                type="checkbox"
                style={{ width: "1.25rem", height: "1.25rem" }}
                aria-describedby="trackStock-hint"
                {...form.register("trackStock")}
              />
              <label htmlFor="trackStock">{t("articles.form.trackStock")}</label>
            </div>
            <span id="trackStock-hint" className="hint">
              {t("articles.form.trackStockHint")}
            </span>
          </div>
          <TextField
            label={t("articles.form.lowStock")}
            hint={t("articles.form.lowStockHint")}
            inputMode="decimal"
            autoComplete="off"
            {...field("lowStock")}
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t("common.saving") : id ? t("common.save") : t("articles.form.create")}
        </button>
      </div>
    </form>
  );
}
