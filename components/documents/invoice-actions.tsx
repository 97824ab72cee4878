"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { creditInvoice, markInvoicePaid } from "@/app/(dashboard)/documents/[id]/invoice-actions";

function textOf(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** A sent invoice: Mark as paid (the rest of the amount, today) and Credit. */
export function InvoiceActions({
  documentId,
  payable,
  due,
  today,
}: {
  documentId: string;
  payable: boolean;
  /** What is still due, as a decimal string ("181.50"). */
  due: string;
  /** Today in Brussels, YYYY-MM-DD. */
  today: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pay = (formData: FormData) =>
    startTransition(async () => {
      const result = await markInvoicePaid(documentId, {
        amount: textOf(formData, "amount"),
        paidOn: textOf(formData, "paidOn"),
        method: textOf(formData, "method"),
      });
      if (result.ok) {
        toast.success(t("documents.detail.markedPaid"));
        setOpen(false);
        setError(null);
        router.refresh();
      } else
        setError(
          result.fieldErrors.amount ??
            result.fieldErrors.paidOn ??
            result.formError ??
            "common.error",
        );
    });
  return (
    <>
      {payable && !open && (
        <button type="button" className="btn btn-green" onClick={() => setOpen(true)}>
          {t("documents.detail.markPaid")}
        </button>
      )}
      {payable && open && (
        <form
          action={pay}
          className="form"
          style={{ flexBasis: "100%" }}
          aria-label={t("documents.detail.markPaid")}
        >
          <div className="grid-2">
            <div className="field">
              <label htmlFor="payment-amount">{t("documents.detail.paymentAmount")}</label>
              <input
                id="payment-amount"
                name="amount"
                inputMode="decimal"
                defaultValue={due}
                autoFocus
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "payment-error" : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="payment-date">{t("documents.detail.paymentDate")}</label>
              <input id="payment-date" name="paidOn" type="date" defaultValue={today} />
            </div>
            <div className="field">
              <label htmlFor="payment-method">{t("documents.detail.paymentMethod")}</label>
              <select id="payment-method" name="method" defaultValue="bank_transfer">
                {(["bank_transfer", "cash", "card", "manual"] as const).map((method) => (
                  <option key={method} value={method}>
                    {t(`documents.methods.${method}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {error && (
            <p id="payment-error" className="field-error" role="alert">
              {t(error as "common.error")}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-green" disabled={pending}>
              {t("documents.detail.recordPayment")}
            </button>
            <button type="button" className="btn-link" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
      <button
        type="button"
        className="btn"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await creditInvoice(documentId);
            if (result && !result.ok)
              toast.error(t((result.formError ?? "common.error") as "common.error"));
          })
        }
      >
        {t("documents.detail.credit")}
      </button>
    </>
  );
}
