"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useTransition } from "react";
import { toast } from "sonner";
import { setAppActive } from "@/app/(dashboard)/apps/actions";

/** Inactive: green Activate. Active: yellow Configure on the left, then Deactivate. */
export function AppActions({
  appKey,
  appName,
  active,
}: {
  appKey: string;
  appName: string;
  active: boolean;
}) {
  const t = useTranslations("apps");
  const [pending, startTransition] = useTransition();
  // The buttons change with the state: keep keyboard focus on the new first action.
  const holder = useRef<HTMLSpanElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    holder.current?.querySelector<HTMLElement>("a, button")?.focus();
  }, [active]);
  const toggle = (next: boolean) => {
    // Deactivating Shopify disconnects the shop: say so before doing it.
    if (appKey === "shopify" && !next && !window.confirm(t("deactivateShopifyConfirm"))) return;
    startTransition(async () => {
      const result = await setAppActive(appKey, next);
      if (result.ok) toast.success(t(next ? "activated" : "deactivated", { app: appName }));
      else toast.error(t("notActive", { app: appName }));
    });
  };

  return (
    <span ref={holder} style={{ display: "contents" }}>
      {active ? activeActions() : inactiveActions()}
    </span>
  );

  function inactiveActions() {
    return (
      <button
        type="button"
        className="btn btn-green"
        disabled={pending}
        onClick={() => toggle(true)}
        aria-label={`${t("activate")} ${appName}`}
      >
        {t("activate")}
      </button>
    );
  }

  function activeActions() {
    return (
      <>
        <Link
          href={`/apps/${appKey}`}
          className="btn btn-yellow"
          aria-label={`${t("configure")} ${appName}`}
        >
          {t("configure")}
        </Link>
        <button
          type="button"
          className="btn-link"
          disabled={pending}
          onClick={() => toggle(false)}
          aria-label={`${t("deactivate")} ${appName}`}
        >
          {t("deactivate")}
        </button>
      </>
    );
  }
}
