import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { tenant, type Tenant } from "../tenant";
import { concept } from "../testing/document-factory";
import { createOrg, createUser, openTestDb } from "../testing/test-db";
import { decodeCursor, listDocuments } from "./documents";
import { createConcept } from "@/lib/documents/create-concept";

let handle: DbHandle;
let t: Tenant;
const created: string[] = [];

beforeAll(async () => {
  handle = await openTestDb();
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  for (let i = 0; i < 7; i++)
    created.push(
      await createConcept(
        handle.db,
        t,
        concept({ legend: `n${i}` }, i % 2 ? "order_form" : "invoice"),
      ),
    );
});
afterAll(() => handle.close());

describe("the document list", () => {
  it("pages newest first with no overlap and no gap, page after page", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listDocuments>> = await listDocuments(
        handle.db,
        t,
        {},
        decodeCursor(cursor),
        3,
      );
      seen.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
  });

  it("filters by type, and shows another organisation nothing", async () => {
    const invoices = await listDocuments(handle.db, t, { type: "invoice" }, null, 50);
    expect(invoices.rows.map((row) => row.id)).toEqual(
      created.filter((_, i) => i % 2 === 0).reverse(),
    );
    const stranger = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    expect((await listDocuments(handle.db, stranger, {}, null, 50)).rows).toEqual([]);
  });
});
