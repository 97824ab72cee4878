import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleSchema, emptyArticleInput, type ArticleInput } from "@/lib/articles/article-schema";
import type { DbHandle } from "../client";
import { tenant, type Tenant } from "../tenant";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "../testing/test-db";
import { createArticle, getArticle, listArticles, updateArticle } from "./articles";
import { recordManualCorrection } from "./stock";

let handle: DbHandle;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  const user = await createUser(handle.db);
  a = tenant((await createOrg(handle.db, user.id)).id);
  b = tenant((await createOrg(handle.db, user.id)).id);
});
afterAll(() => handle?.close());

const fields = (over: Partial<ArticleInput> = {}) =>
  articleSchema.parse({ ...emptyArticleInput, name: "Bougie", unitPrice: "12.50", ...over });

async function created(t: Tenant, over: Partial<ArticleInput> = {}) {
  const result = await createArticle(handle.db, t, fields(over));
  if (!result.ok) throw new Error(result.reason);
  return result.id;
}

describe("articles", () => {
  it("keeps a SKU unique per organisation, and the same SKU in two organisations apart", async () => {
    const sku = `SKU-${uniqueSuffix()}`;
    const inA = await created(a, { sku });
    expect(await createArticle(handle.db, a, fields({ sku, name: "Copy" }))).toEqual({
      ok: false,
      reason: "duplicate_sku",
    });
    const inB = await created(b, { sku });
    expect(inB).not.toBe(inA);
    // Articles without SKU never clash.
    await created(a, { sku: "" });
    await created(a, { sku: "" });
  });

  it("refuses to rename a SKU onto another article's and updates only its own articles", async () => {
    const taken = `TAKEN-${uniqueSuffix()}`;
    await created(a, { sku: taken });
    const id = await created(a, { sku: `FREE-${uniqueSuffix()}` });
    expect(await updateArticle(handle.db, a, id, fields({ sku: taken }))).toEqual({
      ok: false,
      reason: "duplicate_sku",
    });
    expect(await updateArticle(handle.db, b, id, fields({ name: "Hijacked" }))).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await getArticle(handle.db, b, id)).toBeNull();
    expect(
      await updateArticle(
        handle.db,
        a,
        id,
        fields({ name: "Bougie XL", unitPrice: "19,9", vat: "S:600", trackStock: true }),
      ),
    ).toEqual({ ok: true, id });
    expect(await getArticle(handle.db, a, id)).toMatchObject({
      name: "Bougie XL",
      unitPriceCents: 1990,
      vatCategory: "S",
      vatRateBp: 600,
      trackStock: true,
    });
  });

  it("lists articles with their current stock, searching name and SKU", async () => {
    const user = await createUser(handle.db);
    const t = tenant((await createOrg(handle.db, user.id)).id);
    const tag = uniqueSuffix();
    const mug = await created(t, { name: `Mug ${tag}`, sku: "MUG", trackStock: true });
    await created(t, { name: "Zeep", sku: `ZP-${tag}` });
    await created(t, { name: "Other" });
    await recordManualCorrection(handle.db, t, mug, 5000, "Delivery");
    await recordManualCorrection(handle.db, t, mug, -7500, "Broken");

    const list = await listArticles(handle.db, t, { search: tag });
    expect(list.rows.map((r) => [r.name, r.stockMilli])).toEqual([
      [`Mug ${tag}`, -2500],
      ["Zeep", 0],
    ]);
    expect(
      (await listArticles(handle.db, t, { pageSize: 2, page: 2 })).rows.map((r) => r.name),
    ).toEqual(["Zeep"]);
    expect((await listArticles(handle.db, a, { search: tag })).rows).toEqual([]);
  });
});
