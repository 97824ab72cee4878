"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Reloads the server component every few seconds while a payment is under way, so
 * the customer sees "Paid" as soon as the provider confirms. It stops after
 * `forMinutes`: a tab left open must not keep asking for fresh payments forever.
 */
export function RefreshEvery({ seconds, forMinutes }: { seconds: number; forMinutes: number }) {
  const router = useRouter();
  useEffect(() => {
    const stopAt = Date.now() + forMinutes * 60_000;
    const timer = setInterval(() => {
      if (Date.now() > stopAt) clearInterval(timer);
      else router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds, forMinutes]);
  return null;
}
