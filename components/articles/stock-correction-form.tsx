"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { recordStockCorrectionAction } from "@/app/(dashboard)/articles/actions";
import { useFieldError } from "@/components/customers/use-field-error";
import { TextField } from "@/components/ui/text-field";
import {
  stockCorrectionSchema,
  type StockCorrection,
  type StockCorrectionInput,
} from "@/lib/articles/stock-correction-schema";

export function StockCorrectionForm({ articleId }: { articleId: string }) {
  const t = useTranslations();
  const translated = useFieldError();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<StockCorrectionInput, unknown, StockCorrection>({
    resolver: zodResolver(stockCorrectionSchema),
    defaultValues: { quantity: "", note: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(() => {
    startTransition(async () => {
      const result = await recordStockCorrectionAction(articleId, form.getValues());
      if (result.ok) {
        toast.success(t("articles.stock.correction.recorded"));
        form.reset();
        router.refresh();
        return;
      }
      if (result.formError) toast.error(t(result.formError));
      for (const [name, message] of Object.entries(result.fieldErrors)) {
        form.setError(name as keyof StockCorrectionInput, { message });
      }
    });
  });

  return (
    <form onSubmit={onSubmit} className="form" noValidate aria-labelledby="stock-correction">
      <h3 id="stock-correction" style={{ margin: 0, fontSize: "1rem" }}>
        {t("articles.stock.correction.title")}
      </h3>
      <div className="grid-2">
        <TextField
          label={t("articles.stock.correction.quantity")}
          hint={t("articles.stock.correction.quantityHint")}
          inputMode="decimal"
          autoComplete="off"
          registration={form.register("quantity")}
          error={translated(errors.quantity)}
        />
        <TextField
          label={t("articles.stock.correction.note")}
          hint={t("articles.stock.correction.noteHint")}
          autoComplete="off"
          registration={form.register("note")}
          error={translated(errors.note)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={pending}>
          {pending ? t("common.saving") : t("articles.stock.correction.submit")}
        </button>
      </div>
    </form>
  );
}
