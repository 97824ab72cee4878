"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOrg } from "@/app/_server/context";
import { createArticle, updateArticle } from "@/db/queries/articles";
import { recordManualCorrection } from "@/db/queries/stock";
import { articleSchema, type ArticleInput } from "@/lib/articles/article-schema";
import {
  stockCorrectionSchema,
  type StockCorrectionInput,
} from "@/lib/articles/stock-correction-schema";
import { fieldErrorsOf, type ActionResult } from "@/lib/forms/action-result";

const notFound = { ok: false, fieldErrors: {}, formError: "articles.notFound" } as const;
const duplicateSku = {
  ok: false,
  fieldErrors: { sku: "articles.validation.duplicateSku" },
} as const;
const isId = (id: string) => z.string().uuid().safeParse(id).success;

export async function createArticleAction(
  input: ArticleInput,
): Promise<ActionResult<{ id: string }>> {
  const { db, tenant } = await requireOrg();
  const parsed = articleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const saved = await createArticle(db, tenant, parsed.data);
  if (!saved.ok) return duplicateSku;
  revalidatePath("/articles");
  return { ok: true, data: { id: saved.id } };
}

export async function updateArticleAction(id: string, input: ArticleInput): Promise<ActionResult> {
  const { db, tenant } = await requireOrg();
  if (!isId(id)) return notFound;
  const parsed = articleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const saved = await updateArticle(db, tenant, id, parsed.data);
  if (!saved.ok) return saved.reason === "duplicate_sku" ? duplicateSku : notFound;
  revalidatePath("/articles");
  revalidatePath(`/articles/${id}`);
  return { ok: true };
}

export async function recordStockCorrectionAction(
  articleId: string,
  input: StockCorrectionInput,
): Promise<ActionResult> {
  const { db, tenant } = await requireOrg();
  if (!isId(articleId)) return notFound;
  const parsed = stockCorrectionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const id = await recordManualCorrection(
    db,
    tenant,
    articleId,
    parsed.data.quantity,
    parsed.data.note,
  );
  if (!id) return notFound;
  revalidatePath("/articles");
  revalidatePath(`/articles/${articleId}`);
  return { ok: true };
}
