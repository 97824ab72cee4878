"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { revokeApiKeyAction } from "@/app/(dashboard)/settings/api-keys/actions";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("apiKeys");
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn-link"
      disabled={pending}
      aria-label={`${t("revoke")} ${name}`}
      onClick={() =>
        startTransition(async () => {
          const result = await revokeApiKeyAction(id);
          if (result.ok) toast.success(t("revokedToast"));
        })
      }
    >
      {t("revoke")}
    </button>
  );
}
