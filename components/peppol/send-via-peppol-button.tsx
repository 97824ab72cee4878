"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { sendViaPeppol } from "@/app/(dashboard)/apps/peppol/actions";

export function SendViaPeppolButton({ documentId }: { documentId: string }) {
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
    <button type="button" className="btn btn-green" onClick={send} disabled={pending}>
      {pending ? t("send.sending") : t("send.button")}
    </button>
  );
}
