"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { ignoreBankLine, matchBankLine } from "@/app/(dashboard)/payments/actions";

/** Confirm the suggested invoice, or pick another open invoice, for one statement line. */
export function MatchLine(props: {
  lineId: string;
  suggestedInvoiceId: string | null;
  invoices: { id: string; label: string }[];
}) {
  const t = useTranslations("payments.review");
  const router = useRouter();
  const [invoiceId, setInvoiceId] = useState(props.suggestedInvoiceId ?? "");
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      const result = await matchBankLine({ lineId: props.lineId, invoiceId });
      if (result.ok) toast.success(t("matched"));
      else toast.error(t("failed"));
      router.refresh();
    });
  const ignore = () =>
    startTransition(async () => {
      const result = await ignoreBankLine(props.lineId);
      if (result.ok) toast.success(t("ignored"));
      else toast.error(t("failed"));
      router.refresh();
    });
  return (
    <div className="inline-form">
      <label className="visually-hidden" htmlFor={`invoice-${props.lineId}`}>
        {t("choose")}
      </label>
      <select
        id={`invoice-${props.lineId}`}
        value={invoiceId}
        onChange={(e) => setInvoiceId(e.target.value)}
      >
        <option value="">{t("choose")}</option>
        {props.invoices.map((invoice) => (
          <option key={invoice.id} value={invoice.id}>
            {invoice.label}
          </option>
        ))}
      </select>
      <button type="button" className="btn" disabled={pending || !invoiceId} onClick={submit}>
        {props.suggestedInvoiceId && invoiceId === props.suggestedInvoiceId
          ? t("confirm")
          : t("match")}
      </button>
      <button type="button" className="btn-link" disabled={pending} onClick={ignore}>
        {t("ignore")}
      </button>
    </div>
  );
}
