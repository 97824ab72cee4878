"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { saveSeriesAction } from "@/app/(dashboard)/settings/numbering/actions";
import { TextField } from "@/components/ui/text-field";
import type { DocumentType } from "@/lib/documents/document-lifecycle";
import { seriesFormSchema } from "@/lib/documents/series-schema";

type Input = z.input<typeof seriesFormSchema>;

export function SeriesForm(props: {
  type: DocumentType;
  pattern: string;
  yearlyRestart: boolean;
  nextSequence: number;
  locked: boolean;
  preview: string;
}) {
  const t = useTranslations("numbering");
  const tc = useTranslations("common");
  const [pending, startTransition] = useTransition();
  const form = useForm<Input, unknown, z.output<typeof seriesFormSchema>>({
    resolver: zodResolver(seriesFormSchema),
    defaultValues: {
      type: props.type,
      pattern: props.pattern,
      yearlyRestart: props.yearlyRestart,
      nextSequence: String(props.nextSequence),
    },
  });
  const { errors } = form.formState;
  const id = (name: string) => `${props.type}-${name}`;

  const onSubmit = form.handleSubmit(() =>
    startTransition(async () => {
      const values = form.getValues();
      const result = await saveSeriesAction({
        ...values,
        // A locked next number is not the merchant's to change; send nothing for it.
        nextSequence: props.locked ? "" : values.nextSequence,
      });
      if (result.ok) toast.success(t("saved"));
      else
        for (const [name, message] of Object.entries(result.fieldErrors)) {
          form.setError(name as keyof Input, { message });
        }
    }),
  );

  return (
    <form onSubmit={onSubmit} className="card form" noValidate aria-labelledby={id("title")}>
      <h2 id={id("title")}>{t(`types.${props.type}`)}</h2>
      <div className="grid-2">
        <TextField
          id={id("pattern")}
          label={t("pattern")}
          hint={t("patternHint")}
          registration={form.register("pattern")}
          error={errors.pattern}
        />
        <TextField
          id={id("next")}
          label={t("nextNumber")}
          hint={props.locked ? t("nextLocked") : t("nextNumberHint")}
          inputMode="numeric"
          readOnly={props.locked}
          registration={form.register("nextSequence")}
          error={errors.nextSequence}
        />
      </div>
      <label style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
        <input type="checkbox" {...form.register("yearlyRestart")} /> {t("yearlyRestart")}
      </label>
      <p className="muted">{t("preview", { number: props.preview })}</p>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? tc("saving") : tc("save")}
        </button>
      </div>
    </form>
  );
}
