"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { disconnectShopify } from "@/app/(dashboard)/apps/shopify/actions";

export function DisconnectButton({ shop }: { shop: string }) {
  const t = useTranslations("shopify");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const onClick = () => {
    if (!window.confirm(t("disconnectConfirm", { shop }))) return;
    startTransition(async () => {
      const result = await disconnectShopify();
      if (result.ok) toast.success(t("disconnectedNotice"));
      router.refresh();
    });
  };
  return (
    <button type="button" className="btn" onClick={onClick} disabled={pending}>
      {pending ? t("disconnecting") : t("disconnect")}
    </button>
  );
}
