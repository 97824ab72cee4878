"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { revokeApiKeyAction } from "@/app/(dashboard)/settings/api-keys/actions";

/** Revoking cannot be undone, so it asks once more. */
export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("apiKeys");
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <button
        type="button"
        className="btn-link"
        aria-label={`${t("revoke")} ${name}`}
        onClick={() => setConfirming(true)}
      >
        {t("revoke")}
      </button>
    );
  }
  return (
    <span
      role="group"
      aria-label={t("revokeConfirm", { name })}
      style={{ display: "inline-flex", gap: "0.5rem", alignItems: "center", flexWrap: "wrap" }}
    >
      <span>{t("revokeConfirm", { name })}</span>
      <button
        type="button"
        className="btn"
        disabled={pending}
        autoFocus
        onClick={() =>
          startTransition(async () => {
            const result = await revokeApiKeyAction(id);
            if (result.ok) toast.success(t("revokedToast"));
            setConfirming(false);
          })
        }
      >
        {t("revokeYes")}
      </button>
      <button type="button" className="btn-link" onClick={() => setConfirming(false)}>
        {t("keep")}
      </button>
    </span>
  );
}
