"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { retryAllFailed } from "@/app/(dashboard)/apps/shopify/inbox/actions";

/** Retry every delivery that needs attention, once the merchant fixed what they said. */
export function RetryAllButton() {
  const t = useTranslations("shopifyInbox.retry");
  const tAll = useTranslations();
  const [pending, startTransition] = useTransition();
  const onClick = () =>
    startTransition(async () => {
      const result = await retryAllFailed();
      if (!result.ok) {
        toast.error(tAll(result.formError ?? "common.error"));
        return;
      }
      const count = result.data?.count ?? 0;
      if (count > 0) toast.success(t("allDone", { count }));
      else toast.warning(t("allDone", { count }));
    });
  return (
    <button type="button" className="btn btn-primary" onClick={onClick} disabled={pending}>
      {pending ? t("allPending") : t("all")}
    </button>
  );
}
