"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page every few seconds while a background step (the setup job) runs. */
export function RefreshWhile({
  active,
  everyMs = 2000,
  forMs = 120_000,
}: {
  active: boolean;
  everyMs?: number;
  forMs?: number;
}) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const started = Date.now();
    const timer = window.setInterval(() => {
      if (Date.now() - started > forMs) window.clearInterval(timer);
      else router.refresh();
    }, everyMs);
    return () => window.clearInterval(timer);
  }, [active, everyMs, forMs, router]);
  return null;
}
