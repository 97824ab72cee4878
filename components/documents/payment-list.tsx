"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { undoInvoicePayment } from "@/app/(dashboard)/documents/[id]/invoice-actions";
import type { PaymentMethod } from "@/db/schema";
import { formatMoney } from "@/lib/money";
import styles from "./documents.module.css";
import { belgianLocale } from "./format";

export interface PaymentRow {
  id: string;
  amountCents: number;
  method: PaymentMethod;
  paidOn: string;
  reference: string | null;
  undone: boolean;
}

/** The payments recorded on an invoice, newest last, each with Undo while it counts. */
export function PaymentList({
  documentId,
  currency,
  payments,
}: {
  documentId: string;
  currency: string;
  payments: PaymentRow[];
}) {
  const t = useTranslations("documents");
  const tAll = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const intl = belgianLocale(useLocale());
  const money = (cents: number) => formatMoney(cents, currency, intl);
  const undo = (payment: PaymentRow) => {
    if (!window.confirm(t("detail.undoConfirm", { amount: money(payment.amountCents) }))) return;
    startTransition(async () => {
      const result = await undoInvoicePayment(documentId, payment.id);
      if (result.ok) toast.success(t("detail.paymentUndone"));
      else toast.error(tAll((result.formError ?? "documents.errors.notFound") as "common.error"));
      router.refresh();
    });
  };
  return (
    <ul className={styles.payments}>
      {payments.map((payment) => (
        <li key={payment.id} data-undone={payment.undone || undefined}>
          <span>
            {format.dateTime(new Date(`${payment.paidOn}T12:00:00Z`), { dateStyle: "medium" })}
            {" · "}
            <strong>{money(payment.amountCents)}</strong>
            {" · "}
            {t(`methods.${payment.method}`)}
            {payment.reference && <span className="muted"> · {payment.reference}</span>}
            {payment.undone && <span className="muted"> ({t("detail.undone")})</span>}
          </span>
          {!payment.undone && (
            <button
              type="button"
              className="btn-link"
              disabled={pending}
              onClick={() => undo(payment)}
              aria-label={`${t("detail.undoPayment")} ${money(payment.amountCents)}`}
            >
              {t("detail.undoPayment")}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
