"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { uploadStatement } from "@/app/(dashboard)/payments/actions";
import { MAX_STATEMENT_BYTES } from "@/lib/security/body-limits";

export function UploadStatementForm() {
  const t = useTranslations("payments.upload");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("statement");
    // Said here, before the upload: the server refuses the same size with 413.
    if (file instanceof File && file.size > MAX_STATEMENT_BYTES) {
      toast.error(t("tooLarge"));
      return;
    }
    startTransition(async () => {
      const result = await uploadStatement(data).catch(() => ({
        ok: false as const,
        error: "failed" as const,
      }));
      if (result.ok) {
        toast.success(t("started"));
        form.reset();
      } else toast.error(t(result.error));
      router.refresh();
    });
  };
  return (
    <form className="form inline-form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="statement">{t("file")}</label>
        <input
          id="statement"
          name="statement"
          type="file"
          accept=".cod,.coda,.txt,.xml,.bc2,.cbi"
          required
          aria-describedby="statement-hint"
        />
        <span id="statement-hint" className="hint">
          {t("hint")}
        </span>
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
