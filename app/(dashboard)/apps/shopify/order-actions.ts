"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActiveApp } from "@/app/_server/require-active-app";
import { getShopifyConnection, saveConnectionSettings } from "@/db/queries/shopify-connections";
import { startImportRun } from "@/db/queries/shopify-imports";
import { enqueue } from "@/lib/jobs/queue";
import { getQueue } from "@/app/_server/queue";
import { importShopifyOrdersJob } from "@/lib/shopify/jobs/import-orders.job";
import { orderSettingsSchema } from "@/lib/shopify/order-sync/order-settings";
import { RECONCILE_WINDOW_HOURS } from "@/lib/shopify/jobs/reconcile.job";

type Result = { ok: true } | { ok: false; error: "not_connected" | "invalid" };

async function connected() {
  const ctx = await requireActiveApp("shopify");
  const connection = await getShopifyConnection(ctx.db, ctx.tenant);
  return connection?.status === "connected" ? { ...ctx, connection } : null;
}

/** Order settings: apply to orders that arrive from now on. */
export async function saveOrderSettings(input: unknown): Promise<Result> {
  const parsed = orderSettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const ctx = await connected();
  if (!ctx) return { ok: false, error: "not_connected" };
  await saveConnectionSettings(ctx.db, ctx.tenant, ctx.connection.id, parsed.data);
  revalidatePath("/apps/shopify");
  return { ok: true };
}

const importSchema = z.object({ since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/** "Import existing orders since <date>": a job with a live progress bar. */
export async function importOrdersSince(input: unknown): Promise<Result> {
  const parsed = importSchema.safeParse(input);
  const since = parsed.success ? new Date(`${parsed.data.since}T00:00:00Z`) : null;
  if (!since || Number.isNaN(since.getTime()) || since > new Date())
    return { ok: false, error: "invalid" };
  const ctx = await connected();
  if (!ctx) return { ok: false, error: "not_connected" };
  const runId = await startImportRun(ctx.db, ctx.tenant, {
    connectionId: ctx.connection.id,
    kind: "import",
    since,
  });
  await enqueue(await getQueue(), importShopifyOrdersJob, {
    organisationId: ctx.organisationId,
    runId,
  });
  revalidatePath("/apps/shopify");
  return { ok: true };
}

/** "Check for missed orders now": the hourly reconciliation, for this shop, at once. */
export async function reconcileNow(): Promise<Result> {
  const ctx = await connected();
  if (!ctx) return { ok: false, error: "not_connected" };
  const since = new Date(Date.now() - 7 * 24 * 3600_000 - RECONCILE_WINDOW_HOURS * 3600_000);
  const runId = await startImportRun(ctx.db, ctx.tenant, {
    connectionId: ctx.connection.id,
    kind: "reconcile",
    since,
  });
  await enqueue(await getQueue(), importShopifyOrdersJob, {
    organisationId: ctx.organisationId,
    runId,
  });
  revalidatePath("/apps/shopify");
  return { ok: true };
}
