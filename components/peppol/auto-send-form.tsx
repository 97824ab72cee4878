"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { savePeppolAutoSend } from "@/app/(dashboard)/apps/peppol/actions";

/** The switch "send B2B invoices over Peppol automatically when they are sent". */
export function AutoSendForm({ initial }: { initial: boolean }) {
  const t = useTranslations("peppol.automatic");
  const [autoSend, setAutoSend] = useState(initial);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await savePeppolAutoSend(autoSend);
      if (result.ok) toast.success(t("saved"));
      else toast.error(t("error"));
    });
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <div className="field field-checkbox">
        <label>
          <input
            type="checkbox"
            checked={autoSend}
            onChange={(e) => setAutoSend(e.target.checked)}
            aria-describedby="peppol-autoSend-hint"
          />{" "}
          {t("autoSend")}
        </label>
        <span id="peppol-autoSend-hint" className="hint">
          {t("autoSendHint")}
        </span>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
