"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { importOrdersSince, reconcileNow } from "@/app/(dashboard)/apps/shopify/order-actions";

/** The date field and Import button; the progress is rendered by the page from the run's counters. */
export function ImportOrdersForm({
  defaultSince,
  minSince,
  maxSince,
}: {
  defaultSince: string;
  minSince: string | null;
  maxSince: string;
}) {
  const t = useTranslations("shopify.import");
  const router = useRouter();
  const [since, setSince] = useState(defaultSince);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await importOrdersSince({ since });
      if (result.ok) toast.success(t("started"));
      else toast.error(t("invalidDate"));
      router.refresh();
    });
  };
  return (
    <form className="form inline-form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="import-since">{t("since")}</label>
        <input
          id="import-since"
          type="date"
          value={since}
          min={minSince ?? undefined}
          max={maxSince}
          required
          onChange={(e) => setSince(e.target.value)}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {t("start")}
      </button>
    </form>
  );
}

export function ReconcileNowButton() {
  const t = useTranslations("shopify.reconcile");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await reconcileNow();
          if (result.ok) toast.success(t("started"));
          router.refresh();
        })
      }
    >
      {t("now")}
    </button>
  );
}
