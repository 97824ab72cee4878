"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { creditInvoice, markInvoicePaid } from "@/app/(dashboard)/documents/[id]/invoice-actions";

/** A sent invoice: Mark as paid (the rest of the amount, today) and Credit. */
export function InvoiceActions({ documentId, payable }: { documentId: string; payable: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <>
      {payable && (
        <button
          type="button"
          className="btn btn-green"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await markInvoicePaid(documentId);
              if (result.ok) toast.success(t("documents.detail.markedPaid"));
              else toast.error(t((result.formError ?? "common.error") as "common.error"));
              router.refresh();
            })
          }
        >
          {t("documents.detail.markPaid")}
        </button>
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
