"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import {
  switchStockModeAction,
  type SwitchStockResult,
} from "@/app/(dashboard)/apps/shopify/stock-actions";
import type { StockMode } from "@/lib/articles/stock-mode";
import styles from "./stock-mode.module.css";

/**
 * "Stock is managed in Facturo / Shopify". Choosing Facturo asks for the starting count
 * (a SKU;quantity file); the switch applies to documents issued from then on.
 */
export function StockModeForm({ current }: { current: StockMode }) {
  const t = useTranslations("shopifyStock");
  const router = useRouter();
  const [mode, setMode] = useState<StockMode>(current);
  const [problems, setProblems] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result: SwitchStockResult = await switchStockModeAction(data).catch(() => ({
        ok: false as const,
        error: "invalid" as const,
      }));
      if (!result.ok) {
        setProblems((result.problems ?? []).map((p) => t(`problems.${p.code}`, { line: p.line })));
        toast.error(t(`errors.${result.error}`));
        return;
      }
      setProblems([]);
      form.reset();
      if (!result.changed) toast.info(t("unchanged"));
      else toast.success(t(`switched.${mode}`, { counted: result.counted }));
      if (result.unknownSkus.length > 0)
        toast.warning(t("unknownSkus", { skus: result.unknownSkus.join(", ") }));
      router.refresh();
    });
  };
  const switching = mode !== current;
  return (
    <form className="form" onSubmit={onSubmit} aria-describedby="stock-advice">
      <fieldset className={styles.choices}>
        <legend>{t("managedIn")}</legend>
        {(["facturo", "shopify"] as const).map((option) => (
          <label key={option} className={styles.choice}>
            <input
              type="radio"
              name="mode"
              value={option}
              checked={mode === option}
              onChange={() => setMode(option)}
            />
            <span className={styles.choiceText}>
              <span>
                <strong>{t(`modes.${option}`)}</strong>
                {option === current && <span className="muted"> · {t("current")}</span>}
              </span>
              <span className="hint">{t(`modeHints.${option}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode === "facturo" && (
        <div className="field">
          <label htmlFor="stock-count">
            {switching ? t("count.labelSwitch") : t("count.labelRecount")}
          </label>
          <input
            id="stock-count"
            name="count"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-describedby="stock-count-hint"
          />
          <span id="stock-count-hint" className="hint">
            {t("count.hint")}
          </span>
        </div>
      )}
      {mode === "shopify" && switching && <p className="notice">{t("toShopifyNotice")}</p>}
      {problems.length > 0 && (
        <ul className="alert" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {/* Shopify chosen and kept: nothing to send (Facturo reads no count for Shopify). */}
      {(switching || mode === "facturo") && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {switching ? t(`submit.${mode}`) : t("submit.recount")}
          </button>
        </div>
      )}
    </form>
  );
}
