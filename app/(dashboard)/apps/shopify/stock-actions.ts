"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActiveApp } from "@/app/_server/require-active-app";
import { parseStockCount, type StockCountProblem } from "@/lib/articles/parse-stock-count";
import { STOCK_MODES } from "@/lib/articles/stock-mode";
import { switchStockMode } from "@/lib/articles/switch-stock-mode";
import { systemClock } from "@/lib/calendar/clock";

/** A count file is a few hundred kB at most; a bigger one is not a count. */
const MAX_COUNT_BYTES = 1_000_000;

export type SwitchStockResult =
  | { ok: true; changed: boolean; counted: number; unknownSkus: string[] }
  | { ok: false; error: "invalid" | "tooLarge" | "badFile"; problems?: StockCountProblem[] };

const formSchema = z.object({ mode: z.enum(STOCK_MODES) });

/** "Stock is managed in": the switch, with the starting count file when Facturo takes over. */
export async function switchStockModeAction(form: FormData): Promise<SwitchStockResult> {
  const parsed = formSchema.safeParse({ mode: form.get("mode") });
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { db, tenant, userId } = await requireActiveApp("shopify");
  const file = form.get("count");
  let csv;
  if (parsed.data.mode === "facturo" && file instanceof File && file.size > 0) {
    if (file.size > MAX_COUNT_BYTES) return { ok: false, error: "tooLarge" };
    const count = parseStockCount(await file.text());
    if (!count.ok)
      return {
        ok: false,
        error: "tooLarge" in count ? "tooLarge" : "badFile",
        problems: count.problems,
      };
    csv = count.counts;
  }
  const result = await switchStockMode(
    db,
    tenant,
    { mode: parsed.data.mode, userId, ...(csv ? { counts: { csv } } : {}) },
    systemClock,
  );
  revalidatePath("/apps/shopify");
  revalidatePath("/articles");
  return {
    ok: true,
    changed: result.changed,
    counted: result.changed ? (result.startingCount?.counted ?? 0) : 0,
    unknownSkus: result.changed ? (result.startingCount?.unknownSkus ?? []) : [],
  };
}
