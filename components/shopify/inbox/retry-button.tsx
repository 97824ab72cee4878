"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { retryDelivery } from "@/app/(dashboard)/apps/shopify/inbox/actions";

/** Retry one delivery; the action refreshes the inbox, where the row now shows Waiting. */
export function RetryButton({ deliveryId, order }: { deliveryId: string; order: string | null }) {
  const t = useTranslations("shopifyInbox.retry");
  const tAll = useTranslations();
  const [pending, startTransition] = useTransition();
  const onClick = () =>
    startTransition(async () => {
      const result = await retryDelivery(deliveryId);
      if (result.ok) toast.success(t("done"));
      else toast.error(tAll(result.formError ?? "common.error"));
    });
  return (
    <button
      type="button"
      className="btn"
      onClick={onClick}
      disabled={pending}
      aria-label={order ? t("label", { order }) : t("labelNoOrder")}
    >
      {pending ? t("pending") : t("button")}
    </button>
  );
}
