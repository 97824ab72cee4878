"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { sendViaPeppol } from "@/app/(dashboard)/apps/peppol/actions";

/** "Send via Peppol" (or, for a buyer not found yet, "Look up again now": same action). */
export function SendViaPeppolButton({
  documentId,
  retry = false,
}: {
  documentId: string;
  retry?: boolean;
}) {
  const t = useTranslations("peppol");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const send = () =>
    startTransition(async () => {
      const result = await sendViaPeppol(documentId);
      if (result.ok) toast.success(t("send.queued"));
      else toast.error(t(result.error));
      router.refresh();
    });
  return (
    <button
      type="button"
      className={retry ? "btn" : "btn btn-green"}
      onClick={send}
      disabled={pending}
      data-testid="send-via-peppol"
    >
      {pending ? t("send.sending") : retry ? t("transmissions.retry") : t("send.button")}
    </button>
  );
}
