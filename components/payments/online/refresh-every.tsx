"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Reloads the server component every few seconds while a payment is under way, so
 * the customer sees "Paid" as soon as the provider confirms, without a reload button.
 */
export function RefreshEvery({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
