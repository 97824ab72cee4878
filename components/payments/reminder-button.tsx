"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { sendPaymentReminder } from "@/app/(dashboard)/payments/actions";

/** Send reminder: one click queues the reminder email; the answer says to whom, or why not. */
export function ReminderButton({ invoiceId, label }: { invoiceId: string; label: string }) {
  const t = useTranslations("payments.overdue");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const send = () =>
    startTransition(async () => {
      const result = await sendPaymentReminder(invoiceId);
      if (result.ok) toast.success(t("queued", { to: result.to }));
      else toast.error(t(`refused.${result.reason}`));
      router.refresh();
    });
  return (
    <button
      type="button"
      className="btn"
      disabled={pending}
      onClick={send}
      aria-label={`${t("send")} ${label}`}
    >
      {pending ? t("sending") : t("send")}
    </button>
  );
}
