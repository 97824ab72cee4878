"use client";

import { useLocale, useTranslations } from "next-intl";
import { createContext, useContext, useDeferredValue, useMemo } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import type { Concept, ConceptInput } from "@/lib/documents/concept-schema";
import { formatMoney } from "@/lib/money";
import { belgianLocale } from "./format";
import { computeLiveTotals } from "./live-totals";
import { TotalsSummary } from "./totals-summary";

type Form = UseFormReturn<ConceptInput, unknown, Concept>;
type LiveTotals = ReturnType<typeof computeLiveTotals>;

const LiveTotalsContext = createContext<LiveTotals | null>(null);

/**
 * Watches every line and prices them, deferred, for the small pieces that show the
 * result. Only those re-render on a keystroke, not the whole lines editor: with 200
 * lines, re-rendering every field on every key made typing crawl.
 */
export function LiveTotalsProvider({ form, children }: { form: Form; children: React.ReactNode }) {
  const lines = useWatch({ control: form.control, name: "lines" });
  const deferred = useDeferredValue(lines);
  const live = useMemo(() => computeLiveTotals(deferred), [deferred]);
  return <LiveTotalsContext.Provider value={live}>{children}</LiveTotalsContext.Provider>;
}

function useLiveTotals(): LiveTotals {
  const live = useContext(LiveTotalsContext);
  if (!live) throw new Error("LiveTotalsProvider is missing");
  return live;
}

/** One line's net amount, or nothing while the line is still incomplete. */
export function LineNet({ index }: { index: number }) {
  const t = useTranslations("documents");
  const locale = belgianLocale(useLocale());
  const live = useLiveTotals();
  const priced = live.skippedLines.includes(index)
    ? undefined
    : live.totals.lines[index - live.skippedLines.filter((i) => i < index).length];
  return (
    <span aria-live="polite">
      {priced ? `${t("totals.net")}: ${formatMoney(priced.netCents, "EUR", locale)}` : ""}
    </span>
  );
}

export function LiveTotalsFooter() {
  const t = useTranslations("documents");
  const live = useLiveTotals();
  return (
    <div aria-live="polite" style={{ marginTop: "1rem" }}>
      {live.skippedLines.length > 0 && <p className="muted">{t("totals.skipped")}</p>}
      <TotalsSummary totals={live.totals} currency="EUR" />
    </div>
  );
}
